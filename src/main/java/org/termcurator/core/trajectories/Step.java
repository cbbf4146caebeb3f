package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.termcurator.core.terminus.TerminalCommand;

/**
 * One turn of a trajectory, in order.
 *
 * @param role        system, user, assistant or tool
 * @param message     what the turn said; for an assistant turn with a {@code <think>} block, the text after it
 * @param reasoning   the model's reasoning ({@code <think>} content or ATIF reasoning_content)
 * @param commands    the keystrokes the turn sent
 * @param observation the terminal output the turn's commands produced (ATIF observation)
 * @param metrics     per-step usage as the source gave it (tokens, cost, ...), or null
 * @param parseStatus null where a source has no notion of parsing (system turns)
 * @param analysis    Terminus answer fields, when the turn parsed
 * @param castTime    seconds into the session recording at which the turn happened, when known
 * @param extra       the source's fields this model has no place for, kept as they were
 */
public record Step(int index, String role, String message, String reasoning, List<TerminalCommand> commands,
                   String observation, ObjectNode metrics, ParseStatus parseStatus, String analysis, String plan,
                   Boolean taskComplete, String parseError, String timestamp, Double castTime, ObjectNode extra) {

    public Step {
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    /** A turn with only a role and a text: a system prompt, a user turn, a tool result. */
    public static Step of(String role, String message) {
        return builder(role).message(message).build();
    }

    /** A step built field by field; what is not set is null (no commands, index 0). */
    public static Builder builder(String role) {
        return new Builder(role);
    }

    /** A builder holding this step's fields, to change some of them. */
    public Builder toBuilder() {
        return new Builder(role).index(index).message(message).reasoning(reasoning).commands(commands)
                .observation(observation).metrics(metrics).parseStatus(parseStatus, parseError).analysis(analysis)
                .plan(plan).taskComplete(taskComplete).timestamp(timestamp).castTime(castTime).extra(extra);
    }

    public boolean isAssistant() {
        return "assistant".equals(role);
    }

    public Step withIndex(int newIndex) {
        return toBuilder().index(newIndex).build();
    }

    public Step withStatus(ParseStatus status, String error) {
        return toBuilder().parseStatus(status, error).build();
    }

    public Step withCastTime(Double seconds) {
        return toBuilder().castTime(seconds).build();
    }

    public Step withExtra(ObjectNode fields) {
        return toBuilder().extra(fields).build();
    }

    /** Builds a {@link Step}; each setter names the field it sets. */
    public static final class Builder {
        private final String role;
        private int index;
        private String message;
        private String reasoning;
        private List<TerminalCommand> commands = List.of();
        private String observation;
        private ObjectNode metrics;
        private ParseStatus parseStatus;
        private String parseError;
        private String analysis;
        private String plan;
        private Boolean taskComplete;
        private String timestamp;
        private Double castTime;
        private ObjectNode extra;

        private Builder(String role) {
            this.role = role;
        }

        public Builder index(int value) {
            index = value;
            return this;
        }

        public Builder message(String value) {
            message = value;
            return this;
        }

        public Builder reasoning(String value) {
            reasoning = value;
            return this;
        }

        public Builder commands(List<TerminalCommand> value) {
            commands = value;
            return this;
        }

        public Builder observation(String value) {
            observation = value;
            return this;
        }

        public Builder metrics(ObjectNode value) {
            metrics = value;
            return this;
        }

        /** How the turn's answer parsed, and why not where it did not. */
        public Builder parseStatus(ParseStatus status, String error) {
            parseStatus = status;
            parseError = error;
            return this;
        }

        public Builder parseStatus(ParseStatus status) {
            return parseStatus(status, null);
        }

        public Builder analysis(String value) {
            analysis = value;
            return this;
        }

        public Builder plan(String value) {
            plan = value;
            return this;
        }

        public Builder taskComplete(Boolean value) {
            taskComplete = value;
            return this;
        }

        public Builder timestamp(String value) {
            timestamp = value;
            return this;
        }

        public Builder castTime(Double value) {
            castTime = value;
            return this;
        }

        public Builder extra(ObjectNode value) {
            extra = value;
            return this;
        }

        public Step build() {
            return new Step(index, role, message, reasoning, commands, observation, metrics, parseStatus, analysis,
                    plan, taskComplete, parseError, timestamp, castTime, extra);
        }
    }
}
