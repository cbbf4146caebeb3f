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
        return new Step(0, role, message, null, List.of(), null, null, null, null, null, null, null, null, null, null);
    }

    public boolean isAssistant() {
        return "assistant".equals(role);
    }

    public Step withIndex(int newIndex) {
        return new Step(newIndex, role, message, reasoning, commands, observation, metrics, parseStatus, analysis,
                plan, taskComplete, parseError, timestamp, castTime, extra);
    }



    public Step withStatus(ParseStatus status, String error) {
        return new Step(index, role, message, reasoning, commands, observation, metrics, status, analysis,
                plan, taskComplete, error, timestamp, castTime, extra);
    }

    public Step withCastTime(Double seconds) {
        return new Step(index, role, message, reasoning, commands, observation, metrics, parseStatus, analysis,
                plan, taskComplete, parseError, timestamp, seconds, extra);
    }

    public Step withExtra(ObjectNode fields) {
        return new Step(index, role, message, reasoning, commands, observation, metrics, parseStatus, analysis,
                plan, taskComplete, parseError, timestamp, castTime, fields);
    }

}
