package org.termcurator.core.docker;

/** A task image did not build; {@link #log()} holds the build output up to the failure. */
public final class ImageBuildException extends Exception {

    private final String log;

    public ImageBuildException(String message, String log, Throwable cause) {
        super(message, cause);
        this.log = log == null ? "" : log;
    }

    public String log() {
        return log;
    }
}
