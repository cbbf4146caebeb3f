package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerTestSupport;
import org.termcurator.core.rollouts.SampleTasks;
import org.termcurator.core.rollouts.container.RolloutContainer;

/** kill -9 of a CLI rollout: its container ends by itself once the lease lapses, with nobody reaping it. */
@Tag("docker")
class OwnerDeathCliTest {

    @TempDir
    Path dir;

    @Test
    void theContainerOfAKilledRolloutEndsByItself() throws Exception {
        try (DockerEngine engine = DockerTestSupport.engineOrSkip()) {
            DockerTestSupport.requireImage(engine, DockerTestSupport.DEBIAN_IMAGE);
            String name = "owner-dies-" + Long.toHexString(System.nanoTime());
            Path task = SampleTasks.minimal(dir, name, "[agent]\ntimeout_sec = 3000\n",
                    "FROM " + DockerTestSupport.DEBIAN_IMAGE + "\n", "true\n", "sleep 3000\n");
            String project = dir.resolve("p.curator").toString();
            assertThat(CliRun.of("project", "init", "--project", project).exitCode()).isZero();
            Path config = Files.createDirectories(dir.resolve("config"));
            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-Dcurator.config.dir=" + config,
                    "-cp", System.getProperty("java.class.path"), "org.termcurator.app.Launcher",
                    "rollout", "--agent", "oracle", "--project", project, "--task-dir", task.toString(),
                    "--work-root", dir.resolve("work").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();
            String container;
            try {
                container = await(Duration.ofSeconds(120), () -> engine.managedContainerLabels().entrySet().stream()
                        .filter(entry -> name.equals(entry.getValue().get(RolloutContainer.TASK_LABEL)))
                        .map(Map.Entry::getKey).findFirst())
                        .orElseThrow(() -> new AssertionError("no container started: " + log()));
                Thread.sleep(2_000); // the agent runs its sleep
            } finally {
                cli.destroyForcibly(); // SIGKILL: no shutdown hook runs
                cli.waitFor();
            }
            assertThat(engine.managedContainers()).as("still there right after the kill").contains(container);

            Optional<Boolean> gone = await(Duration.ofSeconds(90), () -> engine.managedContainers().contains(container)
                    ? Optional.empty() : Optional.of(true));
            try {
                assertThat(gone).as("the container of the killed rollout ended by itself").isPresent();
            } finally {
                engine.remove(container);
            }
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("cli.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private interface Probe<T> {
        Optional<T> get() throws Exception;
    }

    private static <T> Optional<T> await(Duration within, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(500);
        }
        return Optional.empty();
    }
}
