package org.termcurator.core.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads per-test verdicts from what verifiers leave behind: pytest's {@code -rA} summary, CTRF reports, Terminal-Bench parser results. */
public final class VerifierOutputs {

    private VerifierOutputs() {
    }

    /** The verdicts of pytest's -rA summary lines, read as the rollout verifier reads them. */
    public static List<TestResult> pytestSummary(String output) {
        return TestOutputParser.parse(output);
    }

    /** The tests of a CTRF report ({@code results.tests[]: name, status, message}). */
    public static List<TestResult> ctrf(JsonNode report) {
        Map<String, TestResult> results = new LinkedHashMap<>();
        for (JsonNode test : report.path("results").path("tests")) {
            String name = test.path("name").asText(null);
            TestStatus status = TestStatus.parse(test.path("status").asText(null));
            if (name == null || status == null) {
                continue;
            }
            String message = test.hasNonNull("message") ? test.get("message").asText()
                    : test.hasNonNull("trace") ? test.get("trace").asText() : null;
            results.put(name, new TestResult(name, status, message));
        }
        return List.copyOf(results.values());
    }

    /** Terminal-Bench 1's parser_results: test name -> "passed" | "failed". */
    public static List<TestResult> parserResults(JsonNode parserResults) {
        Map<String, TestResult> results = new LinkedHashMap<>();
        parserResults.properties().forEach(entry -> {
            TestStatus status = TestStatus.parse(entry.getValue().asText(null));
            results.put(entry.getKey(), new TestResult(entry.getKey(), status == null ? TestStatus.ERROR : status,
                    status == null ? "verdict: " + entry.getValue() : null));
        });
        return List.copyOf(results.values());
    }
}
