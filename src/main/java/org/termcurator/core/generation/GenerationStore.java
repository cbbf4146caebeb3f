package org.termcurator.core.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.tasks.TaskDefinitionException;
import org.termcurator.core.tasks.TaskImporter;
import org.termcurator.core.tasks.TaskProvenance;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.core.io.Mappers;

/**
 * Puts what a generation run makes into the project: each task folder through the task
 * importer (its files in task_files, linted like any task, searchable) with origin
 * "generated", its lineage, seed and skills; each answer that did not become a task with
 * its reason and raw answer; and the run itself with its counts.
 */
public final class GenerationStore {

    private static final ObjectMapper JSON = Mappers.json();

    private final ProjectDb db;
    private final TaskImporter importer;

    /** An answer that did not become a task, as stored. */
    public record StoredFailure(String runId, int taskNumber, String reason, Long seedId, JsonNode lineage,
                                String createdAt) {
        public String rawAnswer() {
            JsonNode answer = lineage.path("raw_answer");
            return answer.isTextual() ? answer.asText() : null;
        }

        public String prompt() {
            return lineage.path("prompt").asText("");
        }
    }

    public GenerationStore(ProjectDb db, LintContext lint) {
        this.db = db;
        this.importer = new TaskImporter(db, TaskImporter.Options.defaults(lint));
    }

    void begin(String runId, GenerationConfig config) throws SQLException {
        db.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO generation_runs(id, mode, "
                    + "domain, seed_query, requested, random_seed, model, endpoint, out_dir, started_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                statement.setString(1, runId);
                statement.setString(2, config.mode().key());
                statement.setString(3, config.domain());
                statement.setString(4, config.seedQuery());
                statement.setInt(5, config.count());
                statement.setLong(6, config.randomSeed());
                statement.setString(7, config.endpoint().model());
                statement.setString(8, config.endpoint().baseUrl());
                statement.setString(9, config.outDir().toAbsolutePath().toString());
                statement.setString(10, Instant.now().toString());
                statement.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Stores a written task folder as a generated task.
     *
     * @return the task's id in the project
     * @throws TaskDefinitionException when the folder does not read as a task (nothing is stored)
     */
    long storeTask(Path folder, Lineage lineage, List<String> warnings) throws SQLException, TaskDefinitionException {
        Map<String, Object> full = lineage.toMap();
        full.put("warnings", warnings);
        return importer.storeGenerated(folder, new TaskProvenance(JSON.valueToTree(full), lineage.seedId(),
                lineage.skillIds()));
    }

    void storeFailure(String runId, GenerationRun.Failure failure) throws SQLException {
        Lineage lineage = failure.lineage();
        db.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO generation_failures(run_id, "
                    + "task_number, reason, seed_id, lineage, created_at) VALUES (?, ?, ?, "
                    + "(SELECT id FROM seeds WHERE id = ?), ?, ?)")) {
                statement.setString(1, runId);
                statement.setInt(2, failure.number());
                statement.setString(3, failure.reason());
                if (lineage == null || lineage.seedId() == null) {
                    statement.setNull(4, Types.INTEGER);
                } else {
                    statement.setLong(4, lineage.seedId());
                }
                statement.setString(5, json(lineage == null ? Map.of() : lineage.toMap()));
                statement.setString(6, Instant.now().toString());
                statement.executeUpdate();
            }
            return null;
        });
    }

    /** Records the run's outcome and runs the cross-task lint rules once over the project. */
    void finish(GenerationRun.Result result) throws SQLException {
        db.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE generation_runs SET finished_at = ?, "
                    + "generated = ?, failed = ?, cancelled = ?, usage = ? WHERE id = ?")) {
                statement.setString(1, Instant.now().toString());
                statement.setInt(2, result.tasks().size());
                statement.setInt(3, result.failures().size());
                statement.setInt(4, result.cancelled() ? 1 : 0);
                statement.setString(5, json(result.usage().toMap()));
                statement.setString(6, result.runId());
                statement.executeUpdate();
            }
            return null;
        });
        if (!result.tasks().isEmpty()) {
            importer.lintAcrossTasks();
        }
    }

    /** The answers of a run (or of every run, for null) that did not become tasks, in order. */
    public List<StoredFailure> failures(String runId) throws SQLException {
        return db.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT run_id, task_number, reason, seed_id, "
                    + "lineage, created_at FROM generation_failures WHERE ? IS NULL OR run_id = ? ORDER BY id")) {
                statement.setString(1, runId);
                statement.setString(2, runId);
                List<StoredFailure> failures = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long seed = rows.getLong(4);
                        Long seedId = rows.wasNull() ? null : seed;
                        JsonNode lineage;
                        try {
                            lineage = JSON.readTree(rows.getString(5));
                        } catch (JsonProcessingException e) {
                            throw new SQLException("a generation failure has damaged lineage JSON in the project", e);
                        }
                        failures.add(new StoredFailure(rows.getString(1), rows.getInt(2), rows.getString(3), seedId,
                                lineage, rows.getString(6)));
                    }
                }
                return failures;
            }
        });
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
