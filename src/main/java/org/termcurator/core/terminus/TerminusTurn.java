package org.termcurator.core.terminus;

import java.util.List;

/**
 * One model answer read by {@link TerminusCodec}. Errors make the answer unusable (the live agent
 * asks the model again; an importer marks the turn as not parsed); warnings are problems that
 * were worked around.
 *
 * @param body         the answer less a leading {@code <think>} block (null where there was no answer)
 * @param reasoning    the text of that block, or null
 * @param analysis     the model's analysis (Terminus 1: state_analysis), or null where absent in a lenient read
 * @param plan         the model's plan (Terminus 1: explanation)
 * @param commands     the commands to type; empty when the answer has errors in a strict read
 * @param taskComplete whether the model said the task is done, or null where it did not say
 * @param empty        nothing was answered (lenient reads only)
 */
public record TerminusTurn(String body, String reasoning, String analysis, String plan, List<TerminalCommand> commands,
                           Boolean taskComplete, boolean empty, List<String> errors, List<String> warnings) {

    public TerminusTurn {
        commands = List.copyOf(commands);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** No errors: the answer can be acted on. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** The model said the task is done. */
    public boolean complete() {
        return Boolean.TRUE.equals(taskComplete);
    }

    /** The errors in one line, or null when there are none. */
    public String error() {
        return errors.isEmpty() ? null : String.join("; ", errors);
    }
}
