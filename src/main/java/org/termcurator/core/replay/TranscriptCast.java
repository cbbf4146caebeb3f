package org.termcurator.core.replay;

import java.util.ArrayList;
import java.util.List;
import org.termcurator.core.terminal.Cast;
import org.termcurator.core.terminal.CastEvent;
import org.termcurator.core.terminal.CastHeader;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.trajectories.Step;

/**
 * A terminal transcript made from a trajectory's steps, for trajectories that came without a
 * recording (SFT rows): step N happens at second N; a command is shown typed after a prompt, and
 * the terminal output the trajectory holds (observations, and the harness's later user turns,
 * which are the terminal's output) is printed as it was. It is not what the terminal showed,
 * only what the steps say, and the replay says so.
 */
public final class TranscriptCast {

    public static final int COLS = 120;
    public static final int ROWS = 36;
    private static final String TERMINAL_STATE = "Current terminal state:";
    private static final String PROMPT = "\u001b[2m$\u001b[0m ";

    private TranscriptCast() {
    }

    public static Cast of(List<Step> steps) {
        List<CastEvent> events = new ArrayList<>();
        boolean firstUser = true;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            StringBuilder out = new StringBuilder();
            if ("user".equals(step.role()) && step.message() != null) {
                String text = step.message();
                if (firstUser) {
                    // the first prompt is the instruction template; only its terminal state is output
                    int state = text.lastIndexOf(TERMINAL_STATE);
                    text = state < 0 ? "" : text.substring(state + TERMINAL_STATE.length());
                }
                firstUser = false;
                out.append(terminalText(text.strip()));
            }
            for (TerminalCommand command : step.commands()) {
                out.append(PROMPT).append(terminalText(keys(command.keystrokes())));
            }
            if (step.observation() != null && !step.observation().isBlank()) {
                out.append(terminalText(step.observation()));
            }
            if (!out.isEmpty()) {
                if (out.charAt(out.length() - 1) != '\n') {
                    out.append("\r\n");
                }
                events.add(CastEvent.output(i, out.toString()));
            }
        }
        return new Cast(CastHeader.of(COLS, ROWS), events, List.of());
    }

    /** tmux key names as a terminal would echo them; a trailing newline is the Enter key. */
    private static String keys(String keystrokes) {
        String text = keystrokes.strip();
        if (text.matches("(?i)^C-[a-z]$")) {
            return "^" + Character.toUpperCase(text.charAt(2)) + "\n";
        }
        return keystrokes.endsWith("\n") ? keystrokes : keystrokes + "\n";
    }

    private static String terminalText(String text) {
        if (text.isEmpty()) {
            return "";
        }
        String normal = text.replace("\r\n", "\n").replace("\n", "\r\n");
        return normal.endsWith("\r\n") ? normal : normal + "\r\n";
    }
}
