package org.termcurator.ui.rollouts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.termcurator.core.rollouts.RolloutEvent;
import org.termcurator.core.terminal.ScreenRenderer;
import org.termcurator.core.terminal.TerminalEmulator;
import org.termcurator.core.terminal.TerminalSize;
import org.termcurator.ui.controls.terminal.LiveTerminal;

/**
 * The terminal of every running rollout, kept up to date from its recorded output as it
 * arrives, so that watching one shows its screen at once, not only what comes after. The
 * agent's terminal is replaced by the tests' when the verifier starts. Fed on worker threads;
 * a terminal control shows one with coalesced repaints.
 */
public final class LiveTerminals {

    /** Enough scrollback to look back a little while watching; memory stays small per rollout. */
    private static final int SCROLLBACK_LINES = 2_000;

    /** A rollout's current terminal and which cast feeds it. */
    public static final class Live {
        private final String cast;
        private final LiveTerminal terminal;

        Live(String cast) {
            this.cast = cast;
            this.terminal = new LiveTerminal(new TerminalEmulator(TerminalSize.DEFAULT.cols(), TerminalSize.DEFAULT.rows(),
                    SCROLLBACK_LINES));
        }

        /** The terminal, for a terminal control to show. */
        public LiveTerminal terminal() {
            return terminal;
        }

        /** "agent" or "tests". */
        public String cast() {
            return cast;
        }

        /** The screen as plain text. */
        public String text() {
            return ScreenRenderer.toText(terminal.snapshot());
        }

        void feed(RolloutEvent.TerminalOutput output) {
            switch (output.code()) {
                case "o" -> terminal.feed(output.data());
                case "r" -> resize(output.data());
                default -> {
                    // input echoes come back as output; markers are not drawn
                }
            }
        }

        private void resize(String size) {
            int x = size.indexOf('x');
            try {
                terminal.resize(Integer.parseInt(size.substring(0, x).strip()), Integer.parseInt(size.substring(x + 1).strip()));
            } catch (RuntimeException ignored) {
                // a malformed resize leaves the size as it was
            }
        }
    }

    private final Map<String, Live> byKey = new ConcurrentHashMap<>();

    /** Takes a rollout event: output feeds its terminal, the end forgets it. */
    public void accept(RolloutEvent event) {
        switch (event) {
            case RolloutEvent.TerminalOutput output -> byKey.compute(output.key(), (key, live) ->
                    live == null || !live.cast.equals(output.cast()) ? new Live(output.cast()) : live).feed(output);
            case RolloutEvent.Finished finished -> byKey.remove(finished.key());
            default -> {
            }
        }
    }

    /** The running rollout's terminal, or null when it has printed nothing yet or has ended. */
    public Live of(String key) {
        return byKey.get(key);
    }
}
