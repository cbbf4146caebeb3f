package org.termcurator.core.rollouts.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.docker.HostResources;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;

class ContainerLimitsTest {

    @TempDir
    Path dir;

    private static final HostResources HOST = new HostResources(8, 16L << 30, "overlay2",
            Map.of("Backing Filesystem", "extfs"));

    private RolloutTaskSpec task(String environment) throws Exception {
        Path task = dir.resolve("t");
        Files.createDirectories(task.resolve("tests"));
        Files.createDirectories(task.resolve("environment"));
        Files.writeString(task.resolve("task.toml"), "[environment]\n" + environment);
        Files.writeString(task.resolve("instruction.md"), "x");
        Files.writeString(task.resolve("tests/test.sh"), "true");
        return RolloutTaskSpec.fromTaskDir(task);
    }

    @Test
    void missingOrZeroMeansTheDefaultsNeverUnlimited() throws Exception {
        ContainerLimits.Defaults defaults = new ContainerLimits.Defaults(1, 2048, 10240);
        for (String environment : new String[] {"", "cpus = 0\nmemory_mb = 0\nstorage_mb = 0\n"}) {
            ContainerLimits limits = ContainerLimits.of(task(environment), defaults, HOST, 4096);
            assertThat(limits.cpus()).isEqualTo(1);
            assertThat(limits.memoryMb()).isEqualTo(2048);
            assertThat(limits.storageMb()).isEqualTo(10240);
            assertThat(limits.notes()).hasSize(3);
        }
    }

    @Test
    void theTasksOwnValuesHoldAndAboveTheHostTheyAreCapped() throws Exception {
        ContainerLimits own = ContainerLimits.of(task("cpus = 2\nmemory_mb = 4096\nstorage = \"512M\"\n"),
                ContainerLimits.Defaults.HARBOR, HOST, 4096);
        assertThat(own.cpus()).isEqualTo(2);
        assertThat(own.memoryMb()).isEqualTo(4096);
        assertThat(own.storageMb()).isEqualTo(512);
        assertThat(own.notes()).isEmpty();
        assertThat(own.storageEnforcement()).as("overlay2 on extfs has no size option").isEqualTo("watch");

        ContainerLimits greedy = ContainerLimits.of(task("cpus = 64\nmemory_mb = 65536\n"),
                ContainerLimits.Defaults.HARBOR, HOST, 4096);
        assertThat(greedy.cpus()).isEqualTo(8);
        assertThat(greedy.memoryMb()).isEqualTo(12288);
        assertThat(greedy.notes()).anySatisfy(note -> assertThat(note).isEqualTo("cpus: 64 capped to the host's 8"))
                .anySatisfy(note -> assertThat(note).startsWith("memory_mb: 65536 capped to 12288"));
    }

    @Test
    void defaultsThatAreZeroFallBackToHarbors() {
        assertThat(new ContainerLimits.Defaults(0, 0, -1)).isEqualTo(ContainerLimits.Defaults.HARBOR);
    }
}
