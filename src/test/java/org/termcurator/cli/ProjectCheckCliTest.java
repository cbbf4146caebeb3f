package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.tasks.TaskFolders;

/** Damage inside the project file that SQLite's own checks cannot see, found by the stored hashes. */
class ProjectCheckCliTest {

    private static final String MARKER = "Count the lines of report-7f3a9c.txt";

    @TempDir
    Path dir;

    /** A project with one task whose environment file (not in the search index) holds {@link #MARKER}; closed, so the file holds every page. */
    private Path project() {
        TaskFolders.harbor(dir.resolve("tasks"), "count-lines").file("environment/report.txt", MARKER + "\n").write();
        Path project = dir.resolve("p.curator");
        CliRun imported = CliRun.of("import", "tasks", dir.resolve("tasks").toString(), "--project", project.toString(),
                "--create");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(project.resolveSibling("p.curator-wal")).as("checkpointed on close").satisfiesAnyOf(
                wal -> assertThat(wal).doesNotExist(), wal -> assertThat(wal).isEmptyFile());
        return project;
    }

    /** Flips one byte of the marker where it lies in the file: a bad sector or a bad copy. */
    private static void damage(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
        int found = -1;
        int count = 0;
        for (int i = 0; i + marker.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                found = i;
                count++;
            }
        }
        assertThat(found).as("the marker in the project file").isNotNegative();
        for (int i = 0; i + marker.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                bytes[i + marker.length - 5] ^= 0x01; // "7f3a9c" becomes "7f3a8c": still valid UTF-8
            }
        }
        assertThat(count).isPositive();
        Files.write(file, bytes);
    }

    @Test
    void aHealthyProjectChecksOk() throws Exception {
        Path project = project();

        CliRun check = CliRun.of("project", "check", "--project", project.toString(), "--json");

        assertThat(check.exitCode()).as(check.err()).isZero();
        JsonNode json = check.json();
        assertThat(json.path("ok").asBoolean()).isTrue();
        assertThat(json.path("filesVerified").asLong()).isPositive();
    }

    @Test
    void aStoredFileWhoseBytesChangedIsNamedByCheckAndRefusedByExport() throws Exception {
        Path project = project();
        damage(project);

        CliRun check = CliRun.of("project", "check", "--project", project.toString());
        CliRun export = CliRun.of("tasks", "export", "--project", project.toString(), "--out",
                dir.resolve("out").toString());

        assertThat(check.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(check.out()).contains("count-lines/environment/report.txt: the bytes stored in the project no longer match "
                + "their SHA-256").contains("1 problem");
        // SQLite's own check passes: only the hash sees the change
        assertThat(check.out()).doesNotContain("SQLite integrity");
        assertThat(export.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(export.out()).contains("count-lines/environment/report.txt: the bytes stored in the project no longer match");
        assertThat(dir.resolve("out/count-lines")).doesNotExist();
    }
}
