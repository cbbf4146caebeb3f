package org.termcurator.core.trajectories;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.BulkImportTuning;
import org.termcurator.core.project.ProjectDb;

/**
 * The full-text index of the steps ({@code steps_fts}: message with reasoning, command
 * keystrokes, terminal output; rowid = the step's id) and its backlog. An import lists every
 * trajectory it writes in {@code search_backlog} instead of indexing it on the spot (schema 5,
 * docs/decisions/0016-search-index-after-import.md); {@link #catchUp} indexes listed trajectories
 * a batch per transaction and takes them off the list in the same transaction, so a trajectory
 * is listed exactly while its steps are missing from the index, whatever was cancelled or
 * crashed in between.
 */
public final class StepsSearchIndex {

    /** A batch's share of the writer: other writes wait about this long at most for an index transaction. */
    private static final long BATCH_NANOS = 250_000_000L;
    private static final int FIRST_BATCH = 50;
    private static final int MAX_BATCH = 5000;

    private StepsSearchIndex() {
    }

    /** How many trajectories have steps that searches cannot find yet. */
    public static long backlog(ProjectDb db) throws SQLException {
        return db.read(StepsSearchIndex::backlog);
    }

    static long backlog(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM search_backlog");
             ResultSet rows = count.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /**
     * Indexes every listed trajectory, a batch per transaction, and returns how many it indexed.
     * A cancel stops between batches: what was indexed stays, the rest stays listed.
     */
    public static long catchUp(ProjectDb db, JobContext context) throws SQLException {
        return catchUp(db, context, MAX_BATCH);
    }

    static long catchUp(ProjectDb db, JobContext context, int maxBatch) throws SQLException {
        long total = backlog(db);
        if (total == 0) {
            return 0;
        }
        long done = 0;
        int batch = Math.min(FIRST_BATCH, maxBatch);
        BulkImportTuning tuning = BulkImportTuning.apply(db);
        try {
            context.message(String.format("Indexing for search: %,d trajectories", total));
            while (true) {
                context.checkCancelled();
                int size = batch;
                long start = System.nanoTime();
                int indexed = db.write(connection -> indexBatch(connection, size));
                if (indexed == 0) {
                    return done;
                }
                batch = nextBatch(batch, System.nanoTime() - start, maxBatch);
                done += indexed;
                // an import may list more while this runs
                total = Math.max(total, done);
                context.message(String.format("Indexing for search: %,d of %,d trajectories", done, total));
                context.progress(done, total);
            }
        } finally {
            tuning.restore();
        }
    }

    /** Sizes the next batch so that it takes about {@link #BATCH_NANOS}; trajectories differ a lot in size. */
    private static int nextBatch(int batch, long tookNanos, int maxBatch) {
        double scale = (double) BATCH_NANOS / Math.max(tookNanos, 1);
        return (int) Math.clamp(Math.round(batch * Math.min(scale, 4.0)), 1, maxBatch);
    }

    /**
     * Indexes the first {@code count} listed trajectories and unlists them; returns how many.
     * The text goes from the steps to the index inside SQLite: message and reasoning as one
     * column, the keystrokes of the commands JSON one a line, the terminal output.
     */
    static int indexBatch(Connection connection, int count) throws SQLException {
        String listed = "(SELECT trajectory_id FROM search_backlog ORDER BY trajectory_id LIMIT " + count + ")";
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO steps_fts(rowid, message, commands, observation) SELECT id, "
                    + "CASE WHEN message IS NULL THEN reasoning WHEN reasoning IS NULL THEN message "
                    + "ELSE message || char(10) || reasoning END, "
                    + "(SELECT group_concat(command.value ->> '$.keystrokes', char(10)) FROM json_each(steps.commands) AS command), "
                    + "observation FROM steps WHERE trajectory_id IN " + listed);
            return statement.executeUpdate("DELETE FROM search_backlog WHERE trajectory_id IN " + listed);
        }
    }

    /** Takes a trajectory's steps out of the index, unless they never went in; call before deleting the steps. */
    static void remove(Connection connection, long trajectoryId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM steps_fts WHERE rowid IN "
                + "(SELECT id FROM steps WHERE trajectory_id = ?) "
                + "AND NOT EXISTS (SELECT 1 FROM search_backlog WHERE trajectory_id = ?)")) {
            delete.setLong(1, trajectoryId);
            delete.setLong(2, trajectoryId);
            delete.executeUpdate();
        }
    }
}
