package org.termcurator.core.curate;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the conversation of a trajectory from its stored steps, in order. An assistant step
 * becomes an assistant message (a {@code <think>} block first when it has reasoning, as the
 * Terminal-Corpus rows carry it); its observation becomes the next user message; user and tool
 * steps become user messages (the Terminus harness sends terminal output as the user); system
 * steps stay system messages.
 */
final class ConversationBuilder {

    private final List<ChatMessage> prefix = new ArrayList<>();
    private final List<Conversation.Turn> turns = new ArrayList<>();
    private ChatMessage answer;
    private final List<ChatMessage> replies = new ArrayList<>();
    private byte flags;
    private boolean marksComplete;
    private String commands;

    /**
     * @param parseStatus the stored parse status (ok, parse_error, harness_error, empty) or null
     * @param commands    the stored commands JSON of an assistant step, or null
     */
    void add(String role, String message, String reasoning, String observation, String parseStatus,
             boolean taskComplete, String commands) {
        if ("assistant".equals(role)) {
            finishTurn();
            String content = reasoning == null ? nullToEmpty(message)
                    : "<think>" + reasoning + "</think>" + nullToEmpty(message);
            answer = new ChatMessage("assistant", content);
            flags = 0;
            if ("parse_error".equals(parseStatus)) {
                flags |= Conversation.BAD;
            }
            if ("empty".equals(parseStatus) || content.isBlank()) {
                flags |= Conversation.EMPTY;
            }
            marksComplete = taskComplete;
            this.commands = commands;
            if (observation != null && !observation.isEmpty()) {
                replies.add(new ChatMessage("user", observation));
            }
            return;
        }
        ChatMessage chat = new ChatMessage("system".equals(role) ? "system" : "user", nullToEmpty(message));
        if (answer == null) {
            if (!chat.content().isEmpty() || "system".equals(chat.role())) {
                prefix.add(chat);
            }
            return;
        }
        if ("harness_error".equals(parseStatus)) {
            flags |= Conversation.BAD;
        }
        replies.add(chat);
        if (observation != null && !observation.isEmpty()) {
            replies.add(new ChatMessage("user", observation));
        }
    }

    Conversation build() {
        finishTurn();
        return new Conversation(List.copyOf(prefix), List.copyOf(turns));
    }

    private void finishTurn() {
        if (answer != null) {
            turns.add(new Conversation.Turn(answer, List.copyOf(replies), flags, marksComplete, commands));
        }
        answer = null;
        replies.clear();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
