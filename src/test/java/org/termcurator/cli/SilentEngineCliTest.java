package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.docker.SilentEngine;
import org.termcurator.core.rollouts.SampleTasks;

/** A Docker engine that accepts the connection and never answers: rollout says so and ends. */
class SilentEngineCliTest {

    @TempDir
    Path dir;

    @Test
    void rolloutEndsWithAClearErrorInsteadOfHanging() throws Exception {
        String project = dir.resolve("p.curator").toString();
        assertThat(CliRun.of("project", "init", "--project", project).exitCode()).isZero();
        try (SilentEngine silent = new SilentEngine(dir.resolve("docker.sock"))) {
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> CliRun.of("rollout", "--agent",
                    "oracle", "--project", project, "--task-dir", SampleTasks.dir("sales-by-region").toString(),
                    "--docker-host", silent.host(), "--work-root", dir.resolve("work").toString()));
            assertThat(run.exitCode()).isNotZero();
            assertThat(run.err()).contains("Docker at " + silent.host() + " did not answer within 10 s")
                    .doesNotContain("Exception");
        }
    }
}
