package org.termcurator.core.curate.trainer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in exported text by {@code [REDACTED:kind]} and counts them by kind: API keys
 * and tokens of well-known shapes (OpenAI, Anthropic, AWS, GitHub, Google, Slack, Hugging Face,
 * Stripe, JWTs, private key blocks), credentials in URLs, the value after
 * {@code Authorization:}, passwords after {@code PASSWORD=} (or {@code :}), and high-entropy
 * values after names such as {@code API_KEY=}, {@code TOKEN=}, {@code SECRET=}. Variable
 * references ({@code $TOKEN}, <code>${TOKEN}</code>) and low-entropy values (placeholders, words)
 * are left alone. Not thread-safe: one redactor per writer.
 */
public final class Redactor {

    /**
     * A pattern is tried only where one of its hints (plain substrings, found fast) occurs: a
     * match starts {@code offset} characters before its hint, except for rules with offset -1,
     * which search the whole text once a hint is present.
     */
    private record Rule(String kind, Pattern pattern, int group, List<String> hints, int offset) {
        Rule(String kind, Pattern pattern, int group, List<String> hints) {
            this(kind, pattern, group, hints, 0);
        }

        boolean mayMatch(String text) {
            for (String hint : hints) {
                if (text.contains(hint)) {
                    return true;
                }
            }
            return false;
        }

        /** Where matches may start, ascending. */
        int[] starts(String text) {
            java.util.TreeSet<Integer> starts = new java.util.TreeSet<>();
            for (String hint : hints) {
                for (int at = text.indexOf(hint); at >= 0; at = text.indexOf(hint, at + 1)) {
                    if (at - offset >= 0) {
                        starts.add(at - offset);
                    }
                }
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static final List<Rule> SHAPES = List.of(
            new Rule("private-key", Pattern.compile(
                    "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"), 0,
                    List.of("PRIVATE KEY-----")),
            new Rule("api-key", Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}"), 0, List.of("sk-")),
            new Rule("aws-key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 0, List.of("AKIA", "ASIA")),
            new Rule("github-token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})"), 0,
                    List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
            new Rule("google-key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"), 0, List.of("AIza")),
            new Rule("slack-token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"), 0, List.of("xox")),
            new Rule("hf-token", Pattern.compile("\\bhf_[A-Za-z0-9]{30,}"), 0, List.of("hf_")),
            new Rule("stripe-key", Pattern.compile("\\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}"), 0,
                    List.of("k_live_", "k_test_"), 1),
            new Rule("jwt", Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"), 0,
                    List.of("eyJ")),
            new Rule("authorization", Pattern.compile(
                    "(?i)\\bauthorization\\s*[:=]\\s*(?:(?:bearer|basic|token)\\s+)?([^\\s\"',;]{6,})"), 1,
                    List.of("uthorization", "UTHORIZATION"), 1),
            new Rule("url-password", Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^\\s:/@]+:([^\\s@/]{3,})@"), 1,
                    List.of("://"), -1));

    /**
     * NAME=value or NAME: value where the name says it holds a secret; the name is matched from its
     * keyword on (group 1 is the keyword and what follows it, group 2 the value).
     */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)((?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)"
                    + "[A-Z0-9_]*)[\"']?[ \\t]*[=:][ \\t]*[\"']?([^\\s\"',;]+)");


    private static final String PREFIX = "[REDACTED:";

    private final Map<String, Integer> counts = new TreeMap<>();

    /** Redactions so far, by kind (sorted). */
    public Map<String, Integer> counts() {
        return java.util.Collections.unmodifiableMap(counts);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Rule rule : SHAPES) {
            if (rule.mayMatch(result)) {
                result = rule.offset() < 0 ? replace(result, rule.pattern(), rule.group(), rule.kind())
                        : anchored(result, rule);
            }
        }
        return assignments(result);
    }

    /** Replaces the rule's matches that start at its hints' positions. */
    private String anchored(String text, Rule rule) {
        Matcher matcher = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        StringBuilder out = null;
        int last = 0;
        for (int start : rule.starts(text)) {
            if (start < last) {
                continue;
            }
            matcher.region(start, text.length());
            if (!matcher.lookingAt() || isInsideRedaction(text, matcher.start(rule.group()))) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, matcher.start(rule.group())).append(PREFIX).append(rule.kind()).append(']');
            last = matcher.end(rule.group());
            counts.merge(rule.kind(), 1, Integer::sum);
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /**
     * NAME=value secrets: the full pattern is tried only where a keyword starts (found by one
     * cheap scan), not at every position of the text.
     */
    private String assignments(String text) {
        Matcher assignment = ASSIGNMENT.matcher(text);
        StringBuilder out = null;
        int last = 0;
        int from = 0;
        int start;
        while ((start = keyword(text, from)) >= 0) {
            assignment.region(start, text.length());
            if (!assignment.lookingAt()) {
                from = start + 1;
                continue;
            }
            String value = assignment.group(2);
            String found = assignmentKind(assignment.group(1), value);
            from = assignment.end();
            if (found == null || value.startsWith(PREFIX) || assignment.start(2) < last) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, assignment.start(2)).append(PREFIX).append(found).append(']');
            last = assignment.end(2);
            counts.merge(found, 1, Integer::sum);
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    private static final String[] KEYWORDS = {"pass", "pwd", "secret", "token", "apikey", "api_key", "accesskey",
            "access_key", "privatekey", "private_key", "credential"};

    /** The next index from {@code from} where a keyword starts, in any case, or -1. */
    private static int keyword(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = (char) (text.charAt(i) | 0x20);
            if (c != 'p' && c != 's' && c != 't' && c != 'a' && c != 'c') {
                continue;
            }
            for (String keyword : KEYWORDS) {
                if (keyword.charAt(0) == c && text.regionMatches(true, i, keyword, 0, keyword.length())) {
                    return i;
                }
            }
        }
        return -1;
    }

    private String replace(String text, Pattern pattern, int group, String kind) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            int start = matcher.start(group);
            int end = matcher.end(group);
            String value = matcher.group(group);
            String found = kind != null ? kind : assignmentKind(matcher.group(1), value);
            if (found == null || value.startsWith(PREFIX) || isInsideRedaction(text, start)) {
                continue;
            }
            out.append(text, last, start).append(PREFIX).append(found).append(']');
            last = end;
            counts.merge(found, 1, Integer::sum);
        } while (matcher.find());
        if (last == 0) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    private static boolean isInsideRedaction(String text, int at) {
        int open = text.lastIndexOf(PREFIX, at);
        return open >= 0 && text.indexOf(']', open) >= at;
    }

    /** The kind of a NAME=value secret, or null when the value is a reference, a placeholder or a word. */
    private static String assignmentKind(String name, String value) {
        if (value.startsWith("$") || value.startsWith("%") || value.startsWith("<") || value.startsWith("{")) {
            return null;
        }
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        boolean password = upper.contains("PASS") || upper.contains("PWD");
        if (password) {
            return value.length() >= 4 && !value.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X')
                    ? "password" : null;
        }
        return value.length() >= 12 && entropy(value) >= 3.0 ? "secret" : null;
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String value) {
        Map<Integer, Integer> frequencies = new java.util.HashMap<>();
        value.codePoints().forEach(c -> frequencies.merge(c, 1, Integer::sum));
        double length = value.codePointCount(0, value.length());
        double bits = 0;
        for (int count : frequencies.values()) {
            double p = count / length;
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }
}
