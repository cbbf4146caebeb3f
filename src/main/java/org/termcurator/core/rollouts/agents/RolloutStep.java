package org.termcurator.core.rollouts.agents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.termcurator.core.docker.FileChange;

/**
 * One step of a rollout in ATIF terms (source system/user/agent, message, tool calls, one
 * observation), plus what the replay needs: when in the agent cast it started and which files
 * it changed in the container.
 *
 * @param castTime seconds into the agent cast where the step's commands began (null: no terminal)
 * @param parseStatus ok | parse_error | empty, for agent turns of an LLM
 */
public record RolloutStep(int stepId, Instant timestamp, String source, String modelName, String message,
                          String reasoning, List<ToolCall> toolCalls, String observation, StepMetrics metrics,
                          Double castTime, List<FileChange> filesChanged, String parseStatus,
                          Map<String, Object> extra) {

    public RolloutStep {
        toolCalls = List.copyOf(toolCalls);
        filesChanged = List.copyOf(filesChanged);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** A command or action the agent asked for (ATIF tool_calls). */
    public record ToolCall(String id, String functionName, Map<String, Object> arguments) {

        public static final String BASH_COMMAND = "bash_command";
        public static final String MARK_TASK_COMPLETE = "mark_task_complete";

        public ToolCall {
            arguments = Map.copyOf(arguments);
        }

        /** Terminus's command: keystrokes and how long to wait after them. */
        public static ToolCall bash(String id, String keystrokes, double duration) {
            return new ToolCall(id, BASH_COMMAND, Map.of("keystrokes", keystrokes, "duration", duration));
        }
    }

    /** Token use and cost of the model call behind a step; fields are null when unknown. */
    public record StepMetrics(Integer promptTokens, Integer completionTokens, Integer cachedTokens, Double costUsd) {
    }

    /** What an agent fills in; the recorder adds the id, the cast time and the files changed. */
    public static final class Draft {
        final Instant timestamp = Instant.now();
        final String source;
        String modelName;
        String message = "";
        String reasoning;
        final List<ToolCall> toolCalls = new ArrayList<>();
        String observation;
        StepMetrics metrics;
        Double castTime;
        String parseStatus;
        final java.util.LinkedHashMap<String, Object> extra = new java.util.LinkedHashMap<>();

        private Draft(String source) {
            this.source = source;
        }

        public static Draft agent() {
            return new Draft("agent");
        }

        public static Draft system() {
            return new Draft("system");
        }

        public static Draft user() {
            return new Draft("user");
        }

        public Draft model(String name) {
            this.modelName = name;
            return this;
        }

        public Draft message(String text) {
            this.message = text == null ? "" : text;
            return this;
        }

        public Draft reasoning(String text) {
            this.reasoning = text;
            return this;
        }

        public Draft toolCall(ToolCall call) {
            toolCalls.add(call);
            return this;
        }

        public Draft observation(String text) {
            this.observation = text;
            return this;
        }

        public Draft metrics(StepMetrics stepMetrics) {
            this.metrics = stepMetrics;
            return this;
        }

        public Draft castTime(Double seconds) {
            this.castTime = seconds;
            return this;
        }

        public Draft parseStatus(String status) {
            this.parseStatus = status;
            return this;
        }

        public Draft extra(String key, Object value) {
            extra.put(key, value);
            return this;
        }

        public int toolCallCount() {
            return toolCalls.size();
        }

        RolloutStep toStep(int stepId, List<FileChange> filesChanged) {
            return new RolloutStep(stepId, timestamp, source, modelName, message, reasoning, toolCalls, observation,
                    metrics, castTime, filesChanged, parseStatus, extra);
        }
    }
}
