package org.termcurator.core.rollouts.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerTestSupport;
import org.termcurator.core.docker.FileChange;
import org.termcurator.core.rollouts.RolloutEngineExtension;
import org.termcurator.core.rollouts.RolloutRequest;
import org.termcurator.core.rollouts.RolloutResult;
import org.termcurator.core.rollouts.RolloutRunner;
import org.termcurator.core.rollouts.RolloutStatus;
import org.termcurator.core.rollouts.SampleTasks;
import org.termcurator.core.rollouts.agents.ReplayAgent;
import org.termcurator.core.rollouts.images.BaseImageMap;
import org.termcurator.core.rollouts.images.TaskImages;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;
import org.termcurator.core.terminal.TerminalText;
import org.termcurator.core.terminus.TerminalCommand;

/**
 * The tmux path, on an image with tmux installed from Debian's mirror. The image is cached by
 * its content, so only the first run on a machine pays for the install.
 */
@Tag("docker")
class TmuxTerminalTest {

    static final String TMUX_DOCKERFILE = "FROM " + DockerTestSupport.DEBIAN_IMAGE + "\n"
            + "RUN apt-get update && apt-get install -y --no-install-recommends tmux && rm -rf /var/lib/apt/lists/*\n"
            + "WORKDIR /app\n";

    @TempDir
    Path dir;

    @RegisterExtension
    final RolloutEngineExtension docker = new RolloutEngineExtension();

    private DockerEngine engine;

    @BeforeEach
    void connect() {
        engine = docker.engine();
    }

    @Test
    void keystrokesGoThroughTmuxAndTheAttachedClientIsRecorded() throws Exception {
        Path task = SampleTasks.minimal(dir, "with-tmux", "", TMUX_DOCKERFILE, """
                mkdir -p /logs/verifier
                if [ "$(cat /app/done 2>/dev/null)" = hello ]; then echo 1 > /logs/verifier/reward.txt
                else echo 0 > /logs/verifier/reward.txt; fi
                """, "exit 0\n");
        ReplayAgent replay = ReplayAgent.ofCommands(List.of(
                new TerminalCommand("sleep 100\n", 0.5),
                new TerminalCommand("C-c", 0.5),
                new TerminalCommand("echo hello > /app/done; cat /app/done\n", 1.0)));
        // the image installs tmux with apt: the user allows network during image builds
        RolloutRunner runner = new RolloutRunner(engine, new TaskImages(engine), BaseImageMap.empty(), dir.resolve("work"),
                new org.termcurator.core.rollouts.RolloutPolicy(ContainerLimits.Defaults.HARBOR, true));

        RolloutResult result = runner.run(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), replay, 1), event -> { });

        assertThat(result.status()).as(result.error() + "\n" + result.buildLog()).isEqualTo(RolloutStatus.PASSED);
        assertThat(result.steps()).hasSize(3);
        assertThat(result.steps().get(1).observation()).contains("^C");
        assertThat(result.steps().get(2).observation()).contains("echo hello > /app/done").contains("\nhello");
        assertThat(result.steps().get(2).filesChanged()).contains(new FileChange("/app/done", FileChange.Kind.ADDED));
        String cast = Files.readString(result.agentCast());
        assertThat(cast).contains("[curator]"); // tmux's status line: the cast is the attached client
        assertThat(TerminalText.plain(cast)).contains("hello");
    }
}
