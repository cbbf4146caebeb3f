package org.termcurator.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.termcurator.core.terminal.TerminalSize;

@Tag("docker")
class PtySessionTest {

    private DockerEngine engine;
    private String container;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

    @BeforeEach
    void startContainer() throws Exception {
        engine = DockerTestSupport.engineOrSkip();
        DockerTestSupport.requireImage(engine, DockerTestSupport.DEBIAN_IMAGE);
        container = engine.createContainer(ContainerSpec.idle(DockerTestSupport.DEBIAN_IMAGE));
        engine.start(container);
    }

    @AfterEach
    void removeContainer() throws Exception {
        if (engine != null) {
            if (container != null) {
                engine.remove(container);
            }
            engine.close();
        }
    }

    private synchronized void keep(byte[] bytes) {
        seen.writeBytes(bytes);
    }

    private synchronized String seen() {
        return seen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCommandRunsInATerminalOfTheAskedSizeAndReportsItsExitCode() throws Exception {
        try (PtySession session = PtySession.start(engine, container,
                List.of("bash", "-c", "sleep 0.3; stty size; test -t 1 && echo on-a-tty; exit 4"),
                Map.of("TERM", "xterm-256color"), new TerminalSize(100, 30), false, this::keep)) {
            assertThat(session.awaitExit(Duration.ofSeconds(20))).isTrue();
            assertThat(session.exitCode()).isEqualTo(4);
        }
        assertThat(seen()).contains("30 100\r\n").contains("on-a-tty\r\n");
    }

    @Test
    void anInteractiveShellTakesKeystrokes() throws Exception {
        try (PtySession session = PtySession.start(engine, container, List.of("bash", "--norc", "-i"),
                Map.of("TERM", "xterm-256color"), TerminalSize.DEFAULT, true, this::keep)) {
            session.send("echo $((6 * 7))\n".getBytes(StandardCharsets.UTF_8));
            session.send("exit 3\n".getBytes(StandardCharsets.UTF_8));
            assertThat(session.awaitExit(Duration.ofSeconds(20))).isTrue();
            assertThat(session.exitCode()).isEqualTo(3);
        }
        assertThat(seen()).contains("42\r\n");
    }

    @Test
    void waitingEndsAtTheTimeoutWhileTheCommandRuns() throws Exception {
        try (PtySession session = PtySession.start(engine, container, List.of("sleep", "30"), Map.of(),
                TerminalSize.DEFAULT, false, this::keep)) {
            assertThat(session.awaitExit(Duration.ofMillis(300))).isFalse();
            assertThat(session.isRunning()).isTrue();
            assertThat(session.exitCode()).isNull();
        }
    }
}
