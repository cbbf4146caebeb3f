package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.tasks.TaskFolders;

/** The task commands as a script runs them: one JSON object on stdout, progress on stderr, exit codes. */
class TasksCliTest {

    private static final String SAMPLES = Path.of("sample-data/tasks").toAbsolutePath().toString();

    @TempDir
    Path dir;

    /** A run whose stdout must be exactly one JSON object on one line. */
    record Run(CliRun run) {
        int exitCode() {
            return run.exitCode();
        }

        String out() {
            return run.out();
        }

        String err() {
            return run.err();
        }

        JsonNode json() throws Exception {
            assertThat(run.out().strip().lines()).as("exactly one line on stdout").hasSize(1);
            return run.json();
        }
    }

    private static Run run(String... args) {
        return new Run(CliRun.of(args));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void importPrintsExactlyTheCountsAndCreatesTheProject() throws Exception {
        String project = dir.resolve("new.curator").toString();

        Run first = run("import", "tasks", SAMPLES, "--project", project, "--create", "--json");

        assertThat(first.exitCode()).isZero();
        JsonNode json = first.json();
        assertThat(fieldNames(json)).containsExactly("imported", "updated", "unchanged", "failed", "errors");
        assertThat(json.get("imported").asInt()).isEqualTo(5);
        assertThat(json.get("errors").isArray()).isTrue();
        assertThat(first.err()).contains("Processed 5 of 5 tasks (100%)");
        assertThat(Path.of(project)).exists();

        Run again = run("import", "tasks", SAMPLES, "--project", project, "--json");
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(5);
        assertThat(again.json().get("imported").asInt()).isZero();
    }

    @Test
    void brokenTasksExitOneAndAreNamedWithTheirReason() throws Exception {
        Path set = dir.resolve("set");
        TaskFolders.harbor(set, "good").write();
        TaskFolders.harbor(set, "broken").file("task.toml", "[metadata\n").write();
        String project = dir.resolve("p.curator").toString();

        Run run = run("import", "tasks", set.toString(), "--project", project, "--create", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        JsonNode json = run.json();
        assertThat(json.get("imported").asInt()).isEqualTo(1);
        assertThat(json.get("failed").asInt()).isEqualTo(1);
        JsonNode error = json.get("errors").get(0);
        assertThat(fieldNames(error)).containsExactly("path", "message");
        assertThat(error.get("path").asText()).isEqualTo(set.resolve("broken").toString());
        assertThat(error.get("message").asText()).startsWith("task.toml line 1: invalid TOML");

        Run text = run("import", "tasks", set.toString(), "--project", project);
        assertThat(text.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(text.out()).contains("unchanged 1, failed 1").contains(set.resolve("broken") + ": task.toml line 1");
    }

    @Test
    void listSearchesFiltersAndLimitsButCountsTheTotal() throws Exception {
        String project = dir.resolve("p.curator").toString();
        run("import", "tasks", SAMPLES, "--project", project, "--create");

        JsonNode all = run("tasks", "list", "--project", project, "--json", "--limit", "2").json();
        assertThat(all.get("total").asInt()).isEqualTo(5);
        assertThat(all.get("tasks")).hasSize(2);
        assertThat(fieldNames(all.get("tasks").get(0))).containsExactly("name", "category", "difficulty", "source");

        JsonNode found = run("tasks", "list", "--project", project, "--json", "--query", "rotated").json();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.get("tasks").get(0).get("name").asText()).isEqualTo("curator-samples/access-log-report");
        assertThat(found.get("tasks").get(0).get("source").asText()).isEqualTo(SAMPLES + "/access-log-report");

        JsonNode easy = run("tasks", "list", "--project", project, "--json", "--difficulty", "easy",
                "--category", "debugging").json();
        assertThat(easy.get("total").asInt()).isEqualTo(1);
        assertThat(easy.get("tasks").get(0).get("name").asText()).isEqualTo("fix-inventory-report");
        assertThat(run("tasks", "list", "--project", project, "--limit", "-1").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void lintExitsOneWhenATaskHasAnErrorAndReportsEachFinding() throws Exception {
        Path set = dir.resolve("set");
        TaskFolders.harbor(set, "untested").without("tests/test.sh").write();
        String project = dir.resolve("p.curator").toString();
        run("import", "tasks", set.toString(), "--project", project, "--create");

        Run lint = run("tasks", "lint", "--project", project, "--json", "--map-image", "curator/debian:bookworm=curator/debian:bookworm");

        assertThat(lint.exitCode()).isEqualTo(ExitCodes.FAILED);
        JsonNode json = lint.json();
        assertThat(json.get("tasks").asInt()).isEqualTo(1);
        assertThat(json.get("error").asInt()).isEqualTo(1);
        assertThat(json.get("rules").get("missing-tests").asInt()).isEqualTo(1);
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("task").asText()).isEqualTo("tests/untested");
        assertThat(finding.get("rule").asText()).isEqualTo("missing-tests");
        assertThat(finding.get("severity").asText()).isEqualTo("error");
        assertThat(finding.get("file").asText()).isEqualTo("tests/test.sh");
    }

    @Test
    void exportWritesTaskFoldersThatImportBackUnchanged() throws Exception {
        String project = dir.resolve("p.curator").toString();
        run("import", "tasks", SAMPLES, "--project", project, "--create");
        Path out = dir.resolve("out");

        Run export = run("tasks", "export", "--project", project, "--out", out.toString(), "--query", "csv", "--json");

        assertThat(export.exitCode()).isZero();
        assertThat(export.json().get("exported").asInt()).isEqualTo(1);
        assertThat(out.resolve("sales-by-region/task.toml")).exists();
        Run back = run("import", "tasks", out.toString(), "--project", project, "--json");
        assertThat(back.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(back.json().get("imported").asInt()).isZero();

        Run again = run("tasks", "export", "--project", project, "--out", out.toString(), "--query", "csv");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.out()).contains("already exists");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertThat(run("import", "tasks", "--project", dir.resolve("p.curator").toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("tasks", "list").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("tasks", "export", "--project", "x.curator").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.exists(dir.resolve("p.curator"))).isFalse();
    }
}
