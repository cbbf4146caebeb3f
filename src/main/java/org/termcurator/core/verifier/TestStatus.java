package org.termcurator.core.verifier;

import java.util.Locale;

/** The verdict of one test of a trial's verifier. */
public enum TestStatus {
    PASSED, FAILED, ERROR, SKIPPED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the words the harnesses use (pytest's, CTRF's, Terminal-Bench's); null when unknown. */
    public static TestStatus parse(String word) {
        if (word == null) {
            return null;
        }
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "passed", "pass", "ok", "success", "xpass", "xpassed" -> PASSED;
            case "failed", "fail", "failure" -> FAILED;
            case "error", "errored" -> ERROR;
            case "skipped", "skip", "pending", "xfail", "xfailed", "other" -> SKIPPED;
            default -> null;
        };
    }
}
