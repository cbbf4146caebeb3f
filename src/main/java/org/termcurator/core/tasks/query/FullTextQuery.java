package org.termcurator.core.tasks.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what a user types into an SQLite FTS5 query that cannot be a syntax error: every
 * word must match, a "quoted phrase" must match as a phrase, and a last word of four
 * letters or more also matches as a prefix (the user may still be typing it). Stop words
 * ("the", "of", ...) beside other words are left out of the match: nearly every instruction
 * has them, so they narrow nothing and make the index merge its longest lists.
 */
public final class FullTextQuery {

    /**
     * A last word shorter than this matches only as a whole word: "th" or "the" as prefixes
     * would merge the lists of hundreds of words, slowly, to little use.
     */
    static final int MIN_PREFIX = 4;

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for",
            "from", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "then", "this", "to", "with");

    private FullTextQuery() {
    }

    /** The words and phrases of the text, lower case, as the index tokenizes them. */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        String[] quoted = text.split("\"", -1);
        for (int i = 0; i < quoted.length; i++) {
            List<String> words = words(quoted[i]);
            if (i % 2 == 1 && i < quoted.length - 1) {
                if (!words.isEmpty()) {
                    terms.add(String.join(" ", words)); // a closed phrase
                }
            } else {
                terms.addAll(words);
            }
        }
        return terms;
    }

    /** The FTS5 MATCH expression, or null when the text has no word to search for. */
    public static String expression(String text) {
        List<String> terms = terms(text);
        if (terms.isEmpty()) {
            return null;
        }
        boolean onlyStopWords = terms.stream().allMatch(STOP_WORDS::contains);
        List<String> parts = new ArrayList<>(terms.size());
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            if (!onlyStopWords && STOP_WORDS.contains(term)) {
                continue;
            }
            boolean last = i == terms.size() - 1 && !text.strip().endsWith("\"") && !term.contains(" ")
                    && term.length() >= MIN_PREFIX;
            parts.add("\"" + term.replace("\"", "\"\"") + "\"" + (last ? "*" : ""));
        }
        return String.join(" AND ", parts);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            if (Character.isLetterOrDigit(codePoint)) {
                word.appendCodePoint(codePoint);
            } else if (!word.isEmpty()) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
