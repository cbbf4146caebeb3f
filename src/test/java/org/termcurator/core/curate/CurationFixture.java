package org.termcurator.core.curate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.tasks.TaskImporter;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.core.trajectories.RunImporter;

/**
 * Builds curation test projects the way users do: the sample Harbor tasks imported with the task
 * importer, trajectories written as Terminal-Corpus JSONL rows and imported with the run importer.
 */
public final class CurationFixture {

    public static final Path SAMPLE_TASKS = Path.of("sample-data/tasks").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> rows = new ArrayList<>();

    /** Imports the five sample tasks (data-processing/easy sales-by-region, security/hard secure-config-tree, ...). */
    public static void importSampleTasks(ProjectDb db) throws SQLException {
        var summary = new TaskImporter(db, TaskImporter.Options.defaults(
                new LintContext(Set.of("curator/debian:bookworm"), true, Map.of())))
                .importPaths(List.of(SAMPLE_TASKS), JobContext.unobserved());
        assertThat(summary.errors()).isEmpty();
    }

    /** A Terminus row for a task: the harness prompt with the instruction, then the given turns. */
    public Row row(String task, String instruction) {
        return new Row(task, instruction);
    }

    public final class Row {
        private final ObjectNode node = JSON.createObjectNode();
        private final ArrayNode conversation;

        private Row(String task, String instruction) {
            conversation = node.putArray("conversations");
            user("You are an AI assistant tasked with solving command-line tasks in a Linux environment.\n\n"
                    + "Task Description:\n" + instruction + "\n\nCurrent terminal state:\nroot@box:/app# ");
            node.put("agent", "terminus-2");
            node.put("model", "qwen3-8b");
            node.put("task", task);
            node.put("trial_name", task + "__" + rows.size());
            node.put("source", "adapter-a");
        }

        /** A well-formed answer running {@code keystrokes}, and the terminal's reply. */
        public Row turn(String keystrokes) {
            return answer(keystrokes, false).user("root@box:/app# " + keystrokes.strip() + "\nok\nroot@box:/app# ");
        }

        public Row finish() {
            return answer("", true);
        }

        public Row answer(String keystrokes, boolean complete) {
            ObjectNode answer = JSON.createObjectNode();
            answer.put("analysis", "Looking at the screen.");
            answer.put("plan", "Run the next command.");
            ArrayNode commands = answer.putArray("commands");
            if (!keystrokes.isEmpty()) {
                commands.addObject().put("keystrokes", keystrokes + "\n").put("duration", 0.1);
            }
            answer.put("task_complete", complete);
            return assistant(answer.toString());
        }

        /** An answer that does not parse, followed by the harness's error reply. */
        public Row parseError() {
            return assistant("Sure, I will just do it.").user("Previous response had parsing errors:\n"
                    + "ERROR: No valid JSON found in response\n\nPlease fix these issues.");
        }

        public Row emptyAnswer() {
            conversation.addObject().put("role", "assistant").putNull("content");
            return this;
        }

        public Row assistant(String content) {
            conversation.addObject().put("role", "assistant").put("content", content);
            return this;
        }

        public Row user(String content) {
            conversation.addObject().put("role", "user").put("content", content);
            return this;
        }

        public Row reward(double reward) {
            node.put("reward", reward);
            return this;
        }

        public Row resolved(boolean resolved) {
            node.put("resolved", resolved);
            return this;
        }

        public Row source(String source) {
            node.put("source", source);
            return this;
        }

        public CurationFixture add() {
            rows.add(node);
            return CurationFixture.this;
        }
    }

    /** Writes the rows to a JSONL file in {@code dir} and imports it; returns the trajectory ids in row order. */
    public List<Long> importInto(ProjectDb db, Path dir) throws IOException, SQLException {
        Path file = dir.resolve("rows-" + System.nanoTime() + ".jsonl");
        StringBuilder text = new StringBuilder();
        for (ObjectNode row : rows) {
            text.append(JSON.writeValueAsString(row)).append('\n');
        }
        Files.writeString(file, text);
        var summary = new RunImporter(db).importPaths(List.of(file), JobContext.unobserved());
        assertThat(summary.errors()).isEmpty();
        return db.read(connection -> {
            List<Long> ids = new ArrayList<>();
            try (var select = connection.prepareStatement("SELECT id FROM trajectories WHERE source_path LIKE ? ORDER BY id")) {
                select.setString(1, "%" + file.getFileName() + "%");
                try (var result = select.executeQuery()) {
                    while (result.next()) {
                        ids.add(result.getLong(1));
                    }
                }
            }
            return ids;
        });
    }
}
