package org.termcurator.core.replay;

import java.util.regex.Pattern;

/** Terminal output reduced to the text a reader sees in it, for searching, matching and showing as plain text. */
public final class TerminalText {

    /** CSI, OSC (ended by BEL or ST), DCS/SOS/PM/APC strings and two-byte escapes. */
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001b\\[[0-?]*[ -/]*[@-~]|\u001b[\\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\\\)?|\u001b[ -/]*[0-~]");
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
}
