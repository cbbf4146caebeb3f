package org.termcurator.core.curate;

import java.util.List;

/** The task instruction a conversation carries: Terminus puts it between "Task Description:" and the terminal state. */
final class InstructionText {

    private static final String START = "Task Description:";
    private static final String END = "\n\nCurrent terminal state:";

    private InstructionText() {
    }

    static String fromPrefix(List<ChatMessage> prefix) {
        String fallback = null;
        for (ChatMessage message : prefix) {
            String content = message.content();
            int start = content.indexOf(START);
            if (start >= 0) {
                int from = start + START.length();
                int end = content.indexOf(END, from);
                return (end < 0 ? content.substring(from) : content.substring(from, end)).strip();
            }
            if (fallback == null && "user".equals(message.role()) && !content.isBlank()) {
                fallback = content.strip();
            }
        }
        if (fallback == null && !prefix.isEmpty() && !prefix.getFirst().content().isBlank()) {
            fallback = prefix.getFirst().content().strip();
        }
        return fallback;
    }
}
