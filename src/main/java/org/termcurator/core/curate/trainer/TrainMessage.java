package org.termcurator.core.curate.trainer;

import java.util.List;

/**
 * One message of a conversation shaped for training, independent of the file it goes into.
 *
 * @param role       system, user, assistant or tool
 * @param reasoning  an assistant's reasoning when written as its own field, else null
 * @param toolCalls  an assistant's calls (empty for text-protocol answers)
 * @param toolCallId the call a tool message answers, else null
 * @param name       the function a tool message answers, else null
 * @param train      for assistant messages, whether a trainer should learn from it; null for the others
 */
public record TrainMessage(String role, String content, String reasoning, List<ToolCall> toolCalls,
                           String toolCallId, String name, Boolean train) {

    public TrainMessage {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static TrainMessage of(String role, String content) {
        return new TrainMessage(role, content, null, List.of(), null, null, null);
    }

    public boolean isAssistant() {
        return "assistant".equals(role);
    }

    public boolean trained() {
        return isAssistant() && !Boolean.FALSE.equals(train);
    }

    public TrainMessage withContent(String value) {
        return new TrainMessage(role, value, reasoning, toolCalls, toolCallId, name, train);
    }

    public TrainMessage withReasoning(String value) {
        return new TrainMessage(role, content, value, toolCalls, toolCallId, name, train);
    }

    public TrainMessage withToolCalls(List<ToolCall> value) {
        return new TrainMessage(role, content, reasoning, value, toolCallId, name, train);
    }
}
