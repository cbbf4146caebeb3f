package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.termcurator.core.verifier.TestResult;

/**
 * One agent run on one task, as an importer read it: identity, outcome, usage, timings, ordered
 * steps, test results and attached files. Importers fill it field by field; the store writes it
 * whole. {@link #sourcePath()} identifies it across imports.
 */
public final class Trajectory {

    private String sourcePath;
    private String format;
    private String source;
    private String agent;
    private String agentVersion;
    private String model;
    private String taskName;
    private String trialName;
    private Integer attempt;
    private Boolean resolved;
    private Double reward;
    private final Map<String, Double> rewards = new LinkedHashMap<>();
    private String failureMode;
    private String exception;
    private Long inputTokens;
    private Long outputTokens;
    private Long cachedTokens;
    private Double costUsd;
    private Long tokenCount;
    private String startedAt;
    private String finishedAt;
    private final ObjectNode timings = JsonNodeFactory.instance.objectNode();
    private final ObjectNode extra = JsonNodeFactory.instance.objectNode();
    private final List<Step> steps = new ArrayList<>();
    private final List<TestResult> tests = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private String contentHash;
    private RolloutRef rollout;

    /** The rollout of this project that made the trajectory: its id and when it was queued, which must both match. */
    public record RolloutRef(long id, String createdAt) {
    }

    public Trajectory(String sourcePath, String format) {
        this.sourcePath = sourcePath;
        this.format = format;
    }

    public String sourcePath() { return sourcePath; }
    public String format() { return format; }
    public String source() { return source; }
    public String agent() { return agent; }
    public String agentVersion() { return agentVersion; }
    public String model() { return model; }
    public String taskName() { return taskName; }
    public String trialName() { return trialName; }
    public Integer attempt() { return attempt; }
    public Boolean resolved() { return resolved; }
    public Double reward() { return reward; }
    public Map<String, Double> rewards() { return rewards; }
    public String failureMode() { return failureMode; }
    public String exception() { return exception; }
    public Long inputTokens() { return inputTokens; }
    public Long outputTokens() { return outputTokens; }
    public Long cachedTokens() { return cachedTokens; }
    public Double costUsd() { return costUsd; }
    public String startedAt() { return startedAt; }
    public String finishedAt() { return finishedAt; }
    /** Phase name -> {started_at, finished_at, seconds}. */
    public ObjectNode timings() { return timings; }
    /** Source file (or "row") -> the fields it held, kept as they were so they survive export. */
    public ObjectNode extra() { return extra; }
    public List<Step> steps() { return steps; }
    public List<TestResult> tests() { return tests; }
    public List<Attachment> attachments() { return attachments; }
    public String contentHash() { return contentHash; }
    public RolloutRef rollout() { return rollout; }

    public Trajectory sourcePath(String value) { sourcePath = value; return this; }
    public Trajectory format(String value) { format = value; return this; }
    public Trajectory source(String value) { source = value; return this; }
    public Trajectory agent(String value) { agent = value; return this; }
    public Trajectory agentVersion(String value) { agentVersion = value; return this; }
    public Trajectory model(String value) { model = value; return this; }
    public Trajectory taskName(String value) { taskName = value; return this; }
    public Trajectory trialName(String value) { trialName = value; return this; }
    public Trajectory attempt(Integer value) { attempt = value; return this; }
    public Trajectory resolved(Boolean value) { resolved = value; return this; }
    public Trajectory reward(Double value) { reward = value; return this; }
    public Trajectory failureMode(String value) { failureMode = value; return this; }
    public Trajectory exception(String value) { exception = value; return this; }
    public Trajectory inputTokens(Long value) { inputTokens = value; return this; }
    public Trajectory outputTokens(Long value) { outputTokens = value; return this; }
    public Trajectory cachedTokens(Long value) { cachedTokens = value; return this; }
    public Trajectory costUsd(Double value) { costUsd = value; return this; }
    public Trajectory tokenCount(Long value) { tokenCount = value; return this; }
    public Trajectory startedAt(String value) { startedAt = value; return this; }
    public Trajectory finishedAt(String value) { finishedAt = value; return this; }
    public Trajectory contentHash(String value) { contentHash = value; return this; }
    public Trajectory rollout(RolloutRef value) { rollout = value; return this; }

    /** The turns an agent took: its assistant steps. */
    public int turnCount() {
        int turns = 0;
        for (Step step : steps) {
            if (step.isAssistant()) {
                turns++;
            }
        }
        return turns;
    }

    /**
     * Tokens of the whole run: the counts the source reported, else an estimate of about four
     * characters a token over the text of every step, so that token facets cover SFT rows too.
     */
    public Long tokenCount() {
        if (tokenCount != null) {
            return tokenCount;
        }
        if (inputTokens != null || outputTokens != null) {
            return (inputTokens == null ? 0 : inputTokens) + (outputTokens == null ? 0 : outputTokens);
        }
        if (steps.isEmpty()) {
            return null;
        }
        long characters = 0;
        for (Step step : steps) {
            characters += length(step.message()) + length(step.reasoning()) + length(step.observation());
        }
        return (characters + 3) / 4;
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }

    /** Sets the resolved flag from the rewards when the source gave no explicit verdict: full reward means resolved. */
    public void deriveResolvedFromReward() {
        if (resolved == null && reward != null) {
            resolved = reward >= 1.0;
        }
    }

    /** Appends a step, numbering it by its position. */
    public void addStep(Step step) {
        steps.add(step.withIndex(steps.size()));
    }
}
