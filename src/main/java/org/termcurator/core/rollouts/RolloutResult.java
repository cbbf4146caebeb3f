package org.termcurator.core.rollouts;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.termcurator.core.rollouts.agents.ModelUsage;
import org.termcurator.core.rollouts.agents.RolloutStep;
import org.termcurator.core.rollouts.container.ContainerLimits;
import org.termcurator.core.verifier.TestResult;

/**
 * Everything one rollout produced. The files (casts, trajectory.json, result.json, the
 * container's /logs) are in {@link #workDir()}; the rest is here.
 *
 * @param key unique name of the rollout, also its work folder's name and its container label
 * @param rolloutId the project's rollouts row, or null when not stored
 * @param agentKind oracle | replay | llm
 * @param reward the main reward (reward.txt, or reward.json's "reward" entry, else the mean of its entries)
 * @param timings seconds per phase (image, container, agent, verifier, teardown) and the total
 * @param agentOutput what the agent's terminal showed, as plain text
 * @param verifierOutput what test.sh's terminal showed (stdout and stderr as they interleaved), as plain text
 * @param verifierStderr test.sh's stderr alone
 * @param limits what the container ran with (null when the rollout never got one)
 */
public record RolloutResult(String key, Long rolloutId, String task, Path taskDir, String agentKind, String agentName,
                            String model, int attempt, RolloutStatus status, FailureMode failureMode, String error,
                            Double reward, Map<String, Double> rewards, List<TestResult> tests,
                            Integer agentExitCode, Integer verifierExitCode, Map<String, Double> timings,
                            Instant createdAt, Instant startedAt, Instant finishedAt, String imageId,
                            String imageReference, boolean imageCached, String buildLog, Path workDir,
                            Path agentCast, Path testsCast, Path trajectoryFile, List<RolloutStep> steps,
                            String agentOutput, String verifierOutput, String verifierStderr, ModelUsage usage,
                            ContainerLimits limits) {

    public RolloutResult {
        rewards = rewards == null ? Map.of() : Map.copyOf(rewards);
        tests = tests == null ? List.of() : List.copyOf(tests);
        timings = timings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        steps = steps == null ? List.of() : List.copyOf(steps);
        usage = usage == null ? ModelUsage.NONE : usage;
    }

    public double seconds() {
        return timings.getOrDefault("total", 0.0);
    }

    public boolean passed() {
        return status == RolloutStatus.PASSED;
    }

    /** Collects a result while the rollout runs. */
    public static final class Builder {
        String key;
        Long rolloutId;
        String task;
        Path taskDir;
        String agentKind;
        String agentName;
        String model;
        int attempt;
        RolloutStatus status = RolloutStatus.QUEUED;
        FailureMode failureMode = FailureMode.NONE;
        String error;
        Double reward;
        Map<String, Double> rewards = Map.of();
        List<TestResult> tests = List.of();
        Integer agentExitCode;
        Integer verifierExitCode;
        final Map<String, Double> timings = new LinkedHashMap<>();
        Instant createdAt = Instant.now();
        Instant startedAt;
        Instant finishedAt;
        String imageId;
        String imageReference;
        boolean imageCached;
        String buildLog = "";
        Path workDir;
        Path agentCast;
        Path testsCast;
        Path trajectoryFile;
        List<RolloutStep> steps = List.of();
        String agentOutput = "";
        String verifierOutput = "";
        String verifierStderr = "";
        ModelUsage usage = ModelUsage.NONE;
        ContainerLimits limits;

        /**
         * Records a failure. The first mode is kept (a cancel overrides it: that is what the user
         * did last); every message is kept.
         */
        Builder fail(RolloutStatus newStatus, FailureMode mode, String message) {
            if (failureMode == FailureMode.NONE || mode == FailureMode.CANCELLED) {
                failureMode = mode;
            }
            error = error == null ? message : error + "; " + message;
            status = newStatus;
            return this;
        }

        RolloutResult build() {
            return new RolloutResult(key, rolloutId, task, taskDir, agentKind, agentName, model, attempt, status,
                    failureMode, error, reward, rewards, tests, agentExitCode, verifierExitCode, timings, createdAt,
                    startedAt, finishedAt, imageId, imageReference, imageCached, buildLog, workDir, agentCast,
                    testsCast, trajectoryFile, steps, agentOutput, verifierOutput, verifierStderr, usage, limits);
        }
    }
}
