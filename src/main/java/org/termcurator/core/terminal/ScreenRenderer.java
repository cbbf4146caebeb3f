package org.termcurator.core.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link TerminalView} into text: plain, with ANSI escape sequences (to print the screen in a
 * real terminal), or as an HTML {@code <pre>} with inline styles. Each can put the scrollback above
 * the screen. Trailing blank cells are dropped from every row; blank cells with a background colour
 * are kept.
 */
public final class ScreenRenderer {

    private static final String ESC = "\u001b";

    private ScreenRenderer() {
    }

    public static String toText(TerminalView view) {
        return toText(view, false);
    }

    public static String toText(TerminalView view, boolean includeScrollback) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Line line : lines(view, includeScrollback)) {
            if (!first) {
                out.append('\n'); // by row, not by content: blank rows at the top are rows too
            }
            first = false;
            out.append(line.text());
        }
        return out.toString();
    }

    public static String toAnsi(TerminalView view) {
        return toAnsi(view, false);
    }

    /** Rows separated by "\r\n", each starting from the default rendition and ending with SGR 0. */
    public static String toAnsi(TerminalView view, boolean includeScrollback) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Line line : lines(view, includeScrollback)) {
            if (!first) {
                out.append("\r\n");
            }
            first = false;
            long current = 0L;
            int end = visibleEnd(line);
            for (int col = 0; col < end; col++) {
                if (line.codePoint(col) == Line.WIDE_TAIL) {
                    continue;
                }
                long style = line.style(col);
                if (style != current) {
                    out.append(sgr(style));
                    current = style;
                }
                out.append(line.text(col));
            }
            if (current != 0L) {
                out.append(ESC).append("[0m");
            }
        }
        return out.toString();
    }

    public static String toHtml(TerminalView view) {
        return toHtml(view, false, Palette.XTERM);
    }

    public static String toHtml(TerminalView view, boolean includeScrollback) {
        return toHtml(view, includeScrollback, Palette.XTERM);
    }

    /** A {@code <pre class="terminal">} whose runs of styled cells are {@code <span style=...>}s. */
    public static String toHtml(TerminalView view, boolean includeScrollback, Palette palette) {
        StringBuilder out = new StringBuilder();
        out.append("<pre class=\"terminal\" style=\"background-color:").append(hex(palette.background()))
                .append(";color:").append(hex(palette.foreground())).append("\">");
        boolean first = true;
        for (Line line : lines(view, includeScrollback)) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            appendHtmlLine(out, line, palette);
        }
        return out.append("</pre>").toString();
    }

    private static void appendHtmlLine(StringBuilder out, Line line, Palette palette) {
        int end = visibleEnd(line);
        int col = 0;
        while (col < end) {
            long style = line.style(col);
            int runEnd = col;
            StringBuilder run = new StringBuilder();
            while (runEnd < end && line.style(runEnd) == style) {
                if (line.codePoint(runEnd) != Line.WIDE_TAIL) {
                    escapeHtml(run, line.text(runEnd));
                }
                runEnd++;
            }
            if (style == 0L) {
                out.append(run);
            } else {
                out.append("<span style=\"").append(css(new Style(style), palette)).append("\">")
                        .append(run).append("</span>");
            }
            col = runEnd;
        }
    }

    private static List<Line> lines(TerminalView view, boolean includeScrollback) {
        TerminalState state = view.viewState();
        List<Line> lines = new ArrayList<>();
        if (includeScrollback) {
            Scrollback scrollback = state.scrollback();
            for (int i = 0; i < scrollback.size(); i++) {
                lines.add(scrollback.get(i));
            }
        }
        for (int row = 0; row < state.rows(); row++) {
            lines.add(state.line(row));
        }
        return lines;
    }

    /** One past the last cell that shows something: a character or a non-default style. */
    private static int visibleEnd(Line line) {
        int end = line.width();
        while (end > 0) {
            int codePoint = line.codePoint(end - 1);
            boolean blank = (codePoint == Line.EMPTY || codePoint == ' ') && line.style(end - 1) == 0L
                    && " ".equals(line.text(end - 1));
            if (!blank) {
                break;
            }
            end--;
        }
        return end;
    }

    /** A complete SGR sequence for the style, starting with a reset so it does not depend on the previous one. */
    static String sgr(long bits) {
        Style style = new Style(bits);
        StringBuilder sgr = new StringBuilder(ESC).append("[0");
        if (style.bold()) {
            sgr.append(";1");
        }
        if (style.dim()) {
            sgr.append(";2");
        }
        if (style.italic()) {
            sgr.append(";3");
        }
        switch (style.underline()) {
            case NONE -> { }
            case SINGLE -> sgr.append(";4");
            default -> sgr.append(";4:").append(style.underline().ordinal());
        }
        if (style.blink()) {
            sgr.append(";5");
        }
        if (style.inverse()) {
            sgr.append(";7");
        }
        if (style.hidden()) {
            sgr.append(";8");
        }
        if (style.strikethrough()) {
            sgr.append(";9");
        }
        if (style.overline()) {
            sgr.append(";53");
        }
        appendColour(sgr, style.foreground(), 30, 90, 38);
        appendColour(sgr, style.background(), 40, 100, 48);
        return sgr.append('m').toString();
    }

    private static void appendColour(StringBuilder sgr, TerminalColor color, int base, int brightBase, int extended) {
        switch (color.kind()) {
            case DEFAULT -> { }
            case INDEXED -> {
                int index = color.value();
                if (index < 8) {
                    sgr.append(';').append(base + index);
                } else if (index < 16) {
                    sgr.append(';').append(brightBase + index - 8);
                } else {
                    sgr.append(';').append(extended).append(";5;").append(index);
                }
            }
            case RGB -> sgr.append(';').append(extended).append(";2;").append(color.value() >> 16 & 0xFF)
                    .append(';').append(color.value() >> 8 & 0xFF).append(';').append(color.value() & 0xFF);
        }
    }

    private static String css(Style style, Palette palette) {
        int foreground = palette.rgb(style.foreground(), true);
        int background = palette.rgb(style.background(), false);
        if (style.inverse()) {
            int swap = foreground;
            foreground = background;
            background = swap;
        }
        if (style.dim()) {
            foreground = blend(foreground, background);
        }
        if (style.hidden()) {
            foreground = background;
        }
        StringBuilder css = new StringBuilder();
        if (foreground != palette.foreground()) {
            css.append("color:").append(hex(foreground)).append(';');
        }
        if (background != palette.background()) {
            css.append("background-color:").append(hex(background)).append(';');
        }
        if (style.bold()) {
            css.append("font-weight:bold;");
        }
        if (style.italic()) {
            css.append("font-style:italic;");
        }
        List<String> decorations = new ArrayList<>();
        if (style.underlined()) {
            decorations.add("underline");
        }
        if (style.strikethrough()) {
            decorations.add("line-through");
        }
        if (style.overline()) {
            decorations.add("overline");
        }
        if (!decorations.isEmpty()) {
            css.append("text-decoration:").append(String.join(" ", decorations)).append(';');
            String shape = switch (style.underline()) {
                case DOUBLE -> "double";
                case CURLY -> "wavy";
                case DOTTED -> "dotted";
                case DASHED -> "dashed";
                default -> null;
            };
            if (shape != null) {
                css.append("text-decoration-style:").append(shape).append(';');
            }
        }
        return css.toString();
    }

    /** Halfway between two colours: how dim (faint) text looks on its background. */
    private static int blend(int first, int second) {
        int red = ((first >> 16 & 0xFF) + (second >> 16 & 0xFF)) / 2;
        int green = ((first >> 8 & 0xFF) + (second >> 8 & 0xFF)) / 2;
        int blue = ((first & 0xFF) + (second & 0xFF)) / 2;
        return red << 16 | green << 8 | blue;
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    private static void escapeHtml(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
