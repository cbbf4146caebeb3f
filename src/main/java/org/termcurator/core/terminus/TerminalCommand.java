package org.termcurator.core.terminus;

/**
 * Keystrokes an agent sent to its terminal, verbatim (a trailing newline presses Enter; tmux
 * key names such as {@code C-c} are kept as written), and how long it waited afterwards.
 *
 * @param duration seconds to wait, or null when the source did not say
 */
public record TerminalCommand(String keystrokes, Double duration) {

    public TerminalCommand {
        keystrokes = keystrokes == null ? "" : keystrokes;
    }
}
