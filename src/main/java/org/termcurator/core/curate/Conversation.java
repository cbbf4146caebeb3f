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

    public record Turn(ChatMessage answer, List<ChatMessage> replies, byte flags, boolean marksComplete,
                       String commands) {
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
