package org.termcurator.core.rollouts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.rollouts.container.CastRecorder;
import org.termcurator.core.rollouts.container.RecordedCommand;
import org.termcurator.core.rollouts.container.RolloutContainer;
import org.termcurator.core.rollouts.container.Transcript;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;
import org.termcurator.core.terminal.TerminalSize;
import org.termcurator.core.verifier.Rewards;
import org.termcurator.core.verifier.TestOutputParser;
import org.termcurator.core.verifier.TestResult;

/**
 * Judges what the agent left: tests/ goes to /tests, tests/test.sh runs in a recorded terminal
 * (the tests cast) under the verifier timeout, /logs comes back to the work folder, and the
 * reward and per-test results are read from it.
 */
final class Verifier {

    /** What test.sh's terminal shows is recorded; its stderr is also kept apart in this file. */
    private static final String RUN_TESTS = "mkdir -p /logs/verifier; "
            + "bash /tests/test.sh 2> >(tee /logs/verifier/test-stderr.txt >&2); status=$?; wait; exit $status";
    static final long MAX_LOG_BYTES = 256L * 1024 * 1024;

    /**
     * @param rewardError why no reward could be read (null when one was, or when it timed out)
     */
    record Outcome(Integer exitCode, boolean timedOut, String output, String stderr, Rewards rewards,
                   String rewardError, List<TestResult> tests, Path castFile) {
    }

    private Verifier() {
    }

    static Outcome run(RolloutContainer container, RolloutTaskSpec task, Path workDir, long recordingBudget,
                       CastRecorder.Listener listener)
            throws DockerEngineException, InterruptedException, IOException {
        container.copyFolder(task.testsDir(), "/tests");
        Path castFile = workDir.resolve("tests.cast");
        Transcript transcript = new Transcript(listener);
        RecordedCommand.Outcome run;
        try (CastRecorder cast = CastRecorder.create(castFile, TerminalSize.DEFAULT, task.name() + " (tests)",
                "bash /tests/test.sh", transcript, recordingBudget)) {
            long deadline = System.nanoTime() + Math.round(task.verifierTimeoutSec() * 1e9);
            run = RecordedCommand.run(container, List.of("bash", "-c", RUN_TESTS), "bash /tests/test.sh", cast,
                    transcript, deadline);
        }
        if (run.timedOut()) {
            container.stopAllProcesses();
        }
        container.fetch("/logs", workDir, MAX_LOG_BYTES);
        Path verifierDir = workDir.resolve("logs").resolve("verifier");
        Path stderrFile = verifierDir.resolve("test-stderr.txt");
        String stderr = Files.isRegularFile(stderrFile) ? Files.readString(stderrFile) : "";
        Rewards rewards = new Rewards(null, java.util.Map.of());
        String rewardError = null;
        if (!run.timedOut()) {
            try {
                rewards = Rewards.read(verifierDir);
                if (rewards.reward() == null) {
                    rewardError = "the verifier wrote neither /logs/verifier/reward.txt nor reward.json (test.sh exit code "
                            + run.exitCode() + ")";
                }
            } catch (IOException e) {
                rewardError = e.getMessage();
            }
        }
        return new Outcome(run.exitCode(), run.timedOut(), run.output(), stderr, rewards, rewardError,
                TestOutputParser.parse(run.output()), castFile);
    }
}
