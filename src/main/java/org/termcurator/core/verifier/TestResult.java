package org.termcurator.core.verifier;

/** One test of the trial's verifier and its verdict; the message says why it failed, when known. */
public record TestResult(String name, TestStatus status, String message) {
}
