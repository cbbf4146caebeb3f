package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.generation.GenerationRunTest;
import org.termcurator.core.llm.FakeChatServer;

class SeedsSkillsGenerateCliTest {


    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void seedsImportListAndExportWithAMappingAndOneBadLine() throws Exception {
        String project = dir.resolve("p.curator").toString();
        Path file = dir.resolve("in.csv");
        Files.writeString(file, "body,area,status\nRotate nginx logs,system administration,new\nFix the build,x,odd\n"
                + "Count words in a file,file operations,used\n");

        CliRun imported = run("seeds", "import", file.toString(), "--project", project, "--create", "--mapping",
                "body=problem", "--json");
        assertThat(imported.exitCode()).as(imported.err()).isEqualTo(ExitCodes.FAILED);
        JsonNode json = imported.json();
        assertThat(json.get("imported").asInt()).isEqualTo(2);
        assertThat(json.get("errors").get(0).asText()).isEqualTo(file + ":3: column 'status': unknown seed status 'odd' "
                + "(expected new, used or rejected)");
        assertThat(json.get("mapping").asText()).isEqualTo("body=problem,area=domain,status=status");

        CliRun listed = run("seeds", "list", "--project", project, "--query", "nginx", "--json");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.json().get("seeds").get(0).get("domain").asText()).isEqualTo("system administration");

        Path out = dir.resolve("out.jsonl");
        assertThat(run("seeds", "export", out.toString(), "--project", project).exitCode()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(2);

        CliRun again = run("seeds", "import", out.toString(), "--project", project, "--json");
        assertThat(again.json().get("duplicates")).hasSize(2);
        assertThat(again.exitCode()).isZero();
    }

    @Test
    void skillsImportDefaultExportAndShowWithCoverage() throws Exception {
        String project = dir.resolve("p.curator").toString();
        CliRun imported = run("skills", "import", "--default", "--project", project, "--create", "--json");
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.json().get("domains").asInt()).isEqualTo(11);

        Path yaml = dir.resolve("tax.yaml");
        assertThat(run("skills", "export", yaml.toString(), "--project", project).exitCode()).isZero();
        assertThat(Files.readString(yaml)).startsWith("domains:\n  - name: data processing\n    description: \"Turning raw files");

        CliRun shown = run("skills", "show", "--project", project, "--json");
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.json().get("skillsWithoutTasks").asInt()).isEqualTo(imported.json().get("skills").asInt());
        assertThat(run("skills", "import", "--project", project).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void generateFromSkillsAgainstALocalEndpointPrintsTasksAndFailures() throws Exception {
        String project = dir.resolve("p.curator").toString();
        run("skills", "import", "--default", "--project", project, "--create");
        try (FakeChatServer server = new FakeChatServer()) {
            server.then(FakeChatServer.Reply.answer(GenerationRunTest.goodAnswer("one", "Do one.")),
                    FakeChatServer.Reply.answer("no task here"));
            Path out = dir.resolve("generated");
            CliRun generated = run("generate", "--project", project, "--mode", "skill", "--count", "2", "--domain",
                    "debugging", "--endpoint", server.baseUrl(), "--model", "m", "--concurrency", "1",
                    "--random-seed", "7", "--api-key-env", "", "--out", out.toString(), "--json");

            assertThat(generated.exitCode()).isEqualTo(ExitCodes.FAILED);
            JsonNode json = generated.json();
            assertThat(json.get("generated").asInt()).isEqualTo(1);
            assertThat(json.get("tasks").get(0).get("skills").size()).isBetween(3, 5);
            assertThat(json.get("failures").get(0).get("reason").asText()).startsWith("unusable answer");
            assertThat(json.get("failures").get(0).get("rawAnswer").asText()).isEqualTo("no task here");
            assertThat(out.resolve("one/task.toml")).exists();
            assertThat(generated.err()).contains("[2/2]");

            long taskId = json.get("tasks").get(0).get("taskId").asLong();
            CliRun listed = run("tasks", "list", "--project", project, "--json");
            assertThat(listed.json().get("total").asInt()).as("the generated task is a task of the project").isEqualTo(1);
            assertThat(listed.json().get("tasks").get(0).get("name").asText()).isEqualTo("one");
            assertThat(taskId).isPositive();
        }
        CliRun usage = run("generate", "--project", project, "--mode", "sideways", "--count", "1", "--endpoint", "http://x/v1",
                "--model", "m");
        assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
