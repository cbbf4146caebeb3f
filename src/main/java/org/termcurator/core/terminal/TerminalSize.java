package org.termcurator.core.terminal;

/** A terminal's size in character cells. */
public record TerminalSize(int cols, int rows) {

    /** What Terminal-Bench sessions use. */
    public static final TerminalSize DEFAULT = new TerminalSize(160, 40);

    public TerminalSize {
        if (cols <= 0 || rows <= 0) {
            throw new IllegalArgumentException("a terminal needs a positive size, got " + cols + "x" + rows);
        }
    }
}
