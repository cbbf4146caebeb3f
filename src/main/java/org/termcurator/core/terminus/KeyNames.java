package org.termcurator.core.terminus;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tmux key names (C-c, M-x, Enter, Up, F5 ...) as Terminus agents write them. A keystrokes
 * string that is exactly one key name is that key; anything else is literal text.
 */
public final class KeyNames {

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("enter", "\r"), Map.entry("escape", "\u001B"), Map.entry("tab", "\t"),
            Map.entry("btab", "\u001B[Z"), Map.entry("bspace", "\u007F"), Map.entry("space", " "),
            Map.entry("up", "\u001B[A"), Map.entry("down", "\u001B[B"), Map.entry("right", "\u001B[C"),
            Map.entry("left", "\u001B[D"), Map.entry("home", "\u001B[H"), Map.entry("end", "\u001B[F"),
            Map.entry("pageup", "\u001B[5~"), Map.entry("ppage", "\u001B[5~"), Map.entry("pgup", "\u001B[5~"),
            Map.entry("pagedown", "\u001B[6~"), Map.entry("npage", "\u001B[6~"), Map.entry("pgdn", "\u001B[6~"),
            Map.entry("dc", "\u001B[3~"), Map.entry("delete", "\u001B[3~"), Map.entry("ic", "\u001B[2~"),
            Map.entry("insert", "\u001B[2~"),
            Map.entry("f1", "\u001BOP"), Map.entry("f2", "\u001BOQ"), Map.entry("f3", "\u001BOR"),
            Map.entry("f4", "\u001BOS"), Map.entry("f5", "\u001B[15~"), Map.entry("f6", "\u001B[17~"),
            Map.entry("f7", "\u001B[18~"), Map.entry("f8", "\u001B[19~"), Map.entry("f9", "\u001B[20~"),
            Map.entry("f10", "\u001B[21~"), Map.entry("f11", "\u001B[23~"), Map.entry("f12", "\u001B[24~"));

    /** Modifiers then a named key or a single character: C-c, C-M-x, M-Enter, S-Tab. */
    private static final Pattern KEY = Pattern.compile("((?:[CMS]-)*)(\\S+)");

    private KeyNames() {
    }

    /** Whether tmux would read {@code keystrokes} as one key name rather than as text. */
    public static boolean isKeyName(String keystrokes) {
        Matcher matcher = KEY.matcher(keystrokes);
        if (!matcher.matches()) {
            return false;
        }
        String key = matcher.group(2);
        boolean modified = !matcher.group(1).isEmpty();
        return NAMED.containsKey(key.toLowerCase(Locale.ROOT)) || (modified && key.codePointCount(0, key.length()) == 1);
    }

    /** The bytes a terminal sends for {@code keystrokes}: the key when it is a key name, else the text. */
    public static byte[] bytes(String keystrokes) {
        if (!isKeyName(keystrokes)) {
            return keystrokes.getBytes(StandardCharsets.UTF_8);
        }
        Matcher matcher = KEY.matcher(keystrokes);
        matcher.matches();
        String modifiers = matcher.group(1);
        String key = matcher.group(2);
        String named = NAMED.get(key.toLowerCase(Locale.ROOT));
        String sequence = named != null ? named : key;
        if (modifiers.contains("C-") && named == null) {
            sequence = control(key.charAt(0));
        }
        if (modifiers.contains("M-")) {
            sequence = "\u001B" + sequence;
        }
        return sequence.getBytes(StandardCharsets.UTF_8);
    }

    private static String control(char c) {
        if (c == '?') {
            return "\u007F";
        }
        char upper = Character.toUpperCase(c);
        if (upper >= '@' && upper <= '_') {
            return String.valueOf((char) (upper - '@'));
        }
        if (c == ' ' || c == '2') {
            return "\u0000";
        }
        return String.valueOf(c);
    }
}
