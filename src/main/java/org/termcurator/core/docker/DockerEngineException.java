package org.termcurator.core.docker;

/**
 * A Docker call failed: either the engine could not be reached at all ({@link #isUnreachable()},
 * the message says where it was looked for and what to do) or it refused the request.
 */
public final class DockerEngineException extends Exception {

    private final boolean unreachable;

    public DockerEngineException(String message, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    public boolean isUnreachable() {
        return unreachable;
    }
}
