package org.termcurator.core.rollouts.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerTestSupport;
import org.termcurator.core.rollouts.RolloutEngineExtension;
import org.termcurator.core.rollouts.SampleTasks;
import org.termcurator.core.rollouts.images.BaseImageMap;
import org.termcurator.core.rollouts.images.TaskImage;
import org.termcurator.core.rollouts.images.TaskImages;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;

/** A rollout container ends by itself when its owner stops renewing the lease, or at its hard bound. */
@Tag("docker")
class KeepAliveTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final RolloutEngineExtension docker = new RolloutEngineExtension();

    private DockerEngine engine;
    private RolloutTaskSpec spec;
    private TaskImage image;

    @BeforeEach
    void image() throws Exception {
        engine = docker.engine();
        Path task = SampleTasks.minimal(dir, "keep-alive", "", "FROM " + DockerTestSupport.DEBIAN_IMAGE + "\n",
                "true\n", "true\n");
        spec = RolloutTaskSpec.fromTaskDir(task);
        image = new TaskImages(engine).ensure(spec, BaseImageMap.empty(), line -> { });
    }

    private RolloutContainer start(RolloutContainer.KeepAlive keepAlive) throws Exception {
        return RolloutContainer.start(engine, image.id(), spec, "keep-alive-key",
                ContainerLimits.of(spec, ContainerLimits.Defaults.HARBOR, engine.hostResources(),
                        RolloutContainer.PIDS_LIMIT), keepAlive);
    }

    private boolean gone(String id, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!engine.managedContainers().contains(id)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    @Test
    void theContainerLivesWhileTheLeaseIsRenewedAndEndsOnceItLapses() throws Exception {
        try (RolloutContainer container = start(new RolloutContainer.KeepAlive(Duration.ofSeconds(3),
                Duration.ofSeconds(1), Duration.ofMinutes(10)))) {
            Thread.sleep(6_000); // twice the lease: renewed meanwhile
            assertThat(engine.managedContainers()).contains(container.id());
            // an agent that kills every process it can does not end it either
            container.stopAllProcesses();
            Thread.sleep(1_000);
            assertThat(engine.managedContainers()).contains(container.id());

            container.stopRenewing(); // as if the owner had died
            assertThat(gone(container.id(), Duration.ofSeconds(30))).as("gone once the lease lapsed").isTrue();
        }
    }

    @Test
    void theHardBoundEndsItEvenWhenTheLeaseIsRenewed() throws Exception {
        try (RolloutContainer container = start(new RolloutContainer.KeepAlive(Duration.ofMinutes(10),
                Duration.ofSeconds(1), Duration.ofSeconds(4)))) {
            assertThat(gone(container.id(), Duration.ofSeconds(30))).isTrue();
        }
    }

    @Test
    void theBoundIsTheTasksWholeTimeBudgetAndAMargin() {
        RolloutContainer.KeepAlive keepAlive = RolloutContainer.KeepAlive.forTask(spec);
        assertThat(keepAlive.hardBound()).isEqualTo(Duration.ofSeconds(
                Math.round(spec.agentTimeoutSec() + spec.verifierTimeoutSec())).plus(RolloutContainer.KeepAlive.MARGIN));
        assertThat(keepAlive.lease()).isGreaterThan(keepAlive.renew().multipliedBy(3));
    }
}
