package org.termcurator.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.termcurator.core.docker.ContainerOwner;
import org.termcurator.core.docker.ContainerSpec;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerTestSupport;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** When the app starts, its first contact with the engine removes containers a dead session left. */
@Tag("docker")
@ExtendWith(ApplicationExtension.class)
class DockerStatusReapTest {

    @Start
    void start(Stage stage) {
        // the toolkit runs; the status publishes to it
    }

    @Test
    void theFirstCheckAtStartRemovesLeftoversOfDeadOwners() throws Exception {
        try (DockerEngine engine = DockerTestSupport.engineOrSkip()) {
            DockerTestSupport.requireImage(engine, DockerTestSupport.BUSYBOX_IMAGE);
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor(10, TimeUnit.SECONDS);
            ContainerOwner dead = new ContainerOwner(ContainerOwner.current().host(), gone.pid(),
                    ContainerOwner.current().startMillis());
            String leftover = engine.createContainer(ContainerSpec.idle(DockerTestSupport.BUSYBOX_IMAGE)
                    .withLabels(Map.of(DockerEngine.OWNER_LABEL, dead.label())));
            engine.start(leftover);
            String ours = engine.createContainer(ContainerSpec.idle(DockerTestSupport.BUSYBOX_IMAGE));
            DockerStatus status = new DockerStatus(DockerAddress::local);
            try {
                status.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (engine.managedContainers().contains(leftover) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(engine.managedContainers()).doesNotContain(leftover).contains(ours);
            } finally {
                status.close();
                engine.remove(ours);
                engine.remove(leftover);
            }
        }
    }
}
