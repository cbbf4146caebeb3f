package org.termcurator.core.rollouts.container;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.docker.PtySession;
import org.termcurator.core.terminal.TerminalSize;
import org.termcurator.core.terminal.TerminalText;

/** Runs a command in a recorded terminal until it ends or a deadline passes. */
public final class RecordedCommand {

    /** @param exitCode null when it timed out or the code is unknown */
    public record Outcome(Integer exitCode, boolean timedOut, String output) {
    }

    static final Map<String, String> TERMINAL_ENV = Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8");

    private RecordedCommand() {
    }

    /** Runs {@code command}; {@code shown} is what the cast records as typed. */
    public static Outcome run(RolloutContainer container, List<String> command, String shown, CastRecorder cast,
                       Transcript transcript, long deadlineNanos) throws DockerEngineException, InterruptedException {
        long start = transcript.length();
        cast.input(shown + "\n");
        try (PtySession session = PtySession.start(container.engine(), container.id(), command, TERMINAL_ENV,
                TerminalSize.DEFAULT, false, cast::output)) {
            boolean ended = session.awaitExit(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
            Integer exitCode = ended ? session.exitCode() : null;
            return new Outcome(exitCode, !ended, TerminalText.plain(transcript.since(start)));
        }
    }
}
