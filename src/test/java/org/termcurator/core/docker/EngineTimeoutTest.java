package org.termcurator.core.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine that accepts the connection and never answers ends every call with a clear error. */
class EngineTimeoutTest {

    @TempDir
    Path dir;

    @Test
    void aPingOfASilentEngineEndsWithAClearErrorInsteadOfHanging() throws Exception {
        try (SilentEngine silent = new SilentEngine(dir.resolve("docker.sock"));
             DockerEngine engine = DockerEngine.connect(DockerAddress.of(silent.host()))) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                    assertThatThrownBy(engine::ping).isInstanceOf(DockerEngineException.class)
                            .hasMessageContaining("did not answer within 10 s")
                            .hasMessageContaining(silent.host())
                            .satisfies(e -> assertThat(((DockerEngineException) e).isUnreachable()).isTrue()));
            assertThat(silent.connections()).as("the engine was reached").isPositive();
        }
    }

    @Test
    void everyOtherCallGivesUpAfterTheCallTimeout() throws Exception {
        try (SilentEngine silent = new SilentEngine(dir.resolve("docker.sock"));
             DockerEngine engine = DockerEngine.connect(DockerAddress.of(silent.host()),
                     new DockerEngine.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)))) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                assertThatThrownBy(() -> engine.imageId("curator/busybox:latest"))
                        .hasMessageContaining("did not answer within 2 s");
                assertThatThrownBy(() -> engine.createContainer(ContainerSpec.idle("curator/busybox:latest")))
                        .hasMessageContaining("did not answer within 2 s");
                assertThatThrownBy(engine::managedContainers).hasMessageContaining("did not answer within 2 s");
                assertThatThrownBy(engine::hostResources).hasMessageContaining("did not answer within 2 s");
            });
        }
    }
}
