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
    private String message;
    private String reasoning;
    private String toolCalls;
    private String previousCommands;

    /**
     * @param parseStatus the stored parse status (ok, parse_error, harness_error, empty) or null
     * @param commands    the stored commands JSON of an assistant step, or null
     * @param toolCalls the step's ATIF tool calls as stored (JSON), or null
     * @param copied    the step is context copied from an earlier trajectory (ATIF is_copied_context)
     */
    void add(String role, String message, String reasoning, String observation, String parseStatus,
             boolean taskComplete, String commands, String toolCalls, boolean copied) {
        if ("assistant".equals(role)) {
            finishTurn();
            String content = reasoning == null ? nullToEmpty(message)
                    : "<think>" + reasoning + "</think>" + nullToEmpty(message);
            answer = new ChatMessage("assistant", content);
            this.message = nullToEmpty(message);
            this.reasoning = reasoning;
            this.toolCalls = toolCalls;
            flags = 0;
            if ("parse_error".equals(parseStatus)) {
                flags |= Conversation.BAD | Conversation.PARSE_ERROR;
            }
            if ("empty".equals(parseStatus) || content.isBlank()) {
                flags |= Conversation.EMPTY;
            }
            if (copied) {
                flags |= Conversation.COPIED;
            }
            String sent = commands == null || commands.isBlank() || "[]".equals(commands.strip()) ? null : commands;
            if (sent != null && sent.equals(previousCommands)) {
                flags |= Conversation.REPEATED;
            }
            previousCommands = sent;
            marksComplete = taskComplete;
            this.commands = commands;
            if (observation != null && !observation.isEmpty()) {
                replies.add(new ChatMessage("user", observation));
                timeout(observation);
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
            flags |= Conversation.BAD | Conversation.HARNESS_ERROR;
        }
        replies.add(chat);
        timeout(chat.content());
        if (observation != null && !observation.isEmpty()) {
            replies.add(new ChatMessage("user", observation));
            timeout(observation);
        }
    }

    /** The harness reports a command that ran past its wait ("... timed out ...") in the reply. */
    private void timeout(String reply) {
        if (TIMED_OUT.matcher(reply).find()) {
            flags |= Conversation.TIMEOUT;
        }
    }

    private static final java.util.regex.Pattern TIMED_OUT = java.util.regex.Pattern.compile(
            "(?i)\\b(?:command|commands|execution|process)\\s+(?:has\\s+)?timed\\s+out\\b|\\[?timed out after \\d");

    Conversation build() {
        finishTurn();
        return new Conversation(List.copyOf(prefix), List.copyOf(turns));
    }

    private void finishTurn() {
        if (answer != null) {
            turns.add(new Conversation.Turn(answer, List.copyOf(replies), flags, marksComplete, commands, message,
                    reasoning, toolCalls));
        }
        answer = null;
        replies.clear();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
