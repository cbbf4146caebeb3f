package org.termcurator.core.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerTestSupport;

/** Oracle-free validation against the real engine, with tiny generated tasks on the local Debian image. */
class OracleFreeValidatorTest {

    @TempDir
    Path dir;

    private static Path task(Path dir, String name, String testScript) throws Exception {
        ParsedTask task = new ParsedTask(name, "easy", "file operations", null, "Create /app/done.\n", null,
                Map.of("notes.txt", "hello\n"), Map.of("test.sh", "#!/bin/bash\n" + testScript), Map.of());
        Lineage lineage = new Lineage("run", 1, GenerationMode.SKILL, "file operations", null, null, null, null, "skill",
                "v", "m", "http://127.0.0.1/v1", 1, "easy", "now", "p", "a", 0, 0);
        Path folder = dir.resolve(name);
        TaskFolderWriter.write(folder, task, lineage, DockerTestSupport.DEBIAN_IMAGE);
        return folder;
    }

    @Test
    void taskWhoseTestsAlreadyPassIsFlaggedTrivialAndARealOneIsNot() throws Exception {
        try (DockerEngine engine = DockerTestSupport.engineOrSkip()) {
            DockerTestSupport.requireImage(engine, DockerTestSupport.DEBIAN_IMAGE);
            OracleFreeValidator validator = new OracleFreeValidator(engine, Duration.ofMinutes(3), Duration.ofMinutes(1));

            Path trivial = task(dir, "already-done",
                    "if [ -f /app/notes.txt ]; then echo 1 > /logs/verifier/reward.txt; else echo 0 > /logs/verifier/reward.txt; fi\n");
            OracleFreeValidator.Validation flagged = validator.validate(trivial);
            assertThat(flagged.verdict()).isEqualTo(OracleFreeValidator.Verdict.TRIVIAL);
            assertThat(flagged.reward()).isEqualTo(1.0);

            Path real = task(dir, "needs-work",
                    "if [ -f /app/done ]; then echo 1 > /logs/verifier/reward.txt; else echo 0 > /logs/verifier/reward.txt; fi\n");
            OracleFreeValidator.Validation ok = validator.validate(real);
            assertThat(ok.verdict()).isEqualTo(OracleFreeValidator.Verdict.OK);
            assertThat(ok.reward()).isEqualTo(0.0);

            Path broken = task(dir, "no-reward", "exit 3\n");
            assertThat(validator.validate(broken).verdict()).isEqualTo(OracleFreeValidator.Verdict.TESTS_BROKEN);
        }
    }
}
