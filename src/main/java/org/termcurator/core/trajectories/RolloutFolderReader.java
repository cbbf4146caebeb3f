package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.termcurator.core.verifier.TestResult;
import org.termcurator.core.verifier.TestStatus;

/**
 * Reads the work folder a rollout of this app leaves behind: result.json (task, agent, model,
 * status, failure mode, rewards, tests, phase seconds, usage), trajectory.json in ATIF (steps
 * with their cast times and parse status), the agent and tests casts, and the logs. Imported,
 * the trajectory is linked to its rollout when the project holds that rollout.
 */
final class RolloutFolderReader {

    static final String FORMAT = "rollout";

    private RolloutFolderReader() {
    }

    /** Whether a result.json is a rollout's (it carries the rollout's key and id). */
    static boolean isRolloutResult(JsonNode result) {
        return result.has("rollout_id") && result.has("key");
    }

    static Trajectory read(ItemFiles files) throws IOException {
        Trajectory trajectory = new Trajectory(files.root().toString(), FORMAT).source("rollout");
        JsonNode result = Json.parse(files.read("result.json"), "result.json");
        trajectory.trialName(Json.text(result, "key"));
        trajectory.taskName(Json.text(result, "task"));
        trajectory.agent(Json.text(result, "agent_name") != null ? Json.text(result, "agent_name") : Json.text(result, "agent"));
        trajectory.model(Json.text(result, "model"));
        Long attempt = Json.longValue(result, "attempt");
        trajectory.attempt(attempt == null ? null : attempt.intValue());
        String failureMode = Json.text(result, "failure_mode");
        trajectory.failureMode(failureMode == null || failureMode.equals("none") ? null : failureMode);
        trajectory.exception(Json.text(result, "error"));
        trajectory.reward(Json.doubleValue(result, "reward"));
        result.path("rewards").properties().forEach(entry -> {
            if (entry.getValue().isNumber()) {
                trajectory.rewards().put(entry.getKey(), entry.getValue().asDouble());
            }
        });
        String status = Json.text(result, "status");
        if ("passed".equals(status) || "failed".equals(status)) {
            trajectory.resolved("passed".equals(status));
        }
        trajectory.deriveResolvedFromReward();
        for (JsonNode test : result.path("tests")) {
            TestStatus testStatus = TestStatus.parse(Json.text(test, "status"));
            if (Json.text(test, "name") != null && testStatus != null) {
                trajectory.tests().add(new TestResult(Json.text(test, "name"), testStatus, Json.text(test, "message")));
            }
        }
        JsonNode usage = result.path("usage");
        trajectory.inputTokens(Json.longValue(usage, "prompt_tokens"));
        trajectory.outputTokens(Json.longValue(usage, "completion_tokens"));
        trajectory.cachedTokens(Json.longValue(usage, "cached_tokens"));
        trajectory.costUsd(Json.doubleValue(result, "cost_usd"));
        trajectory.startedAt(Json.text(result, "started_at"));
        trajectory.finishedAt(Json.text(result, "finished_at"));
        result.path("timings").properties().forEach(entry ->
                trajectory.timings().putObject(entry.getKey()).set("seconds", entry.getValue()));
        Long rolloutId = Json.longValue(result, "rollout_id");
        if (rolloutId != null) {
            trajectory.rollout(new Trajectory.RolloutRef(rolloutId, Json.text(result, "created_at")));
        }
        trajectory.extra().set("result.json", result);

        byte[] atif = files.read(AtifReader.FILE);
        if (atif != null) {
            try {
                AtifReader.read(Json.parse(atif, AtifReader.FILE), trajectory);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(AtifReader.FILE + ": " + e.getMessage(), e);
            }
        }
        attach(files, trajectory, "agent.cast", Attachment.Kind.AGENT_CAST);
        attach(files, trajectory, "tests.cast", Attachment.Kind.TESTS_CAST);
        for (String log : new String[] {"build.log", "logs/verifier/test-stdout.txt", "logs/verifier/test-stderr.txt"}) {
            byte[] bytes = files.read(log);
            if (bytes != null) {
                trajectory.attachments().add(Attachments.text(Attachment.Kind.LOG, log, bytes));
            }
        }
        return trajectory.contentHash(files.hash());
    }

    private static void attach(ItemFiles files, Trajectory trajectory, String name, Attachment.Kind kind) throws IOException {
        byte[] cast = files.read(name);
        if (cast != null) {
            trajectory.attachments().add(Attachments.cast(kind, name, cast));
        }
    }
}
