package org.termcurator.core.rollouts.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.rollouts.SampleTasks;

class RolloutTaskSpecTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSettingsOfBothTaskTomlGenerations() throws Exception {
        RolloutTaskSpec modern = RolloutTaskSpec.fromTaskDir(SampleTasks.dir("sales-by-region"));
        assertThat(modern.name()).isEqualTo("sales-by-region");
        assertThat(modern.cpus()).isEqualTo(1.0);
        assertThat(modern.memoryMb()).isEqualTo(512);
        assertThat(modern.allowInternet()).isFalse();
        assertThat(modern.dockerImage()).isNull();
        assertThat(modern.agentTimeoutSec()).isEqualTo(300.0);
        assertThat(modern.verifierTimeoutSec()).isEqualTo(60.0);
        assertThat(modern.instruction()).isNotBlank();

        RolloutTaskSpec legacy = RolloutTaskSpec.fromTaskDir(SampleTasks.dir("fix-inventory-report"));
        assertThat(legacy.memoryMb()).isEqualTo(512);
        assertThat(legacy.verifierTimeoutSec()).isEqualTo(60.0);
    }

    @Test
    void oldMemoryStringsDefaultsAndDockerImage() throws Exception {
        Path task = SampleTasks.minimal(dir, "t", """
                version = "1.0"
                [environment]
                memory = "2G"
                cpus = "0.5"
                allow_internet = true
                docker_image = "example/prebuilt:1"
                """, "FROM scratch\n", "exit 0\n", "exit 0\n");
        RolloutTaskSpec spec = RolloutTaskSpec.fromTaskDir(task);
        assertThat(spec.memoryMb()).isEqualTo(2048);
        assertThat(spec.cpus()).isEqualTo(0.5);
        assertThat(spec.allowInternet()).isTrue();
        assertThat(spec.dockerImage()).isEqualTo("example/prebuilt:1");
        assertThat(spec.agentTimeoutSec()).isEqualTo(RolloutTaskSpec.DEFAULT_AGENT_TIMEOUT_SEC);
        assertThat(spec.verifierTimeoutSec()).isEqualTo(RolloutTaskSpec.DEFAULT_VERIFIER_TIMEOUT_SEC);

        Files.writeString(task.resolve("task.toml"), "[environment]\nmemory = \"512M\"\n");
        assertThat(RolloutTaskSpec.fromTaskDir(task).memoryMb()).isEqualTo(512);
    }

    @Test
    void badValuesNameTheFileTheTableAndTheField() throws Exception {
        Path task = SampleTasks.minimal(dir, "t", "[environment]\ncpus = \"many\"\n", "FROM scratch\n", "", "");
        assertThatThrownBy(() -> RolloutTaskSpec.fromTaskDir(task))
                .isInstanceOf(TaskSpecException.class)
                .hasMessageContaining("task.toml")
                .hasMessageContaining("task.toml: [environment] cpus must be a number, not \"many\"");

        Files.writeString(task.resolve("task.toml"), "[agent]\ntimeout_sec = 300\n[verifier\n");
        assertThatThrownBy(() -> RolloutTaskSpec.fromTaskDir(task))
                .isInstanceOf(TaskSpecException.class)
                .hasMessageContaining("task.toml line 3: invalid TOML");

        Files.writeString(task.resolve("task.toml"), "[environment]\nmemory = \"lots\"\n");
        assertThatThrownBy(() -> RolloutTaskSpec.fromTaskDir(task))
                .hasMessageContaining("[environment] memory must be a size like \"2G\"");

        // the task reader's model says what the values are; a rollout refuses what it cannot run
        Files.writeString(task.resolve("task.toml"), "[environment]\ncpus = -1\n");
        assertThatThrownBy(() -> RolloutTaskSpec.fromTaskDir(task))
                .hasMessage(task.toAbsolutePath().normalize().resolve("task.toml")
                        + ": [environment] cpus must not be negative, got -1.0");
    }

    @Test
    void aTaskWithoutTestsIsRefused() throws Exception {
        Path task = SampleTasks.minimal(dir, "t", "", "FROM scratch\n", "", "");
        Files.delete(task.resolve("tests/test.sh"));
        assertThatThrownBy(() -> RolloutTaskSpec.fromTaskDir(task))
                .isInstanceOf(TaskSpecException.class)
                .hasMessageContaining("tests/test.sh is missing");
        assertThatThrownBy(() -> RolloutTaskSpec.fromTaskDir(dir.resolve("nope")))
                .hasMessageContaining("is not a task folder");
    }
}
