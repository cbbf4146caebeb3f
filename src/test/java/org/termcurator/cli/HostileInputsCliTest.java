package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Inputs a careless or hostile source hands over: each gets one clear line naming the file, the rest goes on. */
class HostileInputsCliTest {

    @TempDir
    Path dir;

    private static String row(String task, String reward) {
        return "{\"conversations\": [{\"role\": \"user\", \"content\": \"" + task + "\"}, "
                + "{\"role\": \"assistant\", \"content\": \"done\"}], \"reward\": " + reward + "}";
    }

    @Test
    void rewardsBeyondADoubleOrNotANumberAreRejectedNamingTheLine() throws Exception {
        Path rows = dir.resolve("rows.jsonl");
        Files.write(rows, List.of(row("fine", "1.0"), row("huge", "1e400"), row("nan", "\"NaN\"")));

        CliRun run = CliRun.of("import", "runs", rows.toString(), "--project", dir.resolve("p.curator").toString(),
                "--create", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        JsonNode json = run.json();
        assertThat(json.get("imported").asInt()).isEqualTo(1);
        assertThat(json.get("errors")).hasSize(2);
        assertThat(json.get("errors").get(0).get("path").asText()).isEqualTo(rows + "#L2");
        assertThat(json.get("errors").get(0).get("message").asText()).contains("the reward 'reward' is Infinity");
        assertThat(json.get("errors").get(1).get("message").asText()).contains("is NaN");
    }

    @Test
    void recordingsWithGarbageEventsOrBadTimesAreReportedLineByLineAndNotImported() throws Exception {
        Path good = Files.writeString(dir.resolve("good.cast"),
                "{\"version\": 2, \"width\": 80, \"height\": 24}\n[0.5, \"o\", \"hi\"]\n");
        Path garbage = Files.writeString(dir.resolve("garbage.cast"), "{\"version\": 2, \"width\": 80, \"height\": 24}\n"
                + "[0.5, \"o\", \"hi\"]\nnot an event at all\n[-3, \"o\", \"x\"]\n[NaN, \"o\", \"y\"]\n");

        CliRun run = CliRun.of("import", "runs", good.toString(), garbage.toString(), "--project",
                dir.resolve("p.curator").toString(), "--create");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("Imported 1").contains(garbage.toString()).contains("line 3:")
                .contains("line 4:").contains("line 5:");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFifoAsTheProjectAndDevZeroAsACastAreRefusedNotReadForever() throws Exception {
        Path fifo = dir.resolve("p.curator");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        CliRun info = CliRun.of("project", "info", "--project", fifo.toString());
        CliRun zero = CliRun.of("import", "runs", "/dev/zero", "--project", dir.resolve("q.curator").toString(),
                "--create");
        CliRun render = CliRun.of("cast", "render", "/dev/zero");

        assertThat(info.exitCode()).isNotZero();
        assertThat(info.err().strip()).isEqualTo("error: " + fifo
                + " is not a Terminal Curator project: it is not a regular file (a FIFO, socket or device)");
        assertThat(zero.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(zero.out()).contains("/dev/zero: not a regular file");
        assertThat(render.exitCode()).isNotZero();
        assertThat(render.err()).contains("/dev/zero is not a regular file").doesNotContain("\tat ");
    }

    @Test
    void taskNamesWithEscapeSequencesAndLineBreaksArePrintedEscaped() throws Exception {
        Path tasks = dir.resolve("tasks");
        Path evil = org.termcurator.core.tasks.TaskFolders.harbor(tasks, "evil").write();
        // TOML's own escapes put the controls into the task's name
        Path config = evil.resolve("task.toml");
        Files.writeString(config, Files.readString(config).replace("name = \"tests/evil\"",
                "name = \"tests/evil\\u001b[2J\\u001b]0;owned\\u0007\\nfake line\""));
        String project = dir.resolve("p.curator").toString();
        CliRun imported = CliRun.of("import", "tasks", tasks.toString(), "--project", project, "--create");

        CliRun list = CliRun.of("tasks", "list", "--project", project);

        assertThat(imported.out() + imported.err()).doesNotContain("\u001b");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).doesNotContain("\u001b").doesNotContain("\u0007")
                .contains("evil\\e[2J\\e]0;owned\\x07\\nfake line");
        assertThat(list.out().lines().filter(line -> line.startsWith("fake line"))).isEmpty();
    }

    @Test
    void binarySettingsBinaryTaxonomyAndAFileAsOutputFolderSayWhatIsWrongWithWhichFile() throws Exception {
        byte[] binary = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, 0x00, (byte) 0x80, (byte) 0x81};
        Path settings = Files.write(dir.resolve("settings.json"), binary);
        Path taxonomy = Files.write(dir.resolve("taxonomy.yaml"), binary);
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0\n");
        String project = dir.resolve("p.curator").toString();
        assertThat(CliRun.of("project", "init", "--project", project).exitCode()).isZero();

        CliRun badSettings = CliRun.of("export", "--project", project, "--settings", settings.toString(), "--format",
                "messages", "--out", dir.resolve("out").toString());
        CliRun badTaxonomy = CliRun.of("skills", "import", taxonomy.toString(), "--project", project);
        CliRun fileAsOut = CliRun.of("tasks", "export", "--project", project, "--out", passwd.toString());
        CliRun fileAsExportOut = CliRun.of("export", "--project", project, "--format", "messages", "--out",
                passwd.toString());

        assertThat(badSettings.err().strip()).isEqualTo("error: " + settings
                + ": not UTF-8 text (a binary file?); settings are a JSON file");
        assertThat(badTaxonomy.err().strip()).startsWith("error: " + taxonomy + ": not UTF-8 text (a binary file?)");
        assertThat(fileAsOut.err().strip()).isEqualTo("error: " + passwd
                + " is a file, not a folder: choose a folder to export into");
        assertThat(fileAsExportOut.exitCode()).isEqualTo(ExitCodes.FAILED);
        for (CliRun run : List.of(badSettings, badTaxonomy, fileAsOut, fileAsExportOut)) {
            assertThat(run.err()).as("no stack trace without --verbose").doesNotContain("\tat ").doesNotContain("Exception");
        }
        assertThat(passwd).hasContent("root:x:0:0");
    }

    @Test
    void aDamagedBtreeGivesOneLineNamingTheFile() throws Exception {
        Path project = dir.resolve("p.curator");
        String samples = Path.of("sample-data/tasks").toAbsolutePath().toString();
        assertThat(CliRun.of("import", "tasks", samples, "--project", project.toString(), "--create").exitCode())
                .isZero();
        byte[] bytes = Files.readAllBytes(project);
        // every page after the first two: the schema still reads, the tables' B-trees do not
        for (int i = 2 * 8192; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(project, bytes);

        for (String[] command : new String[][] {{"tasks", "list"}, {"trajectories", "list"}, {"project", "check"}}) {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.addAll(List.of("--project", project.toString()));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", command)).isNotZero();
            String said = run.err() + run.out();
            assertThat(said).as(String.join(" ", command)).contains(project.toString()).containsIgnoringCase("damaged")
                    .doesNotContain("\tat ");
        }
    }
}
