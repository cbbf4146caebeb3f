package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.project.ProjectDb;

class CuratorCliTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void initThenInfoPrintOneJsonObjectWithSchemaVersionAndZeroCounts() throws Exception {
        String project = dir.resolve("a.curator").toString();
        CliRun init = run("project", "init", "--project", project, "--json");
        assertThat(init.exitCode()).isZero();
        assertThat(init.out().strip().lines()).hasSize(1);
        assertThat(init.json().get("created").asBoolean()).isTrue();

        CliRun info = run("project", "info", "--project", project, "--json");
        assertThat(info.exitCode()).isZero();
        assertThat(info.out().strip().lines()).hasSize(1);
        JsonNode json = info.json();
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(ProjectDb.latestSchemaVersion());
        assertThat(json.get("counts").get("tasks").asLong()).isZero();
        assertThat(json.get("counts").get("trajectories").asLong()).isZero();
        assertThat(json.get("counts").properties()).allSatisfy(entry -> assertThat(entry.getValue().asLong()).isZero());

        CliRun again = run("project", "init", "--project", project, "--json");
        assertThat(again.exitCode()).isZero();
        assertThat(again.json().get("created").asBoolean()).isFalse();
    }

    @Test
    void infoOnAFileThatIsNotAProjectExitsOneWithOneClearLineAndLeavesItUntouched() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# hello\n");
        CliRun run = run("project", "info", "--project", readme.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("README.md is not a Terminal Curator project").doesNotContain("Exception");
        assertThat(Files.readString(readme)).isEqualTo("# hello\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(readme);
        }

        CliRun json = run("project", "info", "--project", readme.toString(), "--json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(json.json().get("error").asText()).contains("not a Terminal Curator project");
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = run("project", "info", "--project", dir.resolve("missing.curator").toString(), "--verbose");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("no such file").contains("ProjectOpenException").contains("\tat ");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertThat(run("project", "info").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("no-such-command").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun json = run("project", "info", "--json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(json.json().get("error").asText()).contains("--project");
    }

    @Test
    void versionAndHelpWork() {
        CliRun version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("Terminal Curator ");
        CliRun help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("project");
    }

    @Test
    void everySubcommandPrintsItsOwnHelpInsteadOfAskingForItsRequiredOptions() {
        CliRun rollout = run("rollout", "--help");
        assertThat(rollout.exitCode()).isZero();
        assertThat(rollout.out()).contains("Usage: curator rollout").contains("--agent");
        assertThat(rollout.err()).doesNotContain("Missing required");

        CliRun nested = run("presets", "save", "--help");
        assertThat(nested.exitCode()).isZero();
        assertThat(nested.out()).contains("Usage: curator presets save");
    }

    @Test
    void aUsageErrorSaysErrorOnce() throws Exception {
        CliRun both = run("export", "--project", dir.resolve("a.curator").toString(), "--preset", "p",
                "--settings", "s.json", "--format", "messages", "--out", dir.resolve("out").toString(), "--json");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).startsWith("error: --preset=NAME, --settings=FILE.json are mutually exclusive");
        assertThat(both.json().get("error").asText()).startsWith("--preset=NAME");
    }
}
