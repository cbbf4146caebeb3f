package org.termcurator.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A write to the project that failed because its disk is full: says so, with the folder and how
 * much space is free there, instead of SQLite's "cannot commit - no transaction is active".
 * Everything committed before stays in the project.
 */
public final class DiskFullException extends SQLException {

    public DiskFullException(Path project, Throwable cause) {
        super(message(project), "53100", cause);
    }

    private static String message(Path project) {
        Path folder = project.toAbsolutePath().getParent();
        String free;
        try {
            free = size(Files.getFileStore(folder).getUsableSpace());
        } catch (IOException e) {
            free = "an unknown amount";
        }
        long wal = 0;
        try {
            Path walFile = project.resolveSibling(project.getFileName() + "-wal");
            wal = Files.exists(walFile) ? Files.size(walFile) : 0;
        } catch (IOException ignored) {
            // the size is a hint only
        }
        return "disk full: " + project + " cannot be written; " + folder + " has " + free + " free and the write "
                + "needs more (the project's write-ahead log is " + size(wal) + "; allow at least as much again, "
                + "or a few MB more). Free some space and run it again: what was committed before is kept";
    }

    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("database or disk is full") || message.contains("no space left on device")) {
                return true;
            }
        }
        return false;
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
