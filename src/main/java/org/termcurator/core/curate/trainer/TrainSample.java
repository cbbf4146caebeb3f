package org.termcurator.core.curate.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A conversation shaped for training: its messages, the JSON schemas of the tools its calls use
 * (empty in the text protocol), and the chat template's switches the source asked for.
 *
 * @param enableThinking the row's {@code chat_template_kwargs.enable_thinking}, null when the source does not say
 */
public record TrainSample(List<TrainMessage> messages, List<JsonNode> tools, Boolean enableThinking) {

    public TrainSample {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }

    public int maskedTurns() {
        return (int) messages.stream().filter(m -> m.isAssistant() && !m.trained()).count();
    }

    public int trainedTurns() {
        return (int) messages.stream().filter(TrainMessage::trained).count();
    }
}
