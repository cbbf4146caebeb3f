package org.termcurator.core.curate;

/** Counts the letters of a text per Unicode script; ASCII letters take a fast path. */
final class ScriptCounts {

    static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();

    private ScriptCounts() {
    }

    static void add(String text, int[] counts) {
        if (text == null) {
            return;
        }
        int latin = Character.UnicodeScript.LATIN.ordinal();
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    counts[latin]++;
                }
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLetter(codePoint)) {
                counts[Character.UnicodeScript.of(codePoint).ordinal()]++;
            }
        }
    }
}
