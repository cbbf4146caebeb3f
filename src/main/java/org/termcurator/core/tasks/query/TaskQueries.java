package org.termcurator.core.tasks.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.search.FullTextQuery;
import org.termcurator.core.tasks.TaskStore;
import org.termcurator.core.tasks.lint.LintFinding;
import org.termcurator.core.tasks.lint.ProjectLinter;
import org.termcurator.core.io.Mappers;

/**
 * Reads the task table a page at a time: counts, ordered ids, rows, facet counts and the
 * category × difficulty matrix for a {@link TaskQuery}. Filters are SQL over indexed
 * columns and the FTS5 index, so a 100k-task project answers in milliseconds.
 */
public final class TaskQueries {

    private static final ObjectMapper JSON = Mappers.json();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String ROW_COLUMNS = "t.id, t.name, t.category, t.difficulty, t.tags, t.base_image, t.format, "
            + "t.origin, t.has_solution, t.has_tests, t.instruction_length, t.agent_timeout_sec, "
            + "t.verifier_timeout_sec, t.lint_status, t.source_path, t.updated_at, "
            + "(SELECT count(*) FROM rollouts r WHERE r.task_id = t.id AND r.status = 'passed'), "
            + "(SELECT count(*) FROM rollouts r WHERE r.task_id = t.id AND r.status IN ('passed', 'failed'))";
    /** Tags beyond this many are not offered as filters (they are in the search index anyway). */
    private static final int MAX_TAG_VALUES = 200;
    private static final int MAX_IDS_PER_STATEMENT = 900;
    /** Above this many search matches, walking an index in sort order beats sorting the matches. */
    private static final long DENSE_MATCHES = 1_000;

    private final ProjectDb db;
    private final long denseMatches;
    /** The last search's match count: a page and its count ask for it one after the other. */
    private volatile MatchCount lastMatchCount;

    private record MatchCount(String match, long commitCount, long count) {
    }

    public TaskQueries(ProjectDb db) {
        this(db, DENSE_MATCHES);
    }

    /** With another density threshold: tests use it to compare both query plans. */
    TaskQueries(ProjectDb db, long denseMatches) {
        this.db = db;
        this.denseMatches = denseMatches;
    }

    /** A WHERE clause and its parameters. */
    private record Where(String sql, List<Object> parameters) {
        void bind(PreparedStatement statement, int first) throws SQLException {
            int index = first;
            for (Object parameter : parameters) {
                statement.setObject(index++, parameter);
            }
        }
    }

    public long count(TaskQuery query) throws SQLException {
        Where where = where(query, null);
        String match = match(query);
        return db.read(connection -> {
            if (match != null && query.filters().isEmpty()) {
                return ftsCount(connection, match); // the index counts its own matches fastest
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT count(*)"
                    + from(connection, query, match, false) + where.sql())) {
                where.bind(statement, 1);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
    }

    private long ftsCount(Connection connection, String match) throws SQLException {
        long commitCount = db.commitCount();
        MatchCount last = lastMatchCount;
        if (last != null && commitCount >= 0 && last.commitCount() == commitCount && last.match().equals(match)) {
            return last.count();
        }
        long count = countMatches(connection, match);
        lastMatchCount = new MatchCount(match, commitCount, count);
        return count;
    }

    private static long countMatches(Connection connection, String match) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM tasks_fts WHERE tasks_fts MATCH ?")) {
            statement.setString(1, match);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        }
    }

    /**
     * Which index SQLite reads the tasks through. Without conditions it chooses. A search
     * matching many tasks, read in the order of an indexed column, walks that index and stops
     * after the page; everything else goes through the narrow {@code tasks_browse} index,
     * never through the kilobyte-sized rows.
     */
    private String from(Connection connection, TaskQuery query, String match, boolean ordered)
            throws SQLException {
        if (match == null && query.filters().isEmpty()) {
            return " FROM tasks t";
        }
        if (walksSortIndex(connection, query, match, ordered)) {
            return " FROM tasks t INDEXED BY " + query.sort().index();
        }
        return " FROM tasks t INDEXED BY tasks_browse";
    }

    /**
     * Whether to read a page by walking the sort column's index, testing each task against
     * the search (and the filters, as sets of ids): cheap when matches are dense, since the
     * walk stops after the page; for a few matches, sorting them is cheaper.
     */
    private boolean walksSortIndex(Connection connection, TaskQuery query, String match, boolean ordered)
            throws SQLException {
        return ordered && match != null && query.sort().index() != null && ftsCount(connection, match) > denseMatches;
    }

