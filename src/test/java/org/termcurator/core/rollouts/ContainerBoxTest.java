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
import org.termcurator.core.docker.ExecResult;
import org.termcurator.core.docker.HostResources;
import org.termcurator.core.project.ProjectDb;
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

    @Test
    void everyContainerDropsCapabilitiesAndGainsNoPrivilegesAndTheStoreShowsIt() throws Exception {
        RolloutTaskSpec spec = RolloutTaskSpec.fromTaskDir(task("hardened", "", "touch /app/done\n"));
        TaskImage image = new TaskImages(engine).ensure(spec, BaseImageMap.empty(), line -> { });
        try (RolloutContainer container = RolloutContainer.start(engine, image.id(), spec, "hardened-key")) {
            HostConfig host = inspect(container).getHostConfig();
            assertThat(host.getCapDrop()).extracting(Enum::name).containsExactly("ALL");
            assertThat(host.getCapAdd()).extracting(Enum::name).doesNotContain("NET_RAW", "MKNOD", "SYS_CHROOT",
                    "SETFCAP", "AUDIT_WRITE");
            assertThat(host.getSecurityOpts()).contains("no-new-privileges");
            // what the kernel says inside: CHOWN DAC_OVERRIDE FOWNER FSETID KILL SETGID SETUID NET_BIND_SERVICE
            ExecResult status = container.exec(List.of("sh", "-c", "grep -E '^(CapEff|NoNewPrivs)' /proc/self/status"));
            assertThat(status.stdout()).contains("CapEff:\t00000000000004fb").contains("NoNewPrivs:\t1");
            ExecResult mknod = container.exec(List.of("sh", "-c", "mknod /tmp/null c 1 3"));
            assertThat(mknod.exitCode()).isNotZero();
            assertThat(mknod.stderr()).contains("Operation not permitted");
            ExecResult chown = container.exec(List.of("sh", "-c", "touch /tmp/f && chown 1000:1000 /tmp/f && echo ok"));
            assertThat(chown.stdout()).as("a root shell still owns its files").contains("ok");
        }

        try (ProjectDb db = ProjectDb.create(dir.resolve("p.curator"))) {
            RolloutResult result;
            try (ProjectRollouts rollouts = new ProjectRollouts(db, () -> new RolloutConfig(
                    org.termcurator.core.docker.DockerAddress.local(), BaseImageMap.empty(), dir.resolve("work"), 1),
                    events::add)) {
                List<RolloutHandle> handles = rollouts.submit(List.of(new RolloutRequest(spec, new OracleAgent(), 1)), 1);
                result = handles.getFirst().result().get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RolloutStatus.PASSED);
            RolloutStore.Named stored = new RolloutStore(db).latestNamed(10).getFirst();
            assertThat(stored.limits()).as("the limits stored with the rollout").isNotNull();
            assertThat(stored.limits().capabilities()).doesNotContain("NET_RAW", "MKNOD");
            assertThat(stored.limits().noNewPrivileges()).isTrue();
            assertThat(stored.limits().describe()).contains("1 CPU", "2048 MB memory", "4096 processes",
                    "no new privileges");
        }
    }
}
