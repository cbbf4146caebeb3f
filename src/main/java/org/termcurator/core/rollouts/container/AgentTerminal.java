package org.termcurator.core.rollouts.container;

import java.time.Duration;
import org.termcurator.core.docker.DockerEngineException;

/**
 * The terminal an interactive agent types into: a tmux session in the container when the
 * image has tmux, else an interactive shell. Everything it shows goes into the agent cast.
 */
public interface AgentTerminal extends AutoCloseable {

    /** Types {@code keystrokes}: literal text, or one tmux key name such as C-c. */
    void send(String keystrokes) throws DockerEngineException;

    /**
     * Waits up to {@code duration} for what was typed to take effect (never past the agent's
     * deadline). The shell terminal returns early once the shell shows its prompt again.
     */
    void settle(String keystrokes, Duration duration) throws InterruptedException;

    /** The output since the last call (or the current screen when that cannot be told), as plain text. */
    String newOutput() throws DockerEngineException;

    /** What the terminal shows now, as plain text. */
    String screen() throws DockerEngineException;

    /** "tmux" or "shell". */
    String kind();

    @Override
    void close();
}
