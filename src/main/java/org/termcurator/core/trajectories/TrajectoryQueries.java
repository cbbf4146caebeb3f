package org.termcurator.core.trajectories;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.search.FullTextQuery;
import org.termcurator.core.verifier.TestResult;
import org.termcurator.core.verifier.TestStatus;

/** Reads a project's trajectories: filtered pages, facet counts, one trajectory whole, attachment contents. */
public final class TrajectoryQueries {

    private static final String ROW_COLUMNS = "id, task_name, agent, model, resolved, reward, turn_count, "
            + "token_count, failure_mode, format, source, trial_name, source_path, "
            + TrajectoryRow.DURATION_SQL + " AS duration_sec, " + TrajectoryRow.DATE_SQL + " AS row_date";

    private final ProjectDb db;

    public TrajectoryQueries(ProjectDb db) {
        this.db = db;
    }

    /** Rows {@code offset .. offset+limit} of what the filter matches, in import order, and the total. */
    public TrajectoryPage page(TrajectoryFilter filter, int offset, int limit) throws SQLException {
        return page(filter, TrajectorySort.IMPORTED, false, offset, limit);
    }

    /** Rows {@code offset .. offset+limit} of what the filter matches in the order of one column, and the total. */
    public TrajectoryPage page(TrajectoryFilter filter, TrajectorySort sort, boolean descending, int offset, int limit)
            throws SQLException {
        return db.read(connection -> {
            Where where = where(filter, null);
            long total;
            try (PreparedStatement count = where.prepare(connection, "SELECT count(*) FROM trajectories" + where.sql)) {
                try (ResultSet rows = count.executeQuery()) {
                    total = rows.next() ? rows.getLong(1) : 0;
                }
            }
            List<TrajectoryRow> page = new ArrayList<>();
            try (PreparedStatement select = where.prepare(connection, "SELECT " + ROW_COLUMNS + " FROM trajectories"
                    + where.sql + sort.orderBy(descending) + " LIMIT " + Math.max(0, limit) + " OFFSET " + Math.max(0, offset))) {
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(row(rows));
                    }
                }
            }
            long unsearched = where.searchesText() ? StepsSearchIndex.backlog(connection) : 0;
            return new TrajectoryPage(total, offset, page, unsearched);
        });
    }

    /**
     * For every facet, its labels and counts among the trajectories the filter matches, leaving
     * out the facet's own selection so the other labels of a chosen facet stay in view.
     */
    public Map<TrajectoryFacet, List<FacetCount>> facets(TrajectoryFilter filter) throws SQLException {
        // one scan per facet, run side by side on the project's read connections
        Map<TrajectoryFacet, Future<List<FacetCount>>> running = new EnumMap<>(TrajectoryFacet.class);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (TrajectoryFacet facet : TrajectoryFacet.values()) {
                running.put(facet, executor.submit(() -> db.read(connection -> facet(connection, filter, facet))));
            }
            Map<TrajectoryFacet, List<FacetCount>> facets = new EnumMap<>(TrajectoryFacet.class);
            for (Map.Entry<TrajectoryFacet, Future<List<FacetCount>>> entry : running.entrySet()) {
                facets.put(entry.getKey(), entry.getValue().get());
            }
            return facets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while counting facets", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException(e.getCause());
        }
    }

    private static List<FacetCount> facet(Connection connection, TrajectoryFilter filter, TrajectoryFacet facet)
            throws SQLException {
        Where where = where(filter, facet);
        List<FacetCount> counts = new ArrayList<>();
        String sql = "SELECT " + facet.expression() + " AS label, count(*) AS n FROM trajectories" + where.sql
                + " GROUP BY label ORDER BY n DESC, label LIMIT 200";
        try (PreparedStatement statement = where.prepare(connection, sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.add(new FacetCount(rows.getString(1), rows.getLong(2)));
            }
        }
        return counts;
    }

    public Optional<TrajectoryDetail> detail(long id) throws SQLException {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + ROW_COLUMNS + ", task_id, "
                    + "agent_version, attempt, rewards, exception, input_tokens, output_tokens, cached_tokens, "
                    + "cost_usd, started_at, finished_at, timings, extra FROM trajectories WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new TrajectoryDetail(row(rows), nullableLong(rows, "task_id"),
                            rows.getString("agent_version"), (Integer) rows.getObject("attempt"),
                            rows.getString("rewards"), rows.getString("exception"), nullableLong(rows, "input_tokens"),
                            nullableLong(rows, "output_tokens"), nullableLong(rows, "cached_tokens"),
                            (Double) rows.getObject("cost_usd"), rows.getString("started_at"),
                            rows.getString("finished_at"), StoredSteps.object(rows.getString("timings")),
                            StoredSteps.object(rows.getString("extra")), steps(connection, id), tests(connection, id),
                            attachments(connection, id)));
                }
            }
        });
    }

    /** An attachment's original bytes (decompressed); empty when there is no such attachment. */
    public Optional<byte[]> attachmentData(long attachmentId) throws SQLException {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT compression, data FROM attachments WHERE id = ?")) {
                select.setLong(1, attachmentId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    byte[] data = rows.getBytes(2);
                    if (data == null || !"gzip".equals(rows.getString(1))) {
                        return Optional.ofNullable(data);
                    }
                    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
                        return Optional.of(in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException("attachment " + attachmentId + " is damaged", e);
                    }
                }
            }
        });
    }

    private static List<Step> steps(Connection connection, long id) throws SQLException {
        List<Step> steps = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + StoredSteps.COLUMNS + " FROM steps WHERE trajectory_id = ? ORDER BY idx")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    steps.add(StoredSteps.read(rows));
                }
            }
        }
        return steps;
    }

    private static List<TestResult> tests(Connection connection, long id) throws SQLException {
        List<TestResult> tests = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, status, message FROM test_results WHERE trajectory_id = ? ORDER BY rowid")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tests.add(new TestResult(rows.getString(1),
                            TestStatus.valueOf(rows.getString(2).toUpperCase(Locale.ROOT)), rows.getString(3)));
                }
            }
        }
        return tests;
    }

    private static List<TrajectoryDetail.AttachmentInfo> attachments(Connection connection, long id) throws SQLException {
        List<TrajectoryDetail.AttachmentInfo> attachments = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, kind, name, media_type, size, "
                + "compression, seek_index IS NOT NULL FROM attachments WHERE trajectory_id = ? ORDER BY id")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    attachments.add(new TrajectoryDetail.AttachmentInfo(rows.getLong(1),
                            Attachment.Kind.fromDb(rows.getString(2)), rows.getString(3), rows.getString(4),
                            rows.getLong(5), rows.getString(6), rows.getBoolean(7)));
                }
            }
        }
        return attachments;
    }

    private static TrajectoryRow row(ResultSet rows) throws SQLException {
        int resolved = rows.getInt("resolved");
        Boolean isResolved = rows.wasNull() ? null : resolved == 1;
        double reward = rows.getDouble("reward");
        Double rewardValue = rows.wasNull() ? null : reward;
        return new TrajectoryRow(rows.getLong("id"), rows.getString("task_name"), rows.getString("agent"),
                rows.getString("model"), isResolved, rewardValue, rows.getInt("turn_count"),
                nullableLong(rows, "token_count"), rows.getString("failure_mode"), rows.getString("format"),
                rows.getString("source"), rows.getString("trial_name"), rows.getString("source_path"),
                nullableDouble(rows, "duration_sec"), rows.getString("row_date"));
    }

    private static Double nullableDouble(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    /** The WHERE clause of a filter, leaving out one facet's selection (or none). */
    private static Where where(TrajectoryFilter filter, TrajectoryFacet except) {
        List<String> conditions = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        String match = FullTextQuery.expression(filter.query(), false);
        if (match != null) {
            conditions.add("id IN (SELECT trajectory_id FROM steps WHERE id IN "
                    + "(SELECT rowid FROM steps_fts WHERE steps_fts MATCH ?))");
            parameters.add(match);
        }
        filter.selections().forEach((facet, label) -> {
            if (facet != except) {
                conditions.add(facet.expression() + " = ?");
                parameters.add(label);
            }
        });
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters,
                match != null);
    }

    private record Where(String sql, List<String> parameters, boolean searchesText) {
        PreparedStatement prepare(Connection connection, String statement) throws SQLException {
            PreparedStatement prepared = connection.prepareStatement(statement);
            for (int i = 0; i < parameters.size(); i++) {
                prepared.setString(i + 1, parameters.get(i));
            }
            return prepared;
        }
    }
}
