package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.terminus.TerminusCodec;
import org.termcurator.core.terminus.TerminusProtocol;
import org.termcurator.core.terminus.TerminusTurn;

/**
 * Reads an ATIF trajectory (Harbor's agent/trajectory.json, schema ATIF-v1.x) into steps.
 * Terminus 2 commands are {@code bash_command} tool calls with {keystrokes, duration};
 * {@code mark_task_complete} ends the task. Fields the model has no column for stay in the
 * step's extra (tool call ids included), so the file can be written back as it was.
 */
public final class AtifReader {

    static final String FILE = "trajectory.json";
    /** The format of a trajectory read from an ATIF document alone, outside a trial or rollout folder. */
    public static final String FORMAT = "atif";

    private AtifReader() {
    }

    /**
     * An ATIF document on its own, read into a trajectory: its agent, totals and steps (the
     * {@code bash_command} calls of each as its commands).
     *
     * @throws IllegalArgumentException when the document is no ATIF trajectory; the message says where
     */
    public static Trajectory trajectory(JsonNode root, String sourcePath) {
        Trajectory trajectory = new Trajectory(sourcePath, FORMAT);
        read(root, trajectory);
        return trajectory;
    }

    static void read(JsonNode root, Trajectory trajectory) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("the ATIF trajectory is " + Json.kind(root) + ", not a JSON object");
        }
        JsonNode steps = root.get("steps");
        if (steps != null && !steps.isArray()) {
            throw new IllegalArgumentException("'steps' is not a list");
        }
        JsonNode agent = root.path("agent");
        if (trajectory.agent() == null) {
            trajectory.agent(Json.text(agent, "name"));
        }
        if (trajectory.agentVersion() == null) {
            trajectory.agentVersion(Json.text(agent, "version"));
        }
        if (trajectory.model() == null) {
            trajectory.model(Json.text(agent, "model_name"));
        }
        JsonNode totals = root.path("final_metrics");
        if (trajectory.inputTokens() == null) {
            trajectory.inputTokens(Json.longValue(totals, "total_prompt_tokens"));
            trajectory.outputTokens(Json.longValue(totals, "total_completion_tokens"));
            trajectory.cachedTokens(Json.longValue(totals, "total_cached_tokens"));
        }
        if (trajectory.costUsd() == null) {
            trajectory.costUsd(Json.doubleValue(totals, "total_cost_usd"));
        }
        trajectory.extra().set(FILE, Json.without(root, "steps"));
        if (steps == null) {
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            if (!step.isObject()) {
                throw new IllegalArgumentException("step " + (i + 1) + " is not an object");
            }
            trajectory.addStep(step(step));
        }
    }

    private static Step step(JsonNode step) {
        String role = switch (step.path("source").asText("")) {
            case "system" -> "system";
            case "user" -> "user";
            case "agent", "assistant" -> "assistant";
            default -> step.path("source").asText("tool");
        };
        List<TerminalCommand> commands = new ArrayList<>();
        Boolean taskComplete = null;
        for (JsonNode call : step.path("tool_calls")) {
            String function = call.path("function_name").asText("");
            JsonNode arguments = call.path("arguments");
            if (function.equals("bash_command")) {
                commands.add(TerminalCommand.of(arguments));
            } else if (function.equals("mark_task_complete")) {
                taskComplete = true;
            }
        }
        String observation = observation(step.path("observation"));
        String message = Json.text(step, "message");
        ParseStatus status = null;
        String parseError = null;
        String analysis = null;
        String plan = null;
        if (role.equals("assistant")) {
            boolean harnessComplained = observation != null
                    && observation.stripLeading().startsWith(TerminusProtocol.PARSING_ERRORS_PREFIX);
            boolean empty = (message == null || message.isBlank()) && commands.isEmpty() && taskComplete == null;
            status = harnessComplained ? ParseStatus.PARSE_ERROR : empty ? ParseStatus.EMPTY : ParseStatus.OK;
            parseError = harnessComplained ? TerminusSteps.REFUSED : null;
            if (message != null && message.contains("\"analysis\"")) {
                TerminusTurn parsed = TerminusCodec.lenient(message);
                analysis = parsed.analysis();
                plan = parsed.plan();
            }
        }
        // this app's rollouts say where a step sits in the agent cast, and how its answer parsed
        JsonNode extra = step.path("extra");
        Double castTime = extra.path("cast_time").isNumber() ? extra.get("cast_time").asDouble() : null;
        ParseStatus recorded = parseStatus(extra.path("parse_status").asText(null));
        if (recorded != null && role.equals("assistant")) {
            status = recorded;
        }
        ObjectNode metrics = step.path("metrics").isObject() ? (ObjectNode) step.get("metrics") : null;
        return new Step(0, role, message, Json.text(step, "reasoning_content"), commands, observation, metrics,
                status, analysis, plan, taskComplete, parseError, Json.text(step, "timestamp"), castTime, stepExtra(step));
    }

    private static ParseStatus parseStatus(String value) {
        try {
            return ParseStatus.fromDb(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String observation(JsonNode observation) {
        JsonNode results = observation.path("results");
        if (!results.isArray() || results.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode result : results) {
            JsonNode content = result.get("content");
            if (content == null || content.isNull()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(content.isTextual() ? content.asText() : content.toString());
        }
        return text.isEmpty() ? null : text.toString();
    }

    /**
     * The step's fields beyond the mapped ones. A single observation result's content is in the
     * observation column already, so it is left out here (marked, to be put back on export).
     */
    private static ObjectNode stepExtra(JsonNode step) {
        ObjectNode extra = Json.without(step, "source", "message", "reasoning_content", "metrics", "timestamp");
        JsonNode results = extra.path("observation").path("results");
        if (results.isArray() && results.size() == 1 && results.get(0).path("content").isTextual()) {
            ObjectNode result = (ObjectNode) results.get(0);
            result.remove("content");
            result.put(AtifSteps.CONTENT_IN_OBSERVATION, true);
        }
        return extra;
    }
}
