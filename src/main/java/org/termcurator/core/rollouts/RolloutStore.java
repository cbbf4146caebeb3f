package org.termcurator.core.rollouts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.container.ContainerLimits;
import org.termcurator.core.trajectories.RunImportSummary;
import org.termcurator.core.trajectories.RunImporter;
import org.termcurator.core.io.Mappers;

/**
 * The project's rollouts table: a row per rollout, written when it is queued, when it starts
 * and when it ends (status, reward, exit code of the tests, image id, seconds per phase, error).
 * A finished rollout's work folder is then imported as a trajectory of the project (steps,
 * tests, casts, logs), which the import links both ways to the row.
 */
public final class RolloutStore implements RolloutRecorder {

    private static final ObjectMapper JSON = Mappers.json();

    private static final Logger LOG = LoggerFactory.getLogger(RolloutStore.class);

    private final ProjectDb db;

    public RolloutStore(ProjectDb db) {
        this.db = db;
    }

    /** One stored rollout, as the table has it. */
    public record Row(long id, Long taskId, String agent, String model, int attempt, RolloutStatus status,
                      String imageId, Double reward, Integer exitCode, String error, String timingsJson,
                      Long trajectoryId, String createdAt, String startedAt, String finishedAt) {
    }

    @Override
    public Long queued(RolloutRequest request, String key, Instant createdAt) throws SQLException {
        Long taskId = request.taskId() != null ? request.taskId() : taskIdForFolder(request.task().dir());
        return db.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO rollouts(task_id, agent, model, attempt, status, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                setLong(insert, 1, taskId);
                insert.setString(2, request.agent().kind());
                insert.setString(3, request.agent().model());
                insert.setInt(4, request.attempt());
                insert.setString(5, RolloutStatus.QUEUED.dbValue());
                insert.setString(6, createdAt.toString());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public void started(Long rolloutId, Instant startedAt) throws SQLException {
        if (rolloutId == null) {
            return;
        }
        db.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE rollouts SET status = ?, started_at = ? WHERE id = ?")) {
                update.setString(1, RolloutStatus.RUNNING.dbValue());
                update.setString(2, startedAt.toString());
                update.setLong(3, rolloutId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void finished(Long rolloutId, RolloutResult result) throws SQLException {
        if (rolloutId == null) {
            return;
        }
        String timings;
        try {
            timings = JSON.writeValueAsString(result.timings());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("timings cannot be written as JSON", e);
        }
        db.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE rollouts SET status = ?, image_id = ?, reward = ?, exit_code = ?, error = ?, timings = ?,
                           started_at = coalesce(started_at, ?), finished_at = ?
                     WHERE id = ?""")) {
                update.setString(1, result.status().dbValue());
                update.setString(2, result.imageId());
                if (result.reward() == null) {
                    update.setNull(3, Types.REAL);
                } else {
                    update.setDouble(3, result.reward());
                }
                if (result.verifierExitCode() == null) {
                    update.setNull(4, Types.INTEGER);
                } else {
                    update.setInt(4, result.verifierExitCode());
                }
                update.setString(5, result.error());
                update.setString(6, timings);
                update.setString(7, result.startedAt() == null ? null : result.startedAt().toString());
                update.setString(8, (result.finishedAt() == null ? Instant.now() : result.finishedAt()).toString());
                update.setLong(9, rolloutId);
                return update.executeUpdate();
            }
        });
        if (result.workDir() != null && Files.isRegularFile(result.workDir().resolve("result.json"))) {
            RunImportSummary imported = new RunImporter(db).importPaths(List.of(result.workDir()),
                    JobContext.unobserved());
            if (!imported.errors().isEmpty()) {
                LOG.warn("rollout {} is stored without its trajectory: {}", result.key(), imported.errors());
            }
        }
    }

    /** The project's task imported from {@code dir}, or null when the folder was never imported. */
    public Long taskIdForFolder(Path dir) throws SQLException {
        String path = dir.toAbsolutePath().normalize().toString();
        return db.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM tasks WHERE source_path = ? ORDER BY id DESC LIMIT 1")) {
                query.setString(1, path);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : null;
                }
            }
        });
    }

    /**
     * A stored rollout with the name of its task (the project's task, else its trajectory's) and
     * the limits its container ran with (from its result.json; null when unknown).
     */
    public record Named(Row row, String taskName, ContainerLimits limits) {
    }

    /** Every rollout row, oldest first. */
    public List<Row> list() throws SQLException {
        return list(false).stream().map(Named::row).toList();
    }

    /** The latest {@code limit} rollouts with their task names, oldest first. */
    public List<Named> latestNamed(int limit) throws SQLException {
        return list(true, limit);
    }

    private List<Named> list(boolean named) throws SQLException {
        return list(named, Integer.MAX_VALUE);
    }

    private List<Named> list(boolean named, int limit) throws SQLException {
        String name = named ? "coalesce((SELECT t.name FROM tasks t WHERE t.id = r.task_id), "
                + "(SELECT tr.task_name FROM trajectories tr WHERE tr.id = r.trajectory_id))" : "NULL";
        String limits = named ? "(SELECT json_extract(tr.extra, '$.\"result.json\".limits') FROM trajectories tr "
                + "WHERE tr.id = r.trajectory_id AND json_valid(tr.extra))" : "NULL";
        return db.read(connection -> {
            List<Named> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT * FROM (SELECT r.id, r.task_id, r.agent, r.model, "
                         + "r.attempt, r.status, r.image_id, r.reward, r.exit_code, r.error, r.timings, r.trajectory_id, "
                         + "r.created_at, r.started_at, r.finished_at, " + name + ", " + limits + " FROM rollouts r ORDER BY r.id DESC "
                         + "LIMIT " + limit + ") ORDER BY 1")) {
                while (result.next()) {
                    long taskId = result.getLong(2);
                    Long task = result.wasNull() ? null : taskId;
                    rows.add(new Named(new Row(result.getLong(1), task, result.getString(3),
                            result.getString(4), result.getInt(5),
                            RolloutStatus.valueOf(result.getString(6).toUpperCase(java.util.Locale.ROOT)),
                            result.getString(7), result.getObject(8) == null ? null : result.getDouble(8),
                            result.getObject(9) == null ? null : result.getInt(9), result.getString(10),
                            result.getString(11), result.getObject(12) == null ? null : result.getLong(12),
                            result.getString(13), result.getString(14), result.getString(15)), result.getString(16),
                            limits(result.getString(17))));
                }
            }
            return rows;
        });
    }

    /** The limits as result.json keeps them ({@link RolloutFiles#limits}); null when absent or unreadable. */
    static ContainerLimits limits(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(json);
            if (!node.isObject()) {
                return null;
            }
            List<String> notes = new ArrayList<>();
            node.path("notes").forEach(note -> notes.add(note.asText()));
            List<String> capabilities = new ArrayList<>();
            node.path("cap_add").forEach(capability -> capabilities.add(capability.asText()));
            return new ContainerLimits(node.path("cpus").asDouble(), node.path("memory_mb").asLong(),
                    node.path("storage_mb").asLong(), node.path("pids_limit").asLong(),
                    node.path("storage_enforcement").asText(""), capabilities,
                    node.path("no_new_privileges").asBoolean(false), notes);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }
}
