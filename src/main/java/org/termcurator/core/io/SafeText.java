package org.termcurator.core.io;

/**
 * Text from untrusted sources (task names, file names, messages that quote them) made safe to
 * show: control characters that a terminal would act on (ESC sequences, carriage returns,
 * bells, C1 controls) or that would reorder what is shown (bidirectional overrides) are
 * written as visible escapes. One helper for the CLI's output and the window's labels.
 */
public final class SafeText {

    private SafeText() {
    }

    /** Escapes control characters but keeps line breaks and tabs: for multi-line output the app lays out itself. */
    public static String escapeControls(String text) {
        return escape(text, false);
    }

    /** Escapes every control character, line breaks too: for a name or value shown on one line. */
    public static String oneLine(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean lineBreaks) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i), lineBreaks)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!needsEscape(c, lineBreaks)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == 0x1b) {
                out.append("\\e");
            } else if (c <= 0xff) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(char c, boolean lineBreaks) {
        if (c == '\n' || c == '\t') {
            return lineBreaks;
        }
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
