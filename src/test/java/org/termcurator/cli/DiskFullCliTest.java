package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real full disk: a 3 MiB tmpfs mounted for the test (root only; skipped elsewhere). */
class DiskFullCliTest {

    @TempDir
    Path dir;

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    }

    @Test
    void anImportThatFillsTheDiskSaysDiskFullWithThePathAndKeepsWhatWasCommitted() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name"))
                && run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", small.toString()) == 0,
                "mounting a small tmpfs needs root");
        try {
            Path project = small.resolve("p.curator");
            assertThat(CliRun.of("project", "init", "--project", project.toString()).exitCode()).isZero();
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                // distinct text of about 200 KB a row, so nothing compresses it away: 8 MB in all
                StringBuilder text = new StringBuilder();
                for (int j = 0; text.length() < 200_000; j++) {
                    text.append("row ").append(i).append(" word ").append(j * 7919L % 104729).append(' ');
                }
                rows.add("{\"conversations\": [{\"role\": \"user\", \"content\": \"" + text + "\"}, "
                        + "{\"role\": \"assistant\", \"content\": \"done " + i + "\"}]}");
            }
            Path jsonl = Files.write(dir.resolve("rows.jsonl"), rows);

            CliRun full = CliRun.of("import", "runs", jsonl.toString(), "--project", project.toString());

            assertThat(full.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(full.err()).contains("disk full: " + project).contains(small + " has ").contains(" free")
                    .doesNotContain("no transaction is active").doesNotContain("\tat ");
            CliRun info = CliRun.of("project", "info", "--project", project.toString());
            assertThat(info.exitCode()).as(info.err()).isZero();
        } finally {
            run("umount", small.toString());
        }
    }
}
