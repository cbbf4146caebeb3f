package org.termcurator.core.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.termcurator.core.tasks.lint.LintFinding;
import org.termcurator.core.tasks.lint.LintStatus;
import org.termcurator.core.io.Mappers;

/**
 * The tasks of a project in SQLite: the tasks row with the fields curators filter on, every
 * file in task_files, the tags in task_tags, the lint findings, and the tasks_fts row (rowid =
 * task id), all written together so that they never disagree.
 */
public final class TaskStore {

    static final ObjectMapper JSON = Mappers.json();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private static final String TASK_COLUMNS = "name, source_path, format, origin, category, difficulty, tags, "
            + "instruction, agent_timeout_sec, verifier_timeout_sec, cpus, memory_mb, allow_internet, base_image, "
            + "docker_image, has_solution, has_tests, instruction_length, config, content_hash, lint_status, "
            + "instruction_minhash";

    /** A task row as re-import needs it. */
    public record Existing(long id, String contentHash) {
    }

    /** A task read back from the project, with its row's own fields. */
    public record StoredTask(long id, Task task, LintStatus lintStatus, String createdAt, String updatedAt) {
    }

    private TaskStore() {
    }

    /** Every task that has a source path, by that path. */
    public static Map<String, Existing> existingBySource(Connection connection) throws SQLException {
        Map<String, Existing> existing = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT source_path, id, content_hash FROM tasks WHERE source_path IS NOT NULL");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                existing.put(rows.getString(1), new Existing(rows.getLong(2), rows.getString(3)));
            }
        }
        return existing;
    }

    public static long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM tasks");
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** Reads whole tasks (every file with its content) by id; ids that do not exist are left out. */
    public static List<StoredTask> load(Connection connection, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = placeholders(ids.size());
        Map<Long, List<TaskFile>> files = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT task_id, path, kind, size, sha256, "
                + "executable, content, original_path FROM task_files WHERE task_id IN (" + in + ") ORDER BY task_id, path")) {
            bindIds(statement, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    files.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new TaskFile(rows.getString(2),
                            TaskFile.Kind.fromId(rows.getString(3)), rows.getLong(4), rows.getString(5),
                            rows.getInt(6) != 0, rows.getBytes(7), rows.getString(8)));
                }
            }
        }
        Map<Long, StoredTask> tasks = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, " + TASK_COLUMNS
                + ", created_at, updated_at FROM tasks WHERE id IN (" + in + ")")) {
            bindIds(statement, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    tasks.put(id, new StoredTask(id, readTask(rows, files.getOrDefault(id, List.of())),
                            LintStatus.fromId(rows.getString("lint_status")), rows.getString("created_at"),
                            rows.getString("updated_at")));
                }
            }
        }
        List<StoredTask> ordered = new ArrayList<>(tasks.size());
        for (Long id : ids) {
            StoredTask task = tasks.get(id);
            if (task != null) {
                ordered.add(task);
            }
        }
        return ordered;
    }

    public static Optional<StoredTask> load(Connection connection, long id) throws SQLException {
        List<StoredTask> tasks = load(connection, List.of(id));
        return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.getFirst());
    }

    private static Task readTask(ResultSet rows, List<TaskFile> files) throws SQLException {
        JsonNode config;
        List<String> tags;
        try {
            config = JSON.readTree(rows.getString("config"));
            tags = JSON.readValue(rows.getString("tags"), STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("task " + rows.getLong("id") + " has damaged JSON in the project", e);
        }
        Double buildTimeout = config.path("environment").path("build_timeout_sec").isNumber()
                ? config.path("environment").path("build_timeout_sec").asDouble() : null;
        return new Task(rows.getString("name"), rows.getString("source_path"),
                TaskFormat.fromId(rows.getString("format")), TaskOrigin.fromId(rows.getString("origin")),
                rows.getString("category"), rows.getString("difficulty"), tags, rows.getString("instruction"),
                nullableDouble(rows, "agent_timeout_sec"), nullableDouble(rows, "verifier_timeout_sec"), buildTimeout,
                nullableDouble(rows, "cpus"), nullableLong(rows, "memory_mb"), nullableBoolean(rows, "allow_internet"),
                rows.getString("base_image"), rows.getString("docker_image"), rows.getInt("has_solution") != 0,
                rows.getInt("has_tests") != 0, config, files, rows.getString("content_hash"));
    }

    /** Writes tasks within the caller's transaction, reusing its statements across a batch. */
    public static final class Writer implements AutoCloseable {
        private final PreparedStatement insertTask;
        private final PreparedStatement updateTask;
        private final PreparedStatement deleteFiles;
        private final PreparedStatement insertFile;
        private final PreparedStatement deleteTags;
        private final PreparedStatement insertTag;
        private final PreparedStatement deleteFts;
        private final PreparedStatement insertFts;
        private final PreparedStatement deleteFindings;
        private final PreparedStatement insertFinding;
        private final PreparedStatement findSame;

        public Writer(Connection connection) throws SQLException {
            insertTask = connection.prepareStatement("INSERT INTO tasks(" + TASK_COLUMNS
                    + ", created_at, updated_at) VALUES (" + placeholders(24) + ")");
            updateTask = connection.prepareStatement("UPDATE tasks SET " + TASK_COLUMNS.replace(", ", " = ?, ")
                    + " = ?, updated_at = ? WHERE id = ?");
            deleteFiles = connection.prepareStatement("DELETE FROM task_files WHERE task_id = ?");
            insertFile = connection.prepareStatement("INSERT INTO task_files(task_id, path, kind, size, sha256, "
                    + "executable, content, original_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            deleteTags = connection.prepareStatement("DELETE FROM task_tags WHERE task_id = ?");
            insertTag = connection.prepareStatement("INSERT OR IGNORE INTO task_tags(task_id, tag) VALUES (?, ?)");
            deleteFts = connection.prepareStatement("DELETE FROM tasks_fts WHERE rowid = ?");
            insertFts = connection.prepareStatement(
                    "INSERT INTO tasks_fts(rowid, name, instruction, tags, test_files) VALUES (?, ?, ?, ?, ?)");
            deleteFindings = connection.prepareStatement("DELETE FROM task_lint WHERE task_id = ?");
            insertFinding = connection.prepareStatement(
                    "INSERT INTO task_lint(task_id, rule, severity, message, file, line) VALUES (?, ?, ?, ?, ?, ?)");
            findSame = connection.prepareStatement("SELECT id FROM tasks WHERE name = ? AND content_hash = ? LIMIT 1");
        }

        /** A task with this name and exactly this content, e.g. the one an export was made from. */
        public Optional<Long> findByNameAndContent(String name, String contentHash) throws SQLException {
            findSame.setString(1, name);
            findSame.setString(2, contentHash);
            try (ResultSet rows = findSame.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }

        /** Adds a task with its files, tags, search row and per-task lint findings; returns its id. */
        public long insert(Task task, List<LintFinding> findings, byte[] minhash, Instant now) throws SQLException {
            int next = bindTask(insertTask, task, findings, minhash);
            insertTask.setString(next++, now.toString());
            insertTask.setString(next, now.toString());
            insertTask.executeUpdate();
            long id;
            try (ResultSet keys = insertTask.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            writeParts(id, task, findings);
            return id;
        }

        /** Replaces a task's content (files, fields, tags, search row, findings); keeps its id and creation time. */
        public void update(long id, Task task, List<LintFinding> findings, byte[] minhash, Instant now)
                throws SQLException {
            int next = bindTask(updateTask, task, findings, minhash);
            updateTask.setString(next++, now.toString());
            updateTask.setLong(next, id);
            updateTask.executeUpdate();
            for (PreparedStatement delete : List.of(deleteFiles, deleteTags, deleteFts, deleteFindings)) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            writeParts(id, task, findings);
        }

        /** Replaces a task's findings of the per-task rules (cross-task ones are the project linter's). */
        public void replaceFindings(long id, List<LintFinding> findings) throws SQLException {
            deleteFindings.setLong(1, id);
            deleteFindings.executeUpdate();
            writeFindings(id, findings);
        }

        private void writeParts(long id, Task task, List<LintFinding> findings) throws SQLException {
            for (TaskFile file : task.files()) {
                insertFile.setLong(1, id);
                insertFile.setString(2, file.path());
                insertFile.setString(3, file.kind().id());
                insertFile.setLong(4, file.size());
                insertFile.setString(5, file.sha256());
                insertFile.setInt(6, file.executable() ? 1 : 0);
                insertFile.setBytes(7, file.content());
                insertFile.setString(8, file.originalPath());
                insertFile.addBatch();
            }
            insertFile.executeBatch();
            for (String tag : task.tags()) {
                insertTag.setLong(1, id);
                insertTag.setString(2, tag);
                insertTag.addBatch();
            }
            insertTag.executeBatch();
            insertFts.setLong(1, id);
            insertFts.setString(2, task.name());
            insertFts.setString(3, task.instruction());
            insertFts.setString(4, String.join(" ", task.tags()));
            insertFts.setString(5, String.join(" ", task.testFileNames()));
            insertFts.executeUpdate();
            writeFindings(id, findings);
        }

        private void writeFindings(long id, List<LintFinding> findings) throws SQLException {
            for (LintFinding finding : findings) {
                insertFinding.setLong(1, id);
                insertFinding.setString(2, finding.rule().id());
                insertFinding.setString(3, finding.severity().id());
                insertFinding.setString(4, finding.message());
                insertFinding.setString(5, finding.file());
                insertFinding.setInt(6, finding.line());
                insertFinding.addBatch();
            }
            insertFinding.executeBatch();
        }

        private static int bindTask(PreparedStatement statement, Task task, List<LintFinding> findings, byte[] minhash)
                throws SQLException {
            int i = 1;
            statement.setString(i++, task.name());
            statement.setString(i++, task.sourcePath());
            statement.setString(i++, task.format().id());
            statement.setString(i++, task.origin().id());
            statement.setString(i++, task.category());
            statement.setString(i++, task.difficulty());
            statement.setString(i++, json(task.tags()));
            statement.setString(i++, task.instruction() == null ? "" : task.instruction());
            setDouble(statement, i++, task.agentTimeoutSec());
            setDouble(statement, i++, task.verifierTimeoutSec());
            setDouble(statement, i++, task.cpus());
            if (task.memoryMb() == null) {
                statement.setNull(i++, Types.INTEGER);
            } else {
                statement.setLong(i++, task.memoryMb());
            }
            if (task.allowInternet() == null) {
                statement.setNull(i++, Types.INTEGER);
            } else {
                statement.setInt(i++, task.allowInternet() ? 1 : 0);
            }
            statement.setString(i++, task.baseImage());
            statement.setString(i++, task.dockerImage());
            statement.setInt(i++, task.hasSolution() ? 1 : 0);
            statement.setInt(i++, task.hasTests() ? 1 : 0);
            statement.setInt(i++, task.instruction() == null ? 0 : task.instruction().length());
            statement.setString(i++, json(task.config()));
            statement.setString(i++, task.contentHash());
            statement.setString(i++, LintStatus.of(findings).id());
            statement.setBytes(i++, minhash);
            return i;
        }

        @Override
        public void close() throws SQLException {
            SQLException failure = null;
            for (PreparedStatement statement : List.of(insertTask, updateTask, deleteFiles, insertFile, deleteTags,
                    insertTag, deleteFts, insertFts, deleteFindings, insertFinding, findSame)) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** "?, ?, ?" for an IN list or a VALUES row. */
    public static String placeholders(int count) {
        StringJoiner joiner = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            joiner.add("?");
        }
        return joiner.toString();
    }

    private static void bindIds(PreparedStatement statement, Collection<Long> ids) throws SQLException {
        int index = 1;
        for (Long id : ids) {
            statement.setLong(index++, id);
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static Double nullableDouble(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static Boolean nullableBoolean(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value != 0;
    }
}
