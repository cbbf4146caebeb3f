package org.termcurator.core.curate;

/** One message of an exported conversation; role is system, user or assistant. */
public record ChatMessage(String role, String content) {

    public boolean isAssistant() {
        return "assistant".equals(role);
    }
}
