package org.termcurator.core.project;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite settings of the writer connection for a bulk import: a page cache that holds the hot
 * index pages (64 MB of native memory, not Java heap), and fewer WAL checkpoints. {@link #restore()}
 * puts the previous values back.
 */
public final class BulkImportTuning {

    private final ProjectDb db;
    private final long cacheSize;
    private final long autoCheckpoint;

    private BulkImportTuning(ProjectDb db, long cacheSize, long autoCheckpoint) {
        this.db = db;
        this.cacheSize = cacheSize;
        this.autoCheckpoint = autoCheckpoint;
    }

    public static BulkImportTuning apply(ProjectDb db) throws SQLException {
        return db.write(connection -> {
            BulkImportTuning previous = new BulkImportTuning(db, pragma(connection, "cache_size"),
                    pragma(connection, "wal_autocheckpoint"));
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA cache_size = -65536");
                statement.execute("PRAGMA wal_autocheckpoint = 16384");
            }
            return previous;
        });
    }

    public void restore() throws SQLException {
        db.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA cache_size = " + cacheSize);
                statement.execute("PRAGMA wal_autocheckpoint = " + autoCheckpoint);
            }
            return null;
        });
    }

    private static long pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
