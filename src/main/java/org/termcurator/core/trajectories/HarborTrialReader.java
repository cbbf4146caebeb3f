package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.termcurator.core.verifier.Rewards;
import org.termcurator.core.verifier.VerifierOutputs;

/**
 * Reads one Harbor trial folder: result.json (agent, model, usage, rewards, exception, phase
 * timings), agent/trajectory.json in ATIF or else the episode logs, agent/recording.cast, and
 * the verifier's outputs (reward.txt wins over reward.json; CTRF report or pytest's -rA lines).
 */
final class HarborTrialReader {

    static final String FORMAT = "harbor-trial";
    private static final String[] PHASES = {"environment_setup", "agent_setup", "agent_execution", "verifier"};

    private HarborTrialReader() {
    }

    static Trajectory read(ItemFiles files) throws IOException {
        Path folder = files.root();
        Trajectory trajectory = new Trajectory(folder.toString(), FORMAT).source("harbor");
        trajectory.trialName(folder.getFileName().toString());
        byte[] resultBytes = files.read("result.json");
        if (resultBytes != null) {
            applyResult(trajectory, Json.parse(resultBytes, "result.json"));
        }
        byte[] atif = files.read("agent/" + AtifReader.FILE);
        if (atif != null) {
            try {
                AtifReader.read(Json.parse(atif, "agent/" + AtifReader.FILE), trajectory);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("agent/" + AtifReader.FILE + ": " + e.getMessage(), e);
            }
        } else {
            EpisodeFolders.read(files, "agent", trajectory);
        }
        for (Path summary : files.list("agent", ".json")) {
            String name = summary.getFileName().toString();
            if (name.startsWith("trajectory.summarization-")) {
                // Terminus 2's summarization sub-trajectories: kept whole beside the main one
                trajectory.attachments().add(Attachments.text(Attachment.Kind.OTHER, "agent/" + name, files.read(summary)));
            }
        }
        for (Path cast : files.list("agent", ".cast")) {
            byte[] bytes = files.read(cast);
            CastBlob blob = CastBlob.compress(bytes);
            trajectory.attachments().add(Attachments.cast(Attachment.Kind.AGENT_CAST, "agent/" + cast.getFileName(),
                    bytes.length, blob));
            if (cast.getFileName().toString().equals("recording.cast")) {
                placeStepsInCast(trajectory, blob.times());
            }
        }
        readVerifier(files, trajectory);
        for (String log : new String[] {"exception.txt", "trial.log"}) {
            byte[] bytes = files.read(log);
            if (bytes != null) {
                trajectory.attachments().add(Attachments.text(Attachment.Kind.LOG, log, bytes));
                if (log.equals("exception.txt") && trajectory.exception() == null) {
                    trajectory.exception(new String(bytes, StandardCharsets.UTF_8).strip());
                }
            }
        }
        trajectory.deriveResolvedFromReward();
        if (trajectory.resolved() == null && trajectory.exception() != null) {
            trajectory.resolved(false);
        }
        return trajectory.contentHash(files.hash());
    }

    /**
     * Where each step sits in the session recording: its ATIF timestamp less the cast's start.
     * Steps before the recording began or after it ended get none.
     */
    static void placeStepsInCast(Trajectory trajectory, CastTimes cast) {
        if (cast.header() == null || cast.header().timestamp() == null) {
            return;
        }
        double start = cast.header().timestamp();
        trajectory.steps().replaceAll(step -> {
            Double at = Timings.epochSeconds(step.timestamp());
            if (step.castTime() != null || at == null || at < start || at - start > cast.duration() + 1) {
                return step;
            }
            return step.withCastTime(at - start);
        });
    }

