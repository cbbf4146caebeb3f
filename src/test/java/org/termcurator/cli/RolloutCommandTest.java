package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.docker.DockerTestSupport;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.RolloutEngineExtension;
import org.termcurator.core.rollouts.RolloutStatus;
import org.termcurator.core.rollouts.RolloutStore;
import org.termcurator.core.rollouts.SampleTasks;

@Tag("docker")
class RolloutCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final RolloutEngineExtension docker = new RolloutEngineExtension();

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void oracleOnTaskFoldersPrintsOneJsonObjectAndStoresTheRollouts() throws Exception {
        Path broken = SampleTasks.copy("sales-by-region", dir.resolve("broken"));
        Files.writeString(broken.resolve("solution/solve.sh"), "exit 0\n");
        Path project = dir.resolve("p.curator");
        assertThat(run("project", "init", "--project", project.toString()).exitCode()).isZero();

        CliRun run = run("rollout", "--project", project.toString(), "--agent", "oracle", "--task-dir",
                SampleTasks.dir("fix-inventory-report").toString(), broken.toString(), dir.resolve("nope").toString(),
                "--attempts", "2", "--concurrency", "2", "--work-root", dir.resolve("work").toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILED); // one folder is unusable
        assertThat(run.out().strip().lines()).hasSize(1);
        JsonNode json = run.json();
        assertThat(json.get("rollouts").asInt()).isEqualTo(4);
        assertThat(json.get("passed").asInt()).isEqualTo(2);
        assertThat(json.get("failed").asInt()).isEqualTo(2);
        assertThat(json.get("errors").asInt()).isZero();
        JsonNode first = json.get("results").get(0);
        assertThat(first.get("task").asText()).isEqualTo("fix-inventory-report");
        assertThat(first.get("attempt").asInt()).isEqualTo(1);
        assertThat(first.get("reward").asDouble()).isEqualTo(1.0);
        assertThat(first.get("seconds").asDouble()).isPositive();
        assertThat(json.get("results").get(3).get("reward").asDouble()).isEqualTo(0.0);
        assertThat(json.get("skipped").get(0).asText()).contains("nope").contains("not a task folder");
        assertThat(run.err()).contains("passed    fix-inventory-report #1").contains("failed    sales-by-region #2");

        try (ProjectDb db = ProjectDb.open(project, ProjectDb.Mode.READ_ONLY)) {
            assertThat(new RolloutStore(db).list()).extracting(RolloutStore.Row::status)
                    .containsExactlyInAnyOrder(RolloutStatus.PASSED, RolloutStatus.PASSED, RolloutStatus.FAILED,
                            RolloutStatus.FAILED);
            assertThat(db.info().counts()).containsEntry("trajectories", 4L).containsEntry("test_results", 22L);
        }
    }

    @Test
    void withoutTaskFoldersTheProjectsTasksAreRolledOutAndQueriesSelectThem() throws Exception {
        Path project = dir.resolve("p.curator");
        try (ProjectDb db = ProjectDb.create(project)) {
            db.write(connection -> {
                for (String name : List.of("sales-by-region", "secure-config-tree")) {
                    try (PreparedStatement insert = connection.prepareStatement("""
                            INSERT INTO tasks(name, source_path, format, instruction, content_hash, created_at, updated_at)
                            VALUES (?, ?, 'harbor', ?, 'h', 'now', 'now')""")) {
                        insert.setString(1, name);
                        insert.setString(2, SampleTasks.dir(name).toString());
                        insert.setString(3, "instruction of " + name);
                        insert.executeUpdate();
                    }
                    try (PreparedStatement fts = connection.prepareStatement(
                            "INSERT INTO tasks_fts(rowid, name, instruction, tags, test_files) "
                                    + "SELECT id, name, instruction, '', '' FROM tasks WHERE name = ?")) {
                        fts.setString(1, name);
                        fts.executeUpdate();
                    }
                }
                return null;
            });
        }
        CliRun run = run("rollout", "--project", project.toString(), "--agent", "oracle", "--tasks", "region",
                "--work-root", dir.resolve("work").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("results")).singleElement()
                .satisfies(row -> assertThat(row.get("task").asText()).isEqualTo("sales-by-region"));
        try (ProjectDb db = ProjectDb.open(project, ProjectDb.Mode.READ_ONLY)) {
            assertThat(new RolloutStore(db).list()).singleElement()
                    .satisfies(row -> assertThat(row.taskId()).isEqualTo(1L));
        }

        CliRun none = run("rollout", "--project", project.toString(), "--agent", "oracle", "--tasks", "kubernetes", "--json");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(none.json().get("error").asText()).contains("no task of the project matches 'kubernetes'");
    }

    @Test
    void aProjectTaskWhoseFolderIsGoneIsRolledOutFromTheStoredFiles() throws Exception {
        Path tasks = Files.createDirectories(dir.resolve("tasks"));
        Path copy = SampleTasks.copy("sales-by-region", tasks);
        Path project = dir.resolve("p.curator");
        try (ProjectDb db = ProjectDb.create(project)) {
            new org.termcurator.core.tasks.TaskImporter(db, org.termcurator.core.tasks.TaskImporter.Options.defaults(
                    org.termcurator.core.tasks.lint.LintContext.withoutDocker(java.util.Map.of())))
                    .importPaths(List.of(tasks), org.termcurator.core.jobs.JobContext.unobserved());
        }
        org.termcurator.core.io.FileTrees.deleteQuietly(copy);

        CliRun run = run("rollout", "--project", project.toString(), "--agent", "oracle", "--tasks", "region",
                "--work-root", dir.resolve("work").toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("passed").asInt()).isEqualTo(1);
        assertThat(run.json().get("results").get(0).get("workDir").asText()).startsWith(dir.resolve("work").toString());
        assertThat(dir.resolve("work/tasks")).isDirectory();
    }

    @Test
    void aFewTasksRollOutWithoutASelectionAndMoreOnlyWithAll() throws Exception {
        Path tasks = dir.resolve("tasks");
        for (String name : List.of("one", "two")) {
            SampleTasks.minimal(tasks, name, "", "FROM " + DockerTestSupport.DEBIAN_IMAGE + "\nWORKDIR /app\n",
                    "mkdir -p /logs/verifier && echo 1 > /logs/verifier/reward.txt\n", "true\n");
        }
        String project = dir.resolve("p.curator").toString();
        assertThat(run("import", "tasks", tasks.toString(), "--project", project, "--create").exitCode()).isZero();
        String work = dir.resolve("work").toString();

        CliRun few = run("rollout", "--project", project, "--agent", "oracle", "--work-root", work, "--json");

        assertThat(few.exitCode()).as(few.err()).isZero();
        assertThat(few.json().get("passed").asInt()).isEqualTo(2);

        for (String name : List.of("three", "four")) {
            SampleTasks.minimal(tasks, name, "", "FROM " + DockerTestSupport.DEBIAN_IMAGE + "\nWORKDIR /app\n",
                    "mkdir -p /logs/verifier && echo 1 > /logs/verifier/reward.txt\n", "true\n");
        }
        assertThat(run("import", "tasks", tasks.toString(), "--project", project).exitCode()).isZero();
        CliRun unselected = run("rollout", "--project", project, "--agent", "oracle", "--work-root", work, "--json");
        assertThat(unselected.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unselected.json().get("error").asText()).startsWith("the project has 4 tasks");

        CliRun all = run("rollout", "--project", project, "--agent", "oracle", "--all", "--concurrency", "4",
                "--work-root", work, "--json");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.json().get("passed").asInt()).isEqualTo(4);
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        String project = dir.resolve("p.curator").toString();
        CliRun replay = run("rollout", "--project", project, "--agent", "replay", "--task-dir", ".", "--json");
        assertThat(replay.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(replay.json().get("error").asText()).contains("--replay FILE");

        CliRun llm = run("rollout", "--project", project, "--agent", "llm", "--task-dir", ".", "--model", " ",
                "--endpoint", "http://127.0.0.1:9/v1", "--json");
        assertThat(llm.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(llm.json().get("error").asText()).contains("model");

        CliRun map = run("rollout", "--project", project, "--agent", "oracle", "--image-map", "ubuntu", "--json");
        assertThat(map.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(map.json().get("error").asText()).contains("PATTERN=IMAGE");

        CliRun agent = run("rollout", "--project", project, "--agent", "human");
        assertThat(agent.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(agent.err()).contains("unknown agent 'human': use one of oracle, replay, llm");
    }
}
