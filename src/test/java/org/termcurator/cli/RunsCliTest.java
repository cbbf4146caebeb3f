package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.trajectories.Fixtures;

/** {@code import runs} and {@code trajectories list}, as scripts call them. */
class RunsCliTest {


    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void importRunsPrintsTheImportSummaryAndExitsZeroWhenAllImported() throws Exception {
        Path run = Fixtures.copy("tb1-run", dir);
        String project = dir.resolve("p.curator").toString();
        CliRun first = run("import", "runs", run.toString(), "--project", project, "--create", "--json");
        assertThat(first.exitCode()).isZero();
        JsonNode summary = first.json();
        assertThat(summary.get("imported").asInt()).isEqualTo(4);
        assertThat(summary.get("updated").asInt()).isZero();
        assertThat(summary.get("unchanged").asInt()).isZero();
        assertThat(summary.get("failed").asInt()).isZero();
        assertThat(summary.get("errors").isArray()).isTrue();

        CliRun second = run("import", "runs", run.toString(), "--project", project, "--json");
        assertThat(second.json().get("unchanged").asInt()).isEqualTo(4);
    }

    @Test
    void importRunsExitsOneAndNamesEachBadLineWhenSomeRowsFail() throws Exception {
        Path rows = Fixtures.copy("sft/rows.jsonl", dir);
        CliRun result = run("import", "runs", rows.toString(), "--project", dir.resolve("p.curator").toString(),
                "--create", "--json");
        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode summary = result.json();
        assertThat(summary.get("imported").asInt()).isEqualTo(4);
        assertThat(summary.get("failed").asInt()).isEqualTo(4);
        assertThat(summary.get("errors").get(0).get("path").asText()).isEqualTo(rows + ":3");
        assertThat(summary.get("errors").get(0).get("message").asText()).startsWith("invalid JSON");

        CliRun text = run("import", "runs", rows.toString(), "--project", dir.resolve("q.curator").toString(),
                "--create");
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).contains("Imported 4").contains(rows + ":5: the row has no 'conversations'");
    }

    @Test
    void trajectoriesListFiltersByOutcomeAndText() throws Exception {
        String project = dir.resolve("p.curator").toString();
        run("import", "runs", Fixtures.copy("tb1-run", dir).toString(), Fixtures.copy("harbor-job", dir).toString(),
                "--project", project, "--create");

        JsonNode all = run("trajectories", "list", "--project", project, "--json").json();
        assertThat(all.get("total").asInt()).isEqualTo(6);
        JsonNode first = all.get("trajectories").get(0);
        assertThat(first.has("task")).isTrue();
        assertThat(first.has("agent")).isTrue();
        assertThat(first.has("model")).isTrue();
        assertThat(first.has("resolved")).isTrue();
        assertThat(first.has("reward")).isTrue();
        assertThat(first.has("turns")).isTrue();

        JsonNode resolved = run("trajectories", "list", "--project", project, "--outcome", "resolved", "--json").json();
        assertThat(resolved.get("total").asInt()).isEqualTo(3);
        resolved.get("trajectories").forEach(row -> assertThat(row.get("resolved").asBoolean()).isTrue());

        JsonNode chown = run("trajectories", "list", "--project", project, "--query", "chown", "--json").json();
        assertThat(chown.get("total").asInt()).isEqualTo(1);
        assertThat(chown.get("trajectories").get(0).get("task").asText()).isEqualTo("fix-permissions");

        JsonNode limited = run("trajectories", "list", "--project", project, "--limit", "2", "--json").json();
        assertThat(limited.get("total").asInt()).isEqualTo(6);
        assertThat(limited.get("trajectories")).hasSize(2);

        CliRun text = run("trajectories", "list", "--project", project, "--outcome", "unresolved");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("csv-report").contains("3 of 3 trajectories");
    }

    @Test
    void badOutcomeIsAUsageError() {
        CliRun result = run("trajectories", "list", "--project", dir.resolve("p.curator").toString(), "--outcome", "maybe");
        assertThat(result.exitCode()).isEqualTo(2);
    }
}
