package org.termcurator.core.curate;

import java.util.ArrayList;
import java.util.List;

/**
 * A trajectory as a chat: the messages before the agent's first answer (system prompt,
 * instruction), then its turns, each one assistant message with the messages that answered it
 * (terminal output, the harness's error reply). Cleaning and cutting work on whole turns.
 */
public record Conversation(List<ChatMessage> prefix, List<Turn> turns) {

    /** Turn flag: the answer did not parse, or the harness replied with an error. */
    public static final byte BAD = 1;
    /** Turn flag: the answer was empty. */
    public static final byte EMPTY = 2;
    /** Turn flag: the answer did not parse (the harness said so, or the import found it). */
    public static final byte PARSE_ERROR = 4;
    /** Turn flag: the harness answered the turn with an error message. */
    public static final byte HARNESS_ERROR = 8;
    /** Turn flag: the same commands as the turn before, sent again. */
    public static final byte REPEATED = 16;
    /** Turn flag: a command of the turn timed out (the terminal's reply says so). */
    public static final byte TIMEOUT = 32;
    /** Turn flag: context replayed from an earlier trajectory (ATIF is_copied_context), not new work. */
    public static final byte COPIED = 64;

    /**
     * @param answer     the answer as the text protocol writes it ({@code <think>} block first when it has reasoning)
     * @param message    the answer's own text, without reasoning
     * @param reasoning  the model's reasoning of the turn, or null
     * @param toolCalls  the stored tool calls of the step (ATIF {@code tool_calls} JSON), or null
     */
    public record Turn(ChatMessage answer, List<ChatMessage> replies, byte flags, boolean marksComplete,
                       String commands, String message, String reasoning, String toolCalls) {
        public boolean bad() {
            return (flags & BAD) != 0;
        }

        public boolean empty() {
            return (flags & EMPTY) != 0;
        }
    }

    /** Worth training on: an instruction and at least one answer with content. */
    public boolean hasConversation() {
        return !prefix.isEmpty() && turns.stream().anyMatch(turn -> !turn.empty());
    }

    /** The messages of the turns marked in {@code keep}, after the prefix. */
    public List<ChatMessage> messages(boolean[] keep) {
        List<ChatMessage> messages = new ArrayList<>(prefix);
        for (int i = 0; i < turns.size(); i++) {
            if (keep[i]) {
                messages.add(turns.get(i).answer());
                messages.addAll(turns.get(i).replies());
            }
        }
        return messages;
    }
}
