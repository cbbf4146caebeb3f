package org.termcurator.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what a user types into an SQLite FTS5 query that cannot be a syntax error, the same
 * way for every search of the app (tasks, trajectories). Words are what the index's unicode61
 * tokenizer makes of the text: runs of letters and digits, lower case. Every word must match;
 * a "quoted phrase" matches as a phrase, and so does a word with punctuation inside
 * ({@code foo.py}, {@code root@box}); a trailing {@code *} makes the last word a prefix. Stop
 * words ("the", "of", ...) beside other words are left out: nearly every text has them, so they
 * narrow nothing and make the index merge its longest lists. Text with no word at all (only
 * punctuation) is no query.
 */
public final class FullTextQuery {

    /**
     * A last word shorter than this is not taken as a prefix while typing: "th" or "the" as
     * prefixes would merge the lists of hundreds of words, slowly, to little use.
     */
    static final int MIN_PREFIX = 4;

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for",
            "from", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "then", "this", "to", "with");

    /** One thing to match: a word, or words in a row; {@code prefix} lets the last word match as a prefix. */
    private record Term(List<String> words, boolean prefix) {
        boolean isStopWord() {
            return words.size() == 1 && STOP_WORDS.contains(words.getFirst());
        }

        String match() {
            return "\"" + String.join(" ", words).replace("\"", "\"\"") + "\"" + (prefix ? "*" : "");
        }
    }

    private FullTextQuery() {
    }

    /** The words of the text, lower case, with each "quoted phrase" as one entry: what a view highlights. */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        String[] quoted = text == null ? new String[0] : text.split("\"", -1);
        for (int i = 0; i < quoted.length; i++) {
            List<String> words = words(quoted[i]);
            if (isClosedPhrase(i, quoted.length)) {
                if (!words.isEmpty()) {
                    terms.add(String.join(" ", words));
                }
            } else {
                terms.addAll(words);
            }
        }
        return terms;
    }

    /**
     * The FTS5 MATCH expression, or null when the text has no word to search for. With
     * {@code whileTyping}, a last word of {@value #MIN_PREFIX} letters or more also matches as a
     * prefix (a search box that searches as the user types), unless a space or quote ends the text.
     */
    public static String expression(String text, boolean whileTyping) {
        List<Term> terms = parse(text == null ? "" : text);
        if (terms.isEmpty()) {
            return null;
        }
        if (whileTyping && !text.endsWith(" ") && !text.strip().endsWith("\"")) {
            Term last = terms.getLast();
            if (last.words().size() == 1 && last.words().getFirst().length() >= MIN_PREFIX) {
                terms.set(terms.size() - 1, new Term(last.words(), true));
            }
        }
        boolean onlyStopWords = terms.stream().allMatch(Term::isStopWord);
        List<String> parts = new ArrayList<>(terms.size());
        for (Term term : terms) {
            if (onlyStopWords || !term.isStopWord() || term.prefix()) {
                parts.add(term.match());
            }
        }
        return String.join(" AND ", parts);
    }

    private static List<Term> parse(String text) {
        List<Term> terms = new ArrayList<>();
        String[] quoted = text.split("\"", -1);
        for (int i = 0; i < quoted.length; i++) {
            if (isClosedPhrase(i, quoted.length)) {
                List<String> words = words(quoted[i]);
                if (!words.isEmpty()) {
                    terms.add(new Term(words, false));
                }
                continue;
            }
            for (String token : quoted[i].strip().split("\\s+")) {
                List<String> words = words(token);
                if (!words.isEmpty()) {
                    terms.add(new Term(words, token.endsWith("*")));
                }
            }
        }
        return terms;
    }

    /** Between an opening and a closing quote; an unclosed quote's words count one by one. */
    private static boolean isClosedPhrase(int segment, int segments) {
        return segment % 2 == 1 && segment < segments - 1;
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
