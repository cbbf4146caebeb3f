package org.termcurator.core.terminal;

import java.util.regex.Pattern;

/**
 * Plain text from terminal output, for what agents read and what parsers scan: escape
 * sequences removed, line endings normalised. Enough for scrolling output; a full-screen
 * program's screen needs a real terminal emulator.
 */
public final class TerminalText {

    private static final Pattern ESCAPES = Pattern.compile(String.join("|",
            "\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?", // OSC ... BEL or ST
            "\u001B\\[[0-?]*[ -/]*[@-~]",                       // CSI
            "\u001B[()*+#%][0-9A-Za-z@]",                      // charset designation, line attributes
            "\u001B[^\\[\\]()*+#%]"));                          // any other two-byte sequence
    private static final Pattern CONTROL = Pattern.compile("[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]");

    private TerminalText() {
    }

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
        return CONTROL.matcher(out).replaceAll("");
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
