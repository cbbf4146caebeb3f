package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.project.ReadOnlyPaths;
import org.termcurator.core.trajectories.Fixtures;

/**
 * One --project option whose access decides how the project opens: reading commands open it
 * read-only, writing commands refuse a missing file, and only project init and an import with
 * --create make a new project (and say so).
 */
class ProjectAccessCliTest {

    private static final String SAMPLES = Path.of("sample-data/tasks").toAbsolutePath().toString();

    @TempDir
    Path dir;

    private List<Path> filesIn(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void aMistypedProjectIsRefusedByEveryCommandThatWritesAndNothingIsCreated() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("work"));
        String typo = folder.resolve("projcet.curator").toString();
        Path settings = Files.writeString(dir.resolve("settings.json"), "{\"seed\": 3}");
        Path seeds = Files.writeString(dir.resolve("seeds.jsonl"), "{\"problem\": \"Rotate the logs\"}\n");
        List<List<String>> commands = List.of(
                List.of("import", "tasks", SAMPLES),
                List.of("import", "runs", Fixtures.copy("tb1-run", dir).toString()),
                List.of("seeds", "import", seeds.toString()),
                List.of("skills", "import", "--default"),
                List.of("presets", "save", "mine", "--settings", settings.toString()),
                List.of("presets", "delete", "mine"),
                List.of("tasks", "lint"),
                List.of("export", "--format", "messages", "--out", dir.resolve("out").toString()),
                List.of("generate", "--mode", "skill", "--count", "1", "--endpoint", "http://127.0.0.1:9/v1",
                        "--model", "m"),
                List.of("rollout", "--agent", "oracle", "--task-dir", SAMPLES + "/sales-by-region"));
        for (List<String> command : commands) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--project", typo, "--json"));

            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(ExitCodes.FAILED);
            assertThat(run.err().strip().lines()).as(String.join(" ", command)).hasSize(1);
            assertThat(run.json().get("error").asText()).as(String.join(" ", command))
                    .startsWith(typo + ": no such file (");
            assertThat(filesIn(folder)).as("after " + String.join(" ", command)).isEmpty();
        }
        assertThat(CliRun.of("import", "tasks", SAMPLES, "--project", typo).err())
                .contains("no such file (add --create to make a new project)");
        assertThat(CliRun.of("tasks", "lint", "--project", typo).err())
                .contains("no such file (create it first: curator project init --project FILE)");
    }

    @Test
    void anImportCreatesAMissingProjectOnlyWithCreateAndSaysSo() throws Exception {
        Path project = dir.resolve("new.curator");

        CliRun created = CliRun.of("import", "tasks", SAMPLES, "--project", project.toString(), "--create", "--json");

        assertThat(created.exitCode()).isZero();
        assertThat(created.err()).startsWith("Created project " + project.toAbsolutePath() + "\n");
        assertThat(created.json().get("imported").asInt()).isEqualTo(5);

        CliRun again = CliRun.of("import", "tasks", SAMPLES, "--project", project.toString(), "--create");
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).doesNotContain("Created project");
        assertThat(again.out()).contains("unchanged 5");

        CliRun seeds = CliRun.of("skills", "import", "--default", "--project", dir.resolve("s.curator").toString(),
                "--create");
        assertThat(seeds.exitCode()).isZero();
        assertThat(seeds.err()).contains("Created project " + dir.resolve("s.curator").toAbsolutePath());
    }

    @Test
    void readingCommandsWorkInAReadOnlyFolderAndWritingOnesSayWhatIsReadOnly() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("share"));
        String project = folder.resolve("p.curator").toString();
        assertThat(CliRun.of("import", "tasks", SAMPLES, "--project", project, "--create").exitCode()).isZero();
        List<Path> before = filesIn(folder);

        try (ReadOnlyPaths readOnly = ReadOnlyPaths.of(folder)) {
            for (List<String> command : List.of(List.of("project", "info"), List.of("tasks", "list"), List.of("stats"),
                    List.of("seeds", "list"), List.of("skills", "show"), List.of("presets", "list"),
                    List.of("trajectories", "list", "--query", "logs"),
                    List.of("tasks", "export", "--out", dir.resolve("out").toString()))) {
                List<String> args = new java.util.ArrayList<>(command);
                args.addAll(List.of("--project", project));
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.err()).isZero();
            }
            assertThat(CliRun.of("tasks", "list", "--project", project, "--json").json().get("total").asInt())
                    .isEqualTo(5);

            CliRun lint = CliRun.of("tasks", "lint", "--project", project);
            assertThat(lint.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(lint.err().strip()).isEqualTo("error: " + project + " is in a read-only folder: changing the "
                    + "project needs write access to " + folder + " (its lock and journal go there)");
        }
        assertThat(filesIn(folder)).as("nothing written beside the project").containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aReadOnlyProjectFileIsReadAndWritingToItIsRefusedNamingIt() throws Exception {
        String project = dir.resolve("p.curator").toString();
        assertThat(CliRun.of("import", "tasks", SAMPLES, "--project", project, "--create").exitCode()).isZero();

        try (ReadOnlyPaths readOnly = ReadOnlyPaths.of(Path.of(project))) {
            assertThat(CliRun.of("tasks", "list", "--project", project, "--json").json().get("total").asInt())
                    .isEqualTo(5);
            CliRun imported = CliRun.of("import", "tasks", SAMPLES, "--project", project);
            assertThat(imported.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(imported.err().strip()).isEqualTo("error: " + project
                    + " is read-only: changing the project needs write access to it");
        }
    }

    /** A command's help with its lines joined, as picocli wraps them at any word. */
    private static String help(String... command) {
        List<String> args = new java.util.ArrayList<>(List.of(command));
        args.add("--help");
        return CliRun.of(args.toArray(String[]::new)).out().replaceAll("\\s+", " ");
    }

    @Test
    void eachCommandsHelpSaysHowItOpensTheProject() {
        assertThat(help("tasks", "list")).contains("--project=FILE The project file (.curator), opened read-only");
        assertThat(help("stats")).contains("opened read-only");
        assertThat(help("rollout")).contains("it must exist ('curator project init' creates one)");
        assertThat(help("import", "tasks")).contains("it must exist unless --create is given").contains("--create Create");
        assertThat(help("tasks", "lint")).doesNotContain("--create");
        assertThat(help("project", "init")).contains("created when it does not exist").doesNotContain("--create");
    }
}
