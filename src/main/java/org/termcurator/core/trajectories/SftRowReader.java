package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads one SFT row: {@code conversations} of {role, content} (Terminal-Corpus, harbor traces
 * export), OpenAI {@code messages}, or ShareGPT {@code conversations} of {from, value}, with
 * the Terminal-Corpus columns (agent, model, model_provider, date, task, episode, run_id,
 * trial_name, enable_thinking, source). Every other column is kept in extra under "row".
 */
final class SftRowReader {

    static final String FORMAT = "sft-row";

    private SftRowReader() {
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong with the row. */
    static Trajectory read(JsonNode row, String sourcePath) {
        if (row == null || !row.isObject()) {
            throw new IllegalArgumentException("the row is " + Json.kind(row) + ", not a JSON object");
        }
        String field = row.has("conversations") ? "conversations" : row.has("messages") ? "messages" : null;
        if (field == null) {
            throw new IllegalArgumentException("the row has no 'conversations' or 'messages'");
        }
        JsonNode turns = row.get(field);
        if (turns.isTextual()) {
            try {
                turns = Json.MAPPER.readTree(turns.asText()); // some exports store the list as a JSON string
            } catch (IOException e) {
                throw new IllegalArgumentException("'" + field + "' is a string that is not JSON", e);
            }
        }
        if (!turns.isArray()) {
            throw new IllegalArgumentException("'" + field + "' is not a list");
        }
        Trajectory trajectory = new Trajectory(sourcePath, FORMAT);
        trajectory.agent(Json.text(row, "agent"));
        trajectory.model(Json.text(row, "model"));
        trajectory.taskName(firstText(row, "task", "task_name", "task_id"));
        trajectory.trialName(Json.text(row, "trial_name"));
        trajectory.source(Json.text(row, "source"));
        trajectory.startedAt(Json.text(row, "date"));
        trajectory.resolved(Json.booleanValue(row, row.has("resolved") ? "resolved" : "is_resolved"));
        trajectory.reward(Json.doubleValue(row, "reward"));
        trajectory.deriveResolvedFromReward();
        for (int i = 0; i < turns.size(); i++) {
            trajectory.addStep(turn(turns.get(i), i));
        }
        TerminusSteps.markRefusedAnswers(trajectory.steps());
        if (!looksLikeTerminus(trajectory)) {
            // a plain chat corpus: "did not parse as Terminus" would be noise on every turn
            trajectory.steps().replaceAll(step -> step.parseStatus() == ParseStatus.PARSE_ERROR
                    ? step.withStatus(null, null) : step);
        }
        trajectory.extra().set("row", Json.without(row, field));
        return trajectory;
    }

    private static Step turn(JsonNode turn, int index) {
        if (turn == null || turn.isNull()) {
            return new Step(0, "assistant", null, null, null, null, null, ParseStatus.EMPTY, null, null, null,
                    "null turn", null, null, null);
        }
        if (!turn.isObject()) {
            throw new IllegalArgumentException("turn " + (index + 1) + " is not an object");
        }
        String role = role(turn.has("role") ? Json.text(turn, "role") : Json.text(turn, "from"));
        if (role == null) {
            throw new IllegalArgumentException("turn " + (index + 1) + " has no role (role or from)");
        }
        String content = content(turn.has("content") ? turn.get("content") : turn.get("value"));
        Step step = switch (role) {
            case "assistant" -> TerminusSteps.assistant(content);
            case "user" -> TerminusSteps.user(content);
            default -> Step.of(role, content);
        };
        // the turn as written, less what the step holds: the original role word, weights, tool calls, names
        ObjectNode extra = Json.without(turn, "content", "value");
        if (turn.has("content") && !turn.get("content").isTextual() && !turn.get("content").isNull()) {
            extra.set("content", turn.get("content")); // content parts: kept, so they export as they were
        }
        return step.withExtra(extra);
    }

    /** ShareGPT speaks of human/gpt; OpenAI of user/assistant. */
    private static String role(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "human", "user" -> "user";
            case "gpt", "assistant", "model", "chatgpt", "bot" -> "assistant";
            case "system" -> "system";
            case "tool", "function", "function_call", "observation", "ipython" -> "tool";
            default -> name;
        };
    }

    /** Text content, or OpenAI's content parts [{type: text, text}] joined. */
    private static String content(JsonNode content) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.isTextual()) {
                    text.append(part.asText());
                } else if (part.has("text")) {
                    text.append(part.get("text").asText());
                }
            }
            return text.toString();
        }
        return content.toString();
    }

    private static boolean looksLikeTerminus(Trajectory trajectory) {
        if (trajectory.agent() != null && trajectory.agent().toLowerCase(Locale.ROOT).contains("terminus")) {
            return true;
        }
        return trajectory.steps().stream().anyMatch(step -> step.isAssistant() && step.parseStatus() == ParseStatus.OK
                || step.parseStatus() == ParseStatus.HARNESS_ERROR);
    }

    private static String firstText(JsonNode row, String... fields) {
        for (String field : fields) {
            String value = Json.text(row, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
