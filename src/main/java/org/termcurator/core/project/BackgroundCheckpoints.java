package org.termcurator.core.project;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL back into the project file on a second connection and thread while a bulk
 * import writes. A checkpoint on the writer's own commit stops the writer until the pages are
 * copied and synced, which took about a third of a text-dense import's time; a PASSIVE
 * checkpoint on another connection runs beside the writer and never blocks it. The writer
 * keeps a far limit of its own (see {@link BulkImportTuning}), so the WAL stays bounded even
 * when this thread falls behind. A failure here only means the writer checkpoints itself.
 */
final class BackgroundCheckpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundCheckpoints.class);

    /** Often enough that each checkpoint copies tens of MB at import speed, seldom enough to keep fsyncs few. */
    private static final long INTERVAL_MILLIS = 250;

    private final Path database;
    private final Connection connection;
    private final Thread thread;
    private volatile boolean running = true;

    /** Checkpoints {@code database} through {@code connection} (read-write, its own) until closed. */
    BackgroundCheckpoints(Path database, Connection connection) {
        this.database = database;
        this.connection = connection;
        this.thread = Thread.ofPlatform().daemon().name("checkpoints " + database.getFileName()).start(this::run);
    }

    private void run() {
        try {
            while (running) {
                Thread.sleep(INTERVAL_MILLIS);
                // costs next to nothing when the writer added no frames since the last one
                checkpoint();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("background checkpoints of {} stopped; the writer checkpoints instead", database, e);
        }
    }

    private void checkpoint() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rows.next();
        }
    }

    /** Stops and waits for the thread; closing again does nothing. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the checkpoint connection of {}", database, e);
        }
    }
}
