package org.termcurator.core.trajectories;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.verifier.TestResult;

/**
 * Writes trajectories within one transaction of the project's writer: a new source path is
 * inserted, a known one with the same content hash is left alone, a changed one is replaced in
 * place (same id, so links to it hold). Written trajectories are listed for the search index,
 * which {@link StepsSearchIndex} builds after the import. Statements are prepared once per
 * writer, so make one per batch.
 */
final class TrajectoryWriter implements AutoCloseable {

    enum Outcome { IMPORTED, UPDATED, UNCHANGED }

    private static final String COLUMNS = "rollout_id, task_id, task_name, source_path, format, source, agent, agent_version, "
            + "model, trial_name, attempt, resolved, reward, rewards, failure_mode, exception, input_tokens, "
            + "output_tokens, cached_tokens, cost_usd, turn_count, token_count, started_at, finished_at, timings, "
            + "extra, content_hash, imported_at";

    private final Connection connection;
    private final PreparedStatement find;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement insertStep;
    private final PreparedStatement listForSearch;
    private final PreparedStatement insertTest;
    private final PreparedStatement insertAttachment;
    private final PreparedStatement taskByName;
    private final PreparedStatement rolloutById;
    private final PreparedStatement linkRollout;

    TrajectoryWriter(Connection connection) throws SQLException {
        this.connection = connection;
        find = connection.prepareStatement("SELECT id, content_hash FROM trajectories WHERE source_path = ?");
        // RETURNING, not getGeneratedKeys: the driver answers that with a new statement each time
        insert = connection.prepareStatement("INSERT INTO trajectories(" + COLUMNS + ") VALUES ("
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        update = connection.prepareStatement("UPDATE trajectories SET (" + COLUMNS + ") = ("
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?");
        insertStep = connection.prepareStatement("INSERT INTO steps(trajectory_id, idx, role, message, reasoning, "
                + "commands, observation, metrics, parse_status, timestamp, cast_time, extra) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        listForSearch = connection.prepareStatement("INSERT OR IGNORE INTO search_backlog(trajectory_id) VALUES (?)");
        insertTest = connection.prepareStatement(
                "INSERT OR REPLACE INTO test_results(trajectory_id, name, status, message) VALUES (?, ?, ?, ?)");
        insertAttachment = connection.prepareStatement("INSERT INTO attachments(trajectory_id, kind, name, "
                + "media_type, size, compression, data, seek_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        taskByName = connection.prepareStatement(TaskLinks.TASK_BY_NAME);
        rolloutById = connection.prepareStatement("SELECT id, task_id FROM rollouts WHERE id = ? AND created_at IS ?");
        linkRollout = connection.prepareStatement("UPDATE rollouts SET trajectory_id = ? WHERE id = ?");
    }

    /**
     * A trajectory with its JSON columns already written out. Encoding takes a good part of the
     * work of a write, and an import encodes on its reading thread so that the writer thread,
     * the one SQLite allows, only binds and steps.
     */
    record Encoded(Trajectory trajectory, String rewards, String timings, String extra, int turnCount,
                   Long tokenCount, List<EncodedStep> steps) {
    }

    record EncodedStep(Step step, String commands, String metrics, String extra) {
    }

    static Encoded encode(Trajectory t) {
        List<EncodedStep> steps = new ArrayList<>(t.steps().size());
        for (Step step : t.steps()) {
            steps.add(new EncodedStep(step, commandsJson(step), step.metrics() == null ? null : json(step.metrics()),
                    json(stepExtra(step))));
        }
        return new Encoded(t, t.rewards().isEmpty() ? null : json(Json.MAPPER.valueToTree(t.rewards())),
                json(t.timings()), json(t.extra()), t.turnCount(), t.tokenCount(), steps);
    }

    Outcome write(Trajectory trajectory) throws SQLException {
        return write(encode(trajectory));
    }

    Outcome write(Encoded encoded) throws SQLException {
        Trajectory trajectory = encoded.trajectory();
        Long existing = null;
        find.setString(1, trajectory.sourcePath());
        try (ResultSet rows = find.executeQuery()) {
            if (rows.next()) {
                existing = rows.getLong(1);
                if (trajectory.contentHash() != null && trajectory.contentHash().equals(rows.getString(2))) {
                    return Outcome.UNCHANGED;
                }
            }
        }
        long id;
        RolloutLink rollout = rolloutOf(trajectory);
        if (existing == null) {
            bindRow(insert, encoded, rollout);
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                id = keys.getLong(1);
            }
        } else {
            id = existing;
            listForSearch.executeBatch(); // the replace below asks whether this one is listed
            deleteChildren(connection, id);
            bindRow(update, encoded, rollout);
            update.setLong(29, id);
            update.executeUpdate();
        }
        if (rollout != null) {
            linkRollout.setLong(1, id);
            linkRollout.setLong(2, rollout.id());
            linkRollout.executeUpdate();
        }
        writeSteps(id, encoded.steps());
        writeTests(id, trajectory.tests());
        writeAttachments(id, trajectory.attachments());
        listForSearch.setLong(1, id);
        listForSearch.addBatch();
        return existing == null ? Outcome.IMPORTED : Outcome.UPDATED;
    }

    /** Removes a trajectory's steps (and their search entries), tests and attachments. */
    private static void deleteChildren(Connection connection, long trajectoryId) throws SQLException {
        StepsSearchIndex.remove(connection, trajectoryId);
        try (PreparedStatement steps = connection.prepareStatement("DELETE FROM steps WHERE trajectory_id = ?");
             PreparedStatement tests = connection.prepareStatement("DELETE FROM test_results WHERE trajectory_id = ?");
             PreparedStatement files = connection.prepareStatement("DELETE FROM attachments WHERE trajectory_id = ?")) {
            for (PreparedStatement statement : List.of(steps, tests, files)) {
                statement.setLong(1, trajectoryId);
                statement.executeUpdate();
            }
        }
    }

    /** A rollout of the project and the task it ran (null when it ran a folder that is not a task of the project). */
    private record RolloutLink(long id, Long taskId) {
    }

    /** The project's rollout that made this trajectory: same id and same queue time, so a folder from another project never links. */
    private RolloutLink rolloutOf(Trajectory trajectory) throws SQLException {
        if (trajectory.rollout() == null) {
            return null;
        }
        rolloutById.setLong(1, trajectory.rollout().id());
        rolloutById.setString(2, trajectory.rollout().createdAt());
        try (ResultSet rows = rolloutById.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            long id = rows.getLong(1);
            long taskId = rows.getLong(2);
            return new RolloutLink(id, rows.wasNull() ? null : taskId);
        }
    }

    private void bindRow(PreparedStatement statement, Encoded encoded, RolloutLink rollout) throws SQLException {
        Trajectory t = encoded.trajectory();
        // the rollout knows the task folder it ran; a name may belong to several tasks
        Long taskId = rollout != null && rollout.taskId() != null ? rollout.taskId() : TaskLinks.find(taskByName, t.taskName());
        int i = 1;
        setLong(statement, i++, rollout == null ? null : rollout.id());
        setLong(statement, i++, taskId);
        statement.setString(i++, t.taskName());
        statement.setString(i++, t.sourcePath());
        statement.setString(i++, t.format());
        statement.setString(i++, t.source());
        statement.setString(i++, t.agent());
        statement.setString(i++, t.agentVersion());
        statement.setString(i++, t.model());
        statement.setString(i++, t.trialName());
        setLong(statement, i++, t.attempt() == null ? null : t.attempt().longValue());
        setLong(statement, i++, t.resolved() == null ? null : t.resolved() ? 1L : 0L);
        setDouble(statement, i++, t.reward());
        statement.setString(i++, encoded.rewards());
        statement.setString(i++, t.failureMode());
        statement.setString(i++, t.exception());
        setLong(statement, i++, t.inputTokens());
        setLong(statement, i++, t.outputTokens());
        setLong(statement, i++, t.cachedTokens());
        setDouble(statement, i++, t.costUsd());
        statement.setInt(i++, encoded.turnCount());
        setLong(statement, i++, encoded.tokenCount());
        statement.setString(i++, t.startedAt());
        statement.setString(i++, t.finishedAt());
        statement.setString(i++, encoded.timings());
        statement.setString(i++, encoded.extra());
        statement.setString(i++, t.contentHash());
        statement.setString(i, Instant.now().toString());
    }

    private void writeSteps(long trajectoryId, List<EncodedStep> steps) throws SQLException {
        if (steps.isEmpty()) {
            return;
        }
        for (EncodedStep encoded : steps) {
            Step step = encoded.step();
            int i = 1;
            insertStep.setLong(i++, trajectoryId);
            insertStep.setInt(i++, step.index());
            insertStep.setString(i++, step.role());
            insertStep.setString(i++, step.message());
            insertStep.setString(i++, step.reasoning());
            insertStep.setString(i++, encoded.commands());
            insertStep.setString(i++, step.observation());
            insertStep.setString(i++, encoded.metrics());
            insertStep.setString(i++, step.parseStatus() == null ? null : step.parseStatus().dbValue());
            insertStep.setString(i++, step.timestamp());
            setDouble(insertStep, i++, step.castTime());
            insertStep.setString(i, encoded.extra());
            insertStep.addBatch();
        }
        insertStep.executeBatch();
    }

    private void writeTests(long trajectoryId, List<TestResult> tests) throws SQLException {
        for (TestResult test : tests) {
            insertTest.setLong(1, trajectoryId);
            insertTest.setString(2, test.name());
            insertTest.setString(3, test.status().dbValue());
            insertTest.setString(4, test.message());
            insertTest.addBatch();
        }
        if (!tests.isEmpty()) {
            insertTest.executeBatch();
        }
    }

    private void writeAttachments(long trajectoryId, List<Attachment> attachments) throws SQLException {
        for (Attachment attachment : attachments) {
            int i = 1;
            insertAttachment.setLong(i++, trajectoryId);
            insertAttachment.setString(i++, attachment.kind().dbValue());
            insertAttachment.setString(i++, attachment.name());
            insertAttachment.setString(i++, attachment.mediaType());
            insertAttachment.setLong(i++, attachment.size());
            insertAttachment.setString(i++, attachment.compression());
            insertAttachment.setBytes(i++, attachment.data());
            insertAttachment.setBytes(i, attachment.seekIndex());
            insertAttachment.executeUpdate();
        }
    }

    static String commandsJson(Step step) {
        if (step.commands().isEmpty()) {
            return null;
        }
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (TerminalCommand command : step.commands()) {
            ObjectNode node = array.addObject();
            node.put("keystrokes", command.keystrokes());
            if (command.duration() != null) {
                node.put("duration", command.duration());
            }
        }
        return json(array);
    }

    /** The step's source extra, plus the Terminus fields read from the answer under "_terminus". */
    static ObjectNode stepExtra(Step step) {
        ObjectNode extra = step.extra() == null ? Json.object() : step.extra().deepCopy();
        if (step.analysis() != null || step.plan() != null || step.taskComplete() != null || step.parseError() != null) {
            ObjectNode terminus = extra.putObject(StoredSteps.TERMINUS_KEY);
            terminus.put("analysis", step.analysis());
            terminus.put("plan", step.plan());
            if (step.taskComplete() != null) {
                terminus.put("task_complete", step.taskComplete());
            }
            if (step.parseError() != null) {
                terminus.put("parse_error", step.parseError());
            }
        }
        return extra;
    }

    static String json(Object node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null || value.isNaN()) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    /** Lists the batch's trajectories for the search index, then closes the statements. */
    @Override
    public void close() throws SQLException {
        listForSearch.executeBatch();
        for (PreparedStatement statement : List.of(find, insert, update, insertStep, listForSearch, insertTest,
                insertAttachment, taskByName, rolloutById, linkRollout)) {
            statement.close();
        }
    }
}
