package org.termcurator.core.rollouts.task;

/** A task folder cannot be rolled out as it is; the message names the file and the field. */
public final class TaskSpecException extends Exception {

    public TaskSpecException(String message) {
        super(message);
    }

    public TaskSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
