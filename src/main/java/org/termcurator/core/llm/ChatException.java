package org.termcurator.core.llm;

/** A chat request that failed for good (after retries, or with an error retrying cannot fix). */
public final class ChatException extends Exception {

    private final int attempts;

    public ChatException(String message, int attempts, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
