package org.termcurator.core.replay;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.termcurator.core.terminal.CastEventCode;
import org.termcurator.core.terminal.CastPlayer;
import org.termcurator.core.trajectories.ParseStatus;
import org.termcurator.core.trajectories.Step;
import org.termcurator.core.verifier.TestResult;
import org.termcurator.core.verifier.TestStatus;

/**
 * The first thing that went wrong in a trajectory, for "Jump to first failure".
 *
 * <p>The earliest of: an answer that did not parse; a command that failed — the recording's exit
 * event with a non-zero status, or the command's output (the step's observation, else the
 * terminal output the harness sent back in the next user turn) showing a shell error; if none,
 * a timeout (the failure mode or exception says so) at the last step; if none, the first failing
 * test, at the last step that sent commands — the step whose work the tests judged. The first
 * failing or erroring test is named in every case, so the verdict can show it too.
 */
public final class FirstFailure {

    /** What kind of failure was found first. */
    public enum Kind { PARSE_ERROR, COMMAND_ERROR, TIMEOUT, FAILED_TEST }

    /**
     * @param stepIndex   the step to select, or -1 when the trajectory has no step to point at
     * @param time        seconds into the recording to seek to
     * @param failingTest the first failing or erroring test, or null
     * @param reason      one line saying what failed
     */
    public record Failure(Kind kind, int stepIndex, double time, String failingTest, String reason) {
    }

    /** Output that means a command failed; deliberately conservative, a false alarm costs trust. */
    private static final Pattern SHELL_ERROR = Pattern.compile(
            "(?im)command not found|No such file or directory|Permission denied|Traceback \\(most recent call last\\)"
                    + "|Segmentation fault|non-zero exit status|exit (?:code|status):? [1-9]|^\\s*(?:error|fatal|E):\\s"
                    + "|: (?:error|fatal): |cannot access|syntax error");
    private static final Pattern TIMEOUT = Pattern.compile("(?i)time(?:d)?[ _-]?out");

    private FirstFailure() {
    }

    public static Optional<Failure> find(List<Step> steps, StepMoments moments, List<TestResult> tests,
                                         CastPlayer cast, String failureMode, String exception, double duration) {
        String failingTest = tests.stream().filter(test -> test.status() == TestStatus.FAILED
                || test.status() == TestStatus.ERROR).map(TestResult::name).findFirst().orElse(null);
        Failure inSteps = firstStepFailure(steps, moments, failingTest);
        Failure atExit = cast == null ? null : firstFailedExit(cast, moments, failingTest);
        if (inSteps != null || atExit != null) {
            return Optional.of(atExit == null || inSteps != null && inSteps.time() <= atExit.time() ? inSteps : atExit);
        }
        int lastWorking = lastStepWithCommands(steps);
        double end = lastWorking >= 0 ? moments.at(lastWorking) : duration;
        String said = (failureMode == null ? "" : failureMode) + " " + (exception == null ? "" : exception);
        if (TIMEOUT.matcher(said).find()) {
            int last = lastWorking >= 0 ? lastWorking : steps.size() - 1;
            return Optional.of(new Failure(Kind.TIMEOUT, last, last >= 0 ? moments.at(last) : duration, failingTest,
                    "the agent ran out of time"));
        }
        if (failingTest != null) {
            return Optional.of(new Failure(Kind.FAILED_TEST, lastWorking, end, failingTest,
                    "test " + failingTest + " failed"));
        }
        return Optional.empty();
    }

    private static Failure firstStepFailure(List<Step> steps, StepMoments moments, String failingTest) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.parseStatus() == ParseStatus.PARSE_ERROR) {
                return new Failure(Kind.PARSE_ERROR, i, moments.at(i), failingTest,
                        "the answer did not parse" + (step.parseError() == null ? "" : ": " + step.parseError()));
            }
            if (step.commands().isEmpty()) {
                continue;
            }
            String output = outputOf(steps, i);
            var matcher = output == null ? null : SHELL_ERROR.matcher(output);
            if (matcher != null && matcher.find()) {
                return new Failure(Kind.COMMAND_ERROR, i, moments.at(i), failingTest,
                        "a command failed: " + lineAround(output, matcher.start()));
            }
        }
        return null;
    }

    /** What the step's commands printed: its observation, else the next user turn (the harness's terminal output). */
    private static String outputOf(List<Step> steps, int index) {
        String observation = steps.get(index).observation();
        if (observation != null && !observation.isBlank()) {
            return observation;
        }
        if (index + 1 < steps.size() && "user".equals(steps.get(index + 1).role())) {
            return steps.get(index + 1).message();
        }
        return null;
    }

    private static Failure firstFailedExit(CastPlayer cast, StepMoments moments, String failingTest) {
        for (int index = 0; index < cast.eventCount(); index++) {
            if (cast.eventCode(index) != CastEventCode.EXIT) {
                continue;
            }
            String status = cast.event(index).data().strip();
            if (!status.isEmpty() && !status.equals("0")) {
                double time = cast.eventTime(index);
                return new Failure(Kind.COMMAND_ERROR, moments.stepAt(time, -1), time, failingTest,
                        "the recorded program exited with status " + status);
            }
        }
        return null;
    }

    private static int lastStepWithCommands(List<Step> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (!steps.get(i).commands().isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static String lineAround(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        String line = text.substring(start, end < 0 ? text.length() : end).strip();
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
