package org.termcurator.core.project;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite settings of the writer connection for a bulk import: a page cache that holds the hot
 * index pages (64 MB of native memory, not Java heap), and WAL checkpoints on a second
 * connection ({@link BackgroundCheckpoints}) instead of on the writer's commits, which keeps
 * only a far limit of its own. {@link #restore()} puts the previous values back. Imports may
 * overlap (a task import while the search index catches up): the first one in applies the
 * settings and the last one out restores them.
 */
public final class BulkImportTuning {

    /** The writer still checkpoints when the WAL holds this much, should the second connection fall behind. */
    private static final long WRITER_CHECKPOINT_BYTES = 256L * 1024 * 1024;

    private final ProjectDb db;
    private boolean restored;

    private BulkImportTuning(ProjectDb db) {
        this.db = db;
    }

    public static BulkImportTuning apply(ProjectDb db) throws SQLException {
        db.bulkImports().enter(db);
        return new BulkImportTuning(db);
    }

    public void restore() throws SQLException {
        if (!restored) {
            restored = true;
            db.bulkImports().leave(db);
        }
    }

    /** One per open project: how many bulk imports run on it, and the settings they replaced. */
    static final class Shared {
        private int running;
        private long cacheSize;
        private long autoCheckpoint;
        private volatile BackgroundCheckpoints checkpoints;

        synchronized void enter(ProjectDb db) throws SQLException {
            if (running > 0) {
                running++;
                return;
            }
            db.write(connection -> {
                cacheSize = pragma(connection, "cache_size");
                autoCheckpoint = pragma(connection, "wal_autocheckpoint");
                long pages = WRITER_CHECKPOINT_BYTES / Math.max(512, pragma(connection, "page_size"));
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA cache_size = -65536");
                    statement.execute("PRAGMA wal_autocheckpoint = " + pages);
                }
                return null;
            });
            running = 1;
            checkpoints = db.startBackgroundCheckpoints();
        }

        synchronized void leave(ProjectDb db) throws SQLException {
            if (running == 0 || --running > 0) {
                return;
            }
            if (checkpoints != null) {
                checkpoints.close();
                checkpoints = null;
            }
            db.write(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA cache_size = " + cacheSize);
                    statement.execute("PRAGMA wal_autocheckpoint = " + autoCheckpoint);
                }
                return null;
            });
        }

        /** Stops the background checkpoints of a project being closed (an import may still be winding down). */
        void close() {
            BackgroundCheckpoints running = checkpoints;
            if (running != null) {
                running.close();
            }
        }
    }

    private static long pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
