package org.termcurator.core.seeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.io.Mappers;

/**
 * Seeds in a project. Every write runs in one project transaction and keeps {@code seeds_fts}
 * in step with the row it changes.
 */
public final class SeedRepository {

    private static final ObjectMapper JSON = Mappers.json();
    private static final String COLUMNS = "id, title, problem, domain, reference_solution, source_dataset, source_id, "
            + "license, tags, status, notes, created_at, updated_at";

    private final ProjectDb db;

    public SeedRepository(ProjectDb db) {
        this.db = db;
    }

    public ProjectDb db() {
        return db;
    }

    /** A task made from a seed, as the seed's page lists it. */
    public record TaskRef(long id, String name, String status, String createdAt) {
    }

    /** A deleted seed and the tasks that pointed at it, so that the deletion can be undone exactly. */
    public record Deleted(Seed seed, List<Long> taskIds) {
    }

    public Seed insert(Seed seed) throws SQLException {
        return db.write(connection -> insert(connection, seed));
    }

    public List<Seed> insertAll(List<Seed> seeds) throws SQLException {
        return db.write(connection -> {
            List<Seed> stored = new ArrayList<>(seeds.size());
            for (Seed seed : seeds) {
                stored.add(insert(connection, seed));
            }
            return stored;
        });
    }

    /** Inserts a seed; a seed that carries an id keeps it (undoing a delete brings the same row back). */
    static Seed insert(Connection connection, Seed seed) throws SQLException {
        String now = Instant.now().toString();
        Seed stamped = seed.withTimes(seed.createdAt() == null ? now : seed.createdAt(),
                seed.updatedAt() == null ? now : seed.updatedAt());
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO seeds(" + COLUMNS + ", content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            if (stamped.id() == null) {
                statement.setNull(1, Types.INTEGER);
            } else {
                statement.setLong(1, stamped.id());
            }
            bindContent(statement, 2, stamped);
            statement.setString(12, stamped.createdAt());
            statement.setString(13, stamped.updatedAt());
            statement.setString(14, problemHash(stamped.problem()));
            statement.executeUpdate();
            long id;
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            Seed stored = stamped.withId(id);
            indexInsert(connection, stored);
            return stored;
        }
    }

    public Seed update(Seed seed) throws SQLException {
        if (seed.id() == null) {
            throw new IllegalArgumentException("a seed must be stored before it is updated");
        }
        return db.write(connection -> update(connection, seed, Instant.now().toString()));
    }

