package org.termcurator.core.terminal;

import java.util.regex.Pattern;

/**
 * Text from terminal output, by one rule for everyone: escape sequences and control characters
 * other than tab and line feed are removed. {@link #strip} does only that, character for
 * character (search, matching, showing output as text); {@link #plain} also resolves carriage
 * returns the way a terminal shows them (what agents read and parsers scan). Enough for
 * scrolling output; a full-screen program's screen needs the emulator ({@link ScreenRenderer}).
 */
public final class TerminalText {

    /** CSI; OSC, DCS, SOS, PM and APC strings (ended by BEL or ST); two-byte escapes (charsets, modes). */
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001b\\[[0-?]*[ -/]*[@-~]|\u001b[\\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\\\)?|\u001b[ -/]*[0-~]");
    /** Control characters other than tab and line feed. */
    private static final Pattern CONTROLS = Pattern.compile("[\u0000-\u0008\u000b-\u001f\u007f]");

    private TerminalText() {
    }

    /** The output without escape sequences and control characters other than tab and line feed. */
    public static String strip(String output) {
        if (output.indexOf('\u001b') < 0 && !CONTROLS.matcher(output).find()) {
            return output;
        }
        return CONTROLS.matcher(ESCAPES.matcher(output).replaceAll("")).replaceAll("");
    }

    /** The output as a terminal shows it: stripped, CRLF as LF, a bare CR overwriting its line. */
    public static String plain(String terminalOutput) {
        String text = ESCAPES.matcher(terminalOutput).replaceAll("");
        text = text.replace("\r\n", "\n");
        // A bare CR returns to the line start: keep what was written last on that line.
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            String visible = line.indexOf('\r') >= 0 ? overwrite(line) : line;
            out.append(visible).append('\n');
        }
        out.setLength(out.length() - 1);
        return CONTROLS.matcher(out).replaceAll("");
    }

    private static String overwrite(String line) {
        StringBuilder screen = new StringBuilder();
        for (String segment : line.split("\r", -1)) {
            if (segment.length() >= screen.length()) {
                screen.setLength(0);
                screen.append(segment);
            } else {
                screen.replace(0, segment.length(), segment);
            }
        }
        return screen.toString();
    }

    /**
     * Keeps at most {@code maxBytes} (UTF-8) of {@code text}: the head and the tail, with a
     * line saying how much was left out, the way Terminus shows long output to the model.
     */
    public static String truncate(String text, int maxBytes) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        int half = maxBytes / 2;
        String head = new String(bytes, 0, half, java.nio.charset.StandardCharsets.UTF_8).replace("\uFFFD", "");
        String tail = new String(bytes, bytes.length - half, half, java.nio.charset.StandardCharsets.UTF_8)
                .replace("\uFFFD", "");
        int omitted = bytes.length - 2 * half;
        return head + "\n[... output limited to " + maxBytes + " bytes; " + omitted + " interior bytes omitted ...]\n"
                + tail;
    }
}
