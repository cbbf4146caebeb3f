package org.termcurator.core.io;

import java.io.IOException;

/** The folder an export was asked to write into is not one it may replace; the message says what is there. */
public final class ExportTargetException extends IOException {

    public ExportTargetException(String message) {
        super(message);
    }
}