    private static Seed update(Connection connection, Seed seed, String updatedAt) throws SQLException {
        Seed stamped = seed.withTimes(seed.createdAt(), updatedAt);
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE seeds SET title = ?, problem = ?, domain = ?, reference_solution = ?, source_dataset = ?, "
                        + "source_id = ?, license = ?, tags = ?, status = ?, notes = ?, updated_at = ?, "
                        + "content_hash = ? WHERE id = ?")) {
            bindContent(statement, 1, stamped);
            statement.setString(11, updatedAt);
            statement.setString(12, problemHash(stamped.problem()));
            statement.setLong(13, stamped.id());
            if (statement.executeUpdate() == 0) {
                throw new SQLException("seed " + seed.id() + " does not exist");
            }
        }
        Seed stored = find(connection, stamped.id()).orElseThrow();
        indexDelete(connection, stored.id());
        indexInsert(connection, stored);
        return stored;
    }

    /** Binds title … notes (ten values) from {@code first}. */
    private static void bindContent(PreparedStatement statement, int first, Seed seed) throws SQLException {
        statement.setString(first, seed.title());
        statement.setString(first + 1, seed.problem());
        statement.setString(first + 2, seed.domain());
        statement.setString(first + 3, seed.referenceSolution());
        statement.setString(first + 4, seed.sourceDataset());
        statement.setString(first + 5, seed.sourceId());
        statement.setString(first + 6, seed.license());
        statement.setString(first + 7, tagsJson(seed.tags()));
        statement.setString(first + 8, seed.status().key());
        statement.setString(first + 9, seed.notes());
    }

    public Deleted delete(long id) throws SQLException {
        return deleteAll(List.of(id)).getFirst();
    }

    /** Deletes seeds in one transaction; returns what is needed to put them back. */
    public List<Deleted> deleteAll(List<Long> ids) throws SQLException {
        return db.write(connection -> {
            List<Deleted> deleted = new ArrayList<>(ids.size());
            for (long id : ids) {
                Seed seed = find(connection, id).orElseThrow(() -> new SQLException("seed " + id + " does not exist"));
                List<Long> tasks = new ArrayList<>();
                for (TaskRef task : tasksFrom(connection, id)) {
                    tasks.add(task.id());
                }
                try (PreparedStatement statement = connection.prepareStatement("DELETE FROM seeds WHERE id = ?")) {
                    statement.setLong(1, id);
                    statement.executeUpdate();
                }
                indexDelete(connection, id);
                deleted.add(new Deleted(seed, tasks));
            }
            return deleted;
        });
    }

    /** Puts deleted seeds back with their ids, their times and their links to tasks. */
    public List<Seed> restoreAll(List<Deleted> deleted) throws SQLException {
        return db.write(connection -> {
            List<Seed> restored = new ArrayList<>(deleted.size());
            for (Deleted one : deleted) {
                Seed stored = insert(connection, one.seed());
                try (PreparedStatement statement = connection.prepareStatement(
                        "UPDATE tasks SET seed_id = ? WHERE id = ? AND seed_id IS NULL")) {
                    for (long task : one.taskIds()) {
                        statement.setLong(1, stored.id());
                        statement.setLong(2, task);
                        statement.executeUpdate();
                    }
                }
                restored.add(stored);
            }
            return restored;
        });
    }

    /**
     * Sets domain, tags or status on many seeds at once; returns them as they were before, so
     * that the edit can be undone by {@link #replaceAll(List)}.
     */
    public List<Seed> bulkEdit(List<Long> ids, BulkEdit edit) throws SQLException {
        return db.write(connection -> {
            String now = Instant.now().toString();
            List<Seed> before = new ArrayList<>(ids.size());
            for (long id : ids) {
                Seed seed = find(connection, id).orElseThrow(() -> new SQLException("seed " + id + " does not exist"));
                before.add(seed);
                update(connection, edit.applyTo(seed), now);
            }
            return before;
        });
    }

    /** Writes each seed's content back as given (by id), in one transaction. */
    public List<Seed> replaceAll(List<Seed> seeds) throws SQLException {
        return db.write(connection -> {
            List<Seed> stored = new ArrayList<>(seeds.size());
            for (Seed seed : seeds) {
                stored.add(update(connection, seed, seed.updatedAt() == null ? Instant.now().toString() : seed.updatedAt()));
            }
            return stored;
        });
    }

    public Optional<Seed> find(long id) throws SQLException {
        return db.read(connection -> find(connection, id));
    }

    static Optional<Seed> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM seeds WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    public List<Seed> findAll(List<Long> ids) throws SQLException {
        return db.read(connection -> {
            List<Seed> seeds = new ArrayList<>();
            for (long id : ids) {
                find(connection, id).ifPresent(seeds::add);
            }
            return seeds;
        });
    }

    /** Seeds matching the query, in id order (or by relevance when searching text). */
    public List<Seed> list(SeedQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM seeds");
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        String match = ftsQuery(query.text());
        if (match != null) {
            where.add("id IN (SELECT rowid FROM seeds_fts WHERE seeds_fts MATCH ?)");
            values.add(match);
        }
        if (query.domain() != null) {
            where.add("domain = ?");
            values.add(query.domain());
        }
        if (query.status() != null) {
            where.add("status = ?");
            values.add(query.status().key());
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY id");
        if (query.limit() > 0) {
            sql.append(" LIMIT ").append(query.limit());
        }
        return db.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                List<Seed> seeds = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        seeds.add(read(rows));
                    }
                }
                return seeds;
            }
        });
    }

    public long count() throws SQLException {
        return db.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM seeds")) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    /** The distinct domains seeds have, sorted. */
    public List<String> domains() throws SQLException {
        return db.read(connection -> {
            List<String> domains = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT DISTINCT domain FROM seeds WHERE domain IS NOT NULL AND domain <> '' ORDER BY domain")) {
                while (rows.next()) {
                    domains.add(rows.getString(1));
                }
            }
            return domains;
        });
    }

    /** Problem hash → seed id, for duplicate detection. */
    public Map<String, Long> problemHashes() throws SQLException {
        return db.read(SeedRepository::problemHashes);
    }

    static Map<String, Long> problemHashes(Connection connection) throws SQLException {
        Map<String, Long> hashes = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT content_hash, id FROM seeds WHERE content_hash IS NOT NULL")) {
            while (rows.next()) {
                hashes.putIfAbsent(rows.getString(1), rows.getLong(2));
            }
        }
        return hashes;
    }

    /** The tasks generated from a seed, newest first. */
    public List<TaskRef> tasksFrom(long seedId) throws SQLException {
        return db.read(connection -> tasksFrom(connection, seedId));
    }

    private static List<TaskRef> tasksFrom(Connection connection, long seedId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, name, status, created_at FROM tasks WHERE seed_id = ? ORDER BY id DESC")) {
            statement.setLong(1, seedId);
            List<TaskRef> tasks = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tasks.add(new TaskRef(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            return tasks;
        }
    }

    /**
     * The hash duplicates are found by: the problem text lower-cased with punctuation and
     * runs of white space folded, so re-wrapped or re-punctuated copies count as the same.
     */
    public static String problemHash(String problem) {
        String normalized = problem == null ? "" : problem.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Turns what a user types into an FTS5 query: every word must occur, as a prefix, so that
     * punctuation or FTS syntax in the input can never make the query invalid.
     */
    static String ftsQuery(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        for (String word : text.strip().split("[^\\p{L}\\p{N}_]+")) {
            if (!word.isEmpty()) {
                terms.add("\"" + word + "\"*");
            }
        }
        return terms.isEmpty() ? null : String.join(" AND ", terms);
    }

    private static void indexInsert(Connection connection, Seed seed) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO seeds_fts(rowid, title, problem, tags) VALUES (?, ?, ?, ?)")) {
            statement.setLong(1, seed.id());
            statement.setString(2, seed.title());
            statement.setString(3, seed.problem());
            statement.setString(4, String.join(" ", seed.tags()));
            statement.executeUpdate();
        }
    }

    private static void indexDelete(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM seeds_fts WHERE rowid = ?")) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }

    private static Seed read(ResultSet rows) throws SQLException {
        return new Seed(rows.getLong("id"), rows.getString("title"), rows.getString("problem"), rows.getString("domain"),
                rows.getString("reference_solution"), rows.getString("source_dataset"), rows.getString("source_id"),
                rows.getString("license"), tags(rows.getString("tags")), SeedStatus.parse(rows.getString("status")),
                rows.getString("notes"), rows.getString("created_at"), rows.getString("updated_at"));
    }

    private static String tagsJson(List<String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tags(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return Tags.parse(json);
        }
    }
}
