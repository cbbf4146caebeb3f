package org.termcurator.core.docker;

/** The outcome of a command run in a container; exitCode is null when it timed out. */
public record ExecResult(Integer exitCode, String stdout, String stderr, boolean timedOut) {

    public boolean succeeded() {
        return !timedOut && exitCode != null && exitCode == 0;
    }
}
