package org.termcurator.core.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("docker")
class DockerEngineTest {

    private DockerEngine engine;
    private String container;

    @BeforeEach
    void connect() throws Exception {
        engine = DockerTestSupport.engineOrSkip();
        DockerTestSupport.requireImage(engine, DockerTestSupport.BUSYBOX_IMAGE);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (engine != null) {
            if (container != null) {
                engine.remove(container);
            }
            engine.close();
        }
    }

    @Test
    void pingsTheEngineAndListsTheLocalImages() throws Exception {
        EngineInfo info = engine.ping();
        assertThat(info.version()).isNotBlank();
        assertThat(info.apiVersion()).isNotBlank();
        assertThat(engine.listImages()).anySatisfy(image ->
                assertThat(image.tags()).contains(DockerTestSupport.BUSYBOX_IMAGE));
        assertThat(engine.imageExists(DockerTestSupport.BUSYBOX_IMAGE)).isTrue();
        assertThat(engine.imageExists("curator/no-such-image:never")).isFalse();
    }

    @Test
    void containerLifeCycleWithLimitsLabelsAndNoNetwork() throws Exception {
        ContainerSpec spec = ContainerSpec.idle(DockerTestSupport.BUSYBOX_IMAGE)
                .withLimits(64L * 1024 * 1024, 0.5)
                .withLabels(Map.of("org.termcurator.test", "engine"));
        container = engine.createContainer(spec);
        engine.start(container);

        InspectContainerResponse inspect = engine.client().inspectContainerCmd(container).exec();
        assertThat(inspect.getState().getRunning()).isTrue();
        assertThat(inspect.getHostConfig().getMemory()).isEqualTo(64L * 1024 * 1024);
        assertThat(inspect.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(inspect.getHostConfig().getPrivileged()).isFalse();
        assertThat(inspect.getHostConfig().getNetworkMode()).isEqualTo("none");
        assertThat(inspect.getConfig().getLabels()).containsEntry(DockerEngine.MANAGED_LABEL, "true")
                .containsEntry("org.termcurator.test", "engine");
        assertThat(engine.managedContainers()).contains(container);

        ExecResult hello = engine.exec(container, List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
                Duration.ofSeconds(20));
        assertThat(hello.exitCode()).isEqualTo(3);
        assertThat(hello.stdout()).isEqualTo("out\n");
        assertThat(hello.stderr()).isEqualTo("err\n");
        assertThat(hello.succeeded()).isFalse();

        ExecResult interfaces = engine.exec(container, List.of("ls", "/sys/class/net"), Duration.ofSeconds(20));
        assertThat(interfaces.stdout().split("\\s+")).containsExactly("lo"); // no network but loopback

        ExecResult slow = engine.exec(container, List.of("sleep", "30"), Duration.ofMillis(500));
        assertThat(slow.timedOut()).isTrue();
        assertThat(slow.exitCode()).isNull();

        engine.remove(container);
        assertThat(engine.managedContainers()).doesNotContain(container);
        engine.remove(container); // removing twice is harmless
        container = null;
    }

    @Test
    void unreachableEngineGivesAClearMessage() {
        try (DockerEngine nowhere = DockerEngine.connect(DockerAddress.of("tcp://127.0.0.1:1"))) {
            assertThatThrownBy(nowhere::ping)
                    .isInstanceOfSatisfying(DockerEngineException.class, e -> assertThat(e.isUnreachable()).isTrue())
                    .hasMessageContaining("Docker is not reachable at tcp://127.0.0.1:1")
                    .hasMessageContaining("Settings");
        }
    }
}
