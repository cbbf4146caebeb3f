package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.tasks.TaskFolders;

/** One oversized item is rejected with its file and line; the items around it are imported. */
class ItemSizeCliTest {

    @TempDir
    Path dir;

    private static String row(String task) {
        return "{\"conversations\": [{\"role\": \"user\", \"content\": \"" + task + "\"}, "
                + "{\"role\": \"assistant\", \"content\": \"done\"}]}";
    }

    @Test
    void anOversizedJsonlRowIsReportedWithItsLineAndTheOthersImport() throws Exception {
        Path rows = dir.resolve("rows.jsonl");
        // the cap stands in for a 200 MB row: 100 KiB here, the row 300 KB
        Files.write(rows, List.of(row("first"), row("x".repeat(300_000)), row("third")));

        CliRun run = CliRun.of("import", "runs", rows.toString(), "--project", dir.resolve("p.curator").toString(),
                "--create", "--max-item-size", "100k", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        JsonNode json = run.json();
        assertThat(json.get("imported").asInt()).isEqualTo(2);
        assertThat(json.get("errors").get(0).get("path").asText()).isEqualTo(rows + ":2");
        assertThat(json.get("errors").get(0).get("message").asText())
                .startsWith("the row is 293.1 KiB, over the item size cap of 100.0 KiB");
    }

    @Test
    void anOversizedInstructionRejectsItsTaskNamingTheFileAndTheOtherTasksImport() throws Exception {
        Path tasks = dir.resolve("tasks");
        TaskFolders.harbor(tasks, "huge").file("instruction.md", "Do it.\n".repeat(40_000)).write();
        TaskFolders.harbor(tasks, "small").write();

        CliRun run = CliRun.of("import", "tasks", tasks.toString(), "--project", dir.resolve("p.curator").toString(),
                "--create", "--max-item-size", "100k");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("Imported 1,").contains("huge").contains("instruction.md")
                .contains("over the item size cap of 100.0 KiB");
    }

    @Test
    void aSizeThatIsNotOneIsAUsageError() {
        CliRun run = CliRun.of("import", "runs", dir.toString(), "--project", dir.resolve("p.curator").toString(),
                "--create", "--max-item-size", "lots");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--max-item-size: not a size");
    }
}
