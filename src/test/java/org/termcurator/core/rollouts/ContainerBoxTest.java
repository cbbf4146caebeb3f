package org.termcurator.core.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerTestSupport;
import org.termcurator.core.docker.HostResources;
import org.termcurator.core.rollouts.agents.OracleAgent;
import org.termcurator.core.rollouts.container.ContainerLimits;
import org.termcurator.core.rollouts.container.RolloutContainer;
import org.termcurator.core.rollouts.images.BaseImageMap;
import org.termcurator.core.rollouts.images.TaskImage;
import org.termcurator.core.rollouts.images.TaskImages;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;

@Tag("docker")
/** What a rollout container may use and do, checked on the real engine. */
class ContainerBoxTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final RolloutEngineExtension docker = new RolloutEngineExtension();

    private DockerEngine engine;
    private final List<RolloutEvent> events = new CopyOnWriteArrayList<>();

    static final String PASS_TEST = "mkdir -p /logs/verifier; echo 1 > /logs/verifier/reward.txt\n";

    @BeforeEach
    void connect() {
        engine = docker.engine();
    }

    private Path task(String name, String toml, String solveSh) throws Exception {
        return SampleTasks.minimal(dir, name, toml, "FROM " + DockerTestSupport.DEBIAN_IMAGE + "\nWORKDIR /app\n",
                PASS_TEST, solveSh);
    }

    private InspectContainerResponse inspect(RolloutContainer container) {
        return engine.client().inspectContainerCmd(container.id()).exec();
    }

    @Test
    void aTaskWithoutLimitsRunsWithTheDefaultsNeverUnlimited() throws Exception {
        RolloutTaskSpec spec = RolloutTaskSpec.fromTaskDir(task("no-limits",
                "[environment]\ncpus = 0\n", "true\n"));
        TaskImage image = new TaskImages(engine).ensure(spec, BaseImageMap.empty(), line -> { });
        ContainerLimits limits = ContainerLimits.of(spec, new ContainerLimits.Defaults(1, 2048, 10240),
                engine.hostResources(), RolloutContainer.PIDS_LIMIT);
        try (RolloutContainer container = RolloutContainer.start(engine, image.id(), spec, "limits-key", limits)) {
            HostConfig host = inspect(container).getHostConfig();
            assertThat(host.getNanoCPUs()).isEqualTo(1_000_000_000L);
            assertThat(host.getMemory()).isEqualTo(2048L * 1024 * 1024);
            assertThat(host.getMemorySwap()).as("no swap beyond the memory limit").isEqualTo(2048L * 1024 * 1024);
            assertThat(host.getPidsLimit()).isEqualTo(RolloutContainer.PIDS_LIMIT);
        }
        assertThat(limits.notes()).anySatisfy(note -> assertThat(note).contains("cpus", "default 1"))
                .anySatisfy(note -> assertThat(note).contains("memory_mb", "default 2048"))
                .anySatisfy(note -> assertThat(note).contains("storage_mb", "default 10240"));
    }

    @Test
    void limitsAboveTheHostAreCappedAndTheCapIsRecordedWithTheRollout() throws Exception {
        HostResources host = engine.hostResources();
        Path folder = task("greedy", "[environment]\ncpus = " + (host.cpus() + 6) + "\nmemory_mb = "
                + (host.memoryBytes() / (1024 * 1024) * 4) + "\n", "touch /app/done\n");
        RolloutTaskSpec spec = RolloutTaskSpec.fromTaskDir(folder);
        RolloutRunner runner = new RolloutRunner(engine, new TaskImages(engine), BaseImageMap.empty(),
                dir.resolve("work"), RolloutPolicy.DEFAULT);

        RolloutResult result = runner.run(new RolloutRequest(spec, new OracleAgent(), 1), events::add);

        assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RolloutStatus.PASSED);
        ContainerLimits limits = result.limits();
        assertThat(limits.cpus()).isEqualTo(host.cpus());
        assertThat(limits.memoryMb()).isLessThan(host.memoryBytes() / (1024 * 1024));
        assertThat(limits.notes()).anySatisfy(note -> assertThat(note).contains("cpus", "capped"))
                .anySatisfy(note -> assertThat(note).contains("memory_mb", "capped"));
        JsonNode written = new ObjectMapper().readTree(Files.readString(result.workDir().resolve("result.json")));
        assertThat(written.path("limits").path("cpus").asDouble()).isEqualTo(host.cpus());
        assertThat(written.path("limits").path("memory_mb").asLong()).isEqualTo(limits.memoryMb());
        assertThat(written.path("limits").path("notes").toString()).contains("capped");
    }
}