    private static void applyResult(Trajectory trajectory, JsonNode result) {
        trajectory.taskName(Json.text(result, "task_name"));
        if (result.hasNonNull("trial_name")) {
            trajectory.trialName(Json.text(result, "trial_name"));
        }
        if (result.hasNonNull("source")) {
            trajectory.source(Json.text(result, "source"));
        }
        JsonNode agent = result.path("agent_info");
        trajectory.agent(Json.text(agent, "name"));
        trajectory.agentVersion(Json.text(agent, "version"));
        trajectory.model(Json.text(agent.path("model_info"), "name"));
        JsonNode usage = result.path("agent_result");
        trajectory.inputTokens(Json.longValue(usage, "n_input_tokens"));
        trajectory.cachedTokens(Json.longValue(usage, "n_cache_tokens"));
        trajectory.outputTokens(Json.longValue(usage, "n_output_tokens"));
        trajectory.costUsd(Json.doubleValue(usage, "cost_usd"));
        JsonNode rewards = result.path("verifier_result").path("rewards");
        if (rewards.isObject()) {
            setRewards(trajectory, rewards);
        }
        JsonNode exception = result.path("exception_info");
        if (exception.isObject()) {
            String type = Json.text(exception, "exception_type");
            String message = Json.text(exception, "exception_message");
            trajectory.failureMode(type);
            trajectory.exception(type == null ? message : message == null ? type : type + ": " + message);
        }
        trajectory.startedAt(Json.text(result, "started_at"));
        trajectory.finishedAt(Json.text(result, "finished_at"));
        for (String phase : PHASES) {
            JsonNode timing = result.path(phase);
            Timings.phase(trajectory.timings(), phase, Json.text(timing, "started_at"), Json.text(timing, "finished_at"));
        }
        Timings.phase(trajectory.timings(), "trial", trajectory.startedAt(), trajectory.finishedAt());
        trajectory.extra().set("result.json", result);
    }

    private static void readVerifier(ItemFiles files, Trajectory trajectory) throws IOException {
        String rewardText = files.text("verifier/reward.txt");
        byte[] rewardJson = files.read("verifier/reward.json");
        if (rewardText != null && !rewardText.isBlank()) {
            Double value = Rewards.rewardText(rewardText);
            if (value == null) {
                throw new IllegalArgumentException("verifier/reward.txt: not a number: " + abbreviate(rewardText));
            }
            trajectory.rewards().put("reward", value);
            trajectory.reward(value);
        }
        if (rewardJson != null) {
            JsonNode rewards = Json.parse(rewardJson, "verifier/reward.json");
            if (!rewards.isObject()) {
                throw new IllegalArgumentException("verifier/reward.json: expected an object of name -> number");
            }
            // result.json and reward.txt have the last word; reward.json adds the rewards they do not name
            Rewards.rewardJson(rewards).forEach(trajectory.rewards()::putIfAbsent);
            if (trajectory.reward() == null) {
                setRewards(trajectory, rewards);
            }
        }
        byte[] ctrf = files.read("verifier/ctrf.json");
        if (ctrf != null) {
            trajectory.tests().addAll(VerifierOutputs.ctrf(Json.parse(ctrf, "verifier/ctrf.json")));
        }
        for (String output : new String[] {"verifier/test-stdout.txt", "verifier/test-stderr.txt"}) {
            byte[] bytes = files.read(output);
            if (bytes == null) {
                continue;
            }
            if (ctrf == null && output.endsWith("stdout.txt")) {
                trajectory.tests().addAll(VerifierOutputs.pytestSummary(new String(bytes, StandardCharsets.UTF_8)));
            }
            trajectory.attachments().add(Attachments.text(Attachment.Kind.LOG, output, bytes));
        }
    }

    /** The rewards an object names (reward.json, result.json's verifier_result); the main one as the verifier reads it. */
    private static void setRewards(Trajectory trajectory, JsonNode rewards) {
        trajectory.rewards().putAll(Rewards.rewardJson(rewards));
        Double main = Rewards.main(trajectory.rewards());
        if (main != null) {
            trajectory.reward(main);
        }
    }

    private static String abbreviate(String text) {
        String line = Json.firstLine(text.strip());
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }
}
