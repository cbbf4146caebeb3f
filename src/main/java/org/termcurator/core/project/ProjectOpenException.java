package org.termcurator.core.project;

import java.nio.file.Path;

/** A project file could not be opened; the message is meant for the user as it is. */
public final class ProjectOpenException extends Exception {

    /** Why opening failed, so callers can react (e.g. offer another file) without parsing text. */
    public enum Reason { NOT_FOUND, NOT_A_PROJECT, CORRUPTED, NEWER_SCHEMA, LOCKED, ALREADY_EXISTS, READ_ONLY, IO }

    private final Reason reason;
    private final Path file;

    public ProjectOpenException(Reason reason, Path file, String message) {
        this(reason, file, message, null);
    }

    public ProjectOpenException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }
}
