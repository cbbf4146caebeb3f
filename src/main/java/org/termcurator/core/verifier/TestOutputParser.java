package org.termcurator.core.verifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.termcurator.core.terminal.TerminalText;

/**
 * Per-test results from a verifier's output: the summary lines of pytest -rA
 * ({@code PASSED tests/test_x.py::test_a}, {@code FAILED tests/test_x.py::test_b - AssertionError},
 * {@code ERROR ...}, {@code SKIPPED [1] tests/test_x.py:12: reason}, XFAIL, XPASS), which
 * bash test scripts often imitate. A test reported twice keeps its last status.
 */
public final class TestOutputParser {

    private static final Pattern LINE = Pattern.compile("^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\\s+(.+)$");
    private static final Pattern SKIPPED = Pattern.compile("^(?:\\[\\d+\\]\\s+)?(\\S+?):?(?:\\s+(.*))?$");

    private TestOutputParser() {
    }

    public static List<TestResult> parse(String output) {
        Map<String, TestResult> results = new LinkedHashMap<>();
        for (String raw : TerminalText.plain(output).lines().toList()) {
            Matcher matcher = LINE.matcher(raw.strip());
            if (!matcher.matches()) {
                continue;
            }
            String word = matcher.group(1);
            String rest = matcher.group(2).strip();
            TestResult result = switch (word) {
                case "SKIPPED", "XFAIL" -> skipped(rest);
                default -> named(word, rest);
            };
            if (result != null) {
                results.remove(result.name());
                results.put(result.name(), result);
            }
        }
        return new ArrayList<>(results.values());
    }

    private static TestResult named(String word, String rest) {
        int end = nameEnd(rest);
        String name = rest.substring(0, end);
        String message = rest.substring(end).strip();
        if (message.startsWith("- ")) {
            message = message.substring(2).strip();
        } else if (message.equals("-")) {
            message = "";
        }
        TestStatus status = switch (word) {
            case "PASSED", "XPASS" -> TestStatus.PASSED;
            case "FAILED" -> TestStatus.FAILED;
            default -> TestStatus.ERROR;
        };
        return new TestResult(name, status, message.isEmpty() ? null : message);
    }

    /** A node id has no spaces except inside its [parameters]. */
    private static int nameEnd(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && depth > 0) {
                depth--;
            } else if (Character.isWhitespace(c) && depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static TestResult skipped(String rest) {
        Matcher matcher = SKIPPED.matcher(rest);
        if (!matcher.matches()) {
            return null;
        }
        String reason = matcher.group(2);
        if (reason != null && reason.startsWith("- ")) {
            reason = reason.substring(2);
        }
        return new TestResult(matcher.group(1), TestStatus.SKIPPED,
                reason == null || reason.isBlank() ? null : reason.strip());
    }
}