    /** The ids of every matching task in the query's order (8 bytes a task: 800 kB at 100k). */
    public long[] ids(TaskQuery query) throws SQLException {
        String match = match(query);
        return db.read(connection -> {
            Where where = where(query, null, walksSortIndex(connection, query, match, true));
            try (PreparedStatement statement = connection.prepareStatement("SELECT t.id"
                    + from(connection, query, match, true) + where.sql() + orderBy(query))) {
                where.bind(statement, 1);
                long[] ids = new long[1024];
                int size = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (size == ids.length) {
                            ids = java.util.Arrays.copyOf(ids, size * 2);
                        }
                        ids[size++] = rows.getLong(1);
                    }
                }
                return java.util.Arrays.copyOf(ids, size);
            }
        });
    }

    /** One page of rows in the query's order. */
    public List<TaskRow> page(TaskQuery query, long offset, int limit) throws SQLException {
        String match = match(query);
        return db.read(connection -> {
            Where where = where(query, null, walksSortIndex(connection, query, match, true));
            long[] ids;
            try (PreparedStatement statement = connection.prepareStatement("SELECT t.id"
                    + from(connection, query, match, true) + where.sql() + orderBy(query) + " LIMIT ? OFFSET ?")) {
                where.bind(statement, 1);
                statement.setInt(where.parameters().size() + 1, limit);
                statement.setLong(where.parameters().size() + 2, offset);
                List<Long> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getLong(1));
                    }
                }
                ids = found.stream().mapToLong(Long::longValue).toArray();
            }
            return rows(connection, ids);
        });
    }

    /** The rows of these tasks, in the order given; ids that no longer exist are left out. */
    public List<TaskRow> rows(long[] ids) throws SQLException {
        if (ids.length == 0) {
            return List.of();
        }
        return db.read(connection -> rows(connection, ids));
    }

    private static List<TaskRow> rows(Connection connection, long[] ids) throws SQLException {
        Map<Long, TaskRow> byId = new HashMap<>();
        for (int start = 0; start < ids.length; start += MAX_IDS_PER_STATEMENT) {
            int end = Math.min(ids.length, start + MAX_IDS_PER_STATEMENT);
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + ROW_COLUMNS
                    + " FROM tasks t INDEXED BY tasks_browse WHERE t.id IN (" + TaskStore.placeholders(end - start) + ")")) {
                for (int i = start; i < end; i++) {
                    statement.setLong(i - start + 1, ids[i]);
                }
                for (TaskRow row : readRows(statement)) {
                    byId.put(row.id(), row);
                }
            }
        }
        List<TaskRow> ordered = new ArrayList<>(ids.length);
        for (long id : ids) {
            TaskRow row = byId.get(id);
            if (row != null) {
                ordered.add(row);
            }
        }
        return ordered;
    }

    /**
     * How many tasks have each value of each facet, among the tasks that match every other
     * filter of the query (a facet's own selection does not narrow its counts, so the user
     * sees what selecting another value would give). Single-valued facets add up to that total.
     */
    public Map<TaskFacet, List<FacetValue>> facets(TaskQuery query) throws SQLException {
        boolean withPassRate = hasRollouts();
        Map<TaskFacet, List<FacetValue>> facets = new EnumMap<>(TaskFacet.class);
        for (TaskFacet facet : TaskFacet.values()) {
            if (facet == TaskFacet.PASS_RATE && !withPassRate) {
                continue;
            }
            facets.put(facet, facet(query, facet));
        }
        return facets;
    }

    public List<FacetValue> facet(TaskQuery query, TaskFacet facet) throws SQLException {
        Where where = where(query, facet);
        TaskQuery others = query.withFilter(facet, Set.of());
        String match = match(query);
        return db.read(connection -> {
            String from = from(connection, others, match, false);
            String sql;
            if (facet == TaskFacet.TAG) {
                sql = where.sql().isEmpty()
                        ? "SELECT tag, count(*) FROM task_tags GROUP BY tag"
                        : "SELECT tag, count(*) FROM task_tags WHERE task_id IN (SELECT t.id" + from + where.sql()
                                + ") GROUP BY tag";
                sql += " ORDER BY 2 DESC, 1 LIMIT " + MAX_TAG_VALUES;
            } else {
                sql = "SELECT " + facet.expression() + " AS value, count(*)" + from + where.sql()
                        + " GROUP BY value ORDER BY 2 DESC, 1";
            }
            List<FacetValue> values = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                where.bind(statement, 1);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String value = rows.getString(1);
                        values.add(new FacetValue(value == null ? TaskFacet.NONE : value, rows.getLong(2)));
                    }
                }
            }
            return values;
        });
    }

    /** Tasks per category and difficulty among the matching ones. */
    public List<CategoryDifficultyCount> categoryDifficulty(TaskQuery query) throws SQLException {
        Where where = where(query, null);
        String match = match(query);
        return db.read(connection -> {
            List<CategoryDifficultyCount> counts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(t.category, '"
                    + TaskFacet.NONE + "'), coalesce(t.difficulty, '" + TaskFacet.NONE + "'), count(*)"
                    + from(connection, query, match, false) + where.sql() + " GROUP BY 1, 2 ORDER BY 1, 2")) {
                where.bind(statement, 1);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.add(new CategoryDifficultyCount(rows.getString(1), rows.getString(2), rows.getLong(3)));
                    }
                }
            }
            return counts;
        });
    }

    public boolean hasRollouts() throws SQLException {
        return db.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM rollouts)");
                 ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            }
        });
    }

    private static Where where(TaskQuery query, TaskFacet except) {
        return where(query, except, false);
    }

    /**
     * @param asIdSets write facet conditions as {@code t.id IN (SELECT ...)}, each answered
     *                 from its own index, for plans that walk another index of {@code t}
     */
    /** The query's text as an FTS5 match; the Tasks view searches as the user types, so the last word is a prefix too. */
    private static String match(TaskQuery query) {
        return FullTextQuery.expression(query.text(), true);
    }

    private static Where where(TaskQuery query, TaskFacet except, boolean asIdSets) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        String match = match(query);
        if (match != null) {
            conditions.add("t.id IN (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH ?)");
            parameters.add(match);
        }
        for (Map.Entry<TaskFacet, Set<String>> filter : query.filters().entrySet()) {
            TaskFacet facet = filter.getKey();
            if (facet == except) {
                continue;
            }
            List<String> values = new ArrayList<>(filter.getValue());
            boolean none = values.remove(TaskFacet.NONE);
            if (facet == TaskFacet.TAG) {
                conditions.add("t.id IN (SELECT task_id FROM task_tags WHERE tag IN (" + TaskStore.placeholders(values.size())
                        + "))" + (none ? " OR NOT EXISTS (SELECT 1 FROM task_tags g WHERE g.task_id = t.id)" : ""));
            } else {
                String expression = asIdSets ? facet.expression().replace("t.", "s.") : facet.expression();
                String in = values.isEmpty() ? "0" : expression + " IN (" + TaskStore.placeholders(values.size()) + ")";
                String condition = none ? "(" + in + " OR " + expression + " IS NULL)" : in;
                conditions.add(asIdSets ? "t.id IN (SELECT s.id FROM tasks s WHERE " + condition + ")" : condition);
            }
            parameters.addAll(values);
        }
        if (conditions.isEmpty()) {
            return new Where("", List.of());
        }
        StringJoiner sql = new StringJoiner(") AND (", " WHERE (", ")");
        conditions.forEach(sql::add);
        return new Where(sql.toString(), parameters);
    }

    private static String orderBy(TaskQuery query) {
        String direction = query.descending() ? " DESC" : "";
        return " ORDER BY " + query.sort().column() + direction + ", t.id" + direction;
    }

    private static List<TaskRow> readRows(PreparedStatement statement) throws SQLException {
        List<TaskRow> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new TaskRow(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                        tags(result.getString(5)), result.getString(6), result.getString(7), result.getString(8),
                        result.getInt(9) != 0, result.getInt(10) != 0, result.getInt(11), nullableDouble(result, 12),
                        nullableDouble(result, 13), result.getString(14), result.getString(15), result.getString(16),
                        result.getInt(17), result.getInt(18)));
            }
        }
        return rows;
    }

    private static List<String> tags(String json) throws SQLException {
        try {
            return json == null ? List.of() : JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("damaged tags in the project: " + json, e);
        }
    }

    private static Double nullableDouble(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    /** Everything the detail pane shows of one task, or empty when it is gone. */
    public Optional<TaskDetail> detail(long id) throws SQLException {
        return db.read(connection -> {
            Optional<TaskStore.StoredTask> stored = TaskStore.load(connection, id);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            List<LintFinding> findings = ProjectLinter.findings(connection, id);
            List<TaskDetail.Run> runs = new ArrayList<>();
            // a rollout's own trajectory is the same run as its rollout: counted once
            try (PreparedStatement statement = connection.prepareStatement("SELECT 'rollout', agent, model, status, "
                    + "reward, created_at FROM rollouts WHERE task_id = ? UNION ALL SELECT 'trajectory', agent, model, "
                    + "CASE resolved WHEN 1 THEN 'passed' WHEN 0 THEN 'failed' ELSE 'unknown' END, reward, "
                    + "coalesce(started_at, imported_at) FROM trajectories WHERE (task_id = ? OR (task_id IS NULL "
                    + "AND task_name = ?)) AND rollout_id IS NULL ORDER BY 6 DESC")) {
                statement.setLong(1, id);
                statement.setLong(2, id);
                statement.setString(3, stored.get().task().name());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        double reward = rows.getDouble(5);
                        runs.add(new TaskDetail.Run(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.wasNull() ? null : reward, rows.getString(6)));
                    }
                }
            }
            return Optional.of(new TaskDetail(stored.get(), findings, runs));
        });
    }
}
