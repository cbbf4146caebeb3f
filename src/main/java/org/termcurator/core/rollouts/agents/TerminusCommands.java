package org.termcurator.core.rollouts.agents;

import java.time.Duration;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.rollouts.container.AgentTerminal;
import org.termcurator.core.terminus.TerminusProtocol;

/** Typing one Terminus command (keystrokes, then a wait of at most 60 s) into an agent terminal. */
public final class TerminusCommands {

    private TerminusCommands() {
    }

    /**
     * Sends the keystrokes (an empty string only waits) and waits for them; throws when the
     * agent's time runs out meanwhile.
     */
    public static void type(AgentContext context, AgentTerminal terminal, String keystrokes, double durationSec)
            throws AgentTimeoutException, DockerEngineException, InterruptedException {
        context.checkTime();
        double seconds = Math.min(Math.max(0, durationSec), TerminusProtocol.MAX_DURATION_SEC);
        Duration wanted = Duration.ofMillis(Math.round(seconds * 1000));
        Duration left = context.remaining();
        Duration wait = wanted.compareTo(left) < 0 ? wanted : left;
        if (keystrokes.isEmpty()) {
            Thread.sleep(wait);
        } else {
            terminal.send(keystrokes);
            terminal.settle(keystrokes, wait);
        }
        context.checkTime();
    }
}
