package org.termcurator.core.curate.trainer;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a conversation is shaped for a trainer.
 *
 * @param tools                the agent's commands as its own answer text, or as structured tool calls
 * @param reasoning            where the model's reasoning goes
 * @param keepEarlierReasoning keep the reasoning of every assistant turn, not only the last one of a row
 *                             (Qwen3-style templates drop earlier reasoning when rendering)
 */
public record Shape(ToolStyle tools, ReasoningStyle reasoning, Boolean keepEarlierReasoning) {

    public enum ToolStyle {
        /** The agent's own answer text (Terminus JSON, a THOUGHT and bash block, ...). */
        @JsonProperty("text") TEXT,
        /** Assistant {@code tool_calls} and {@code tool} messages with the terminal's output, plus a tools column. */
        @JsonProperty("tool-calls") TOOL_CALLS
    }

    public enum ReasoningStyle {
        /** {@code reasoning_content} beside the content. */
        @JsonProperty("field") FIELD,
        /** Inline {@code <think>...</think>} before the content. */
        @JsonProperty("think-tags") THINK_TAGS,
        /** Left out. */
        @JsonProperty("drop") DROP
    }

    public Shape {
        tools = tools == null ? ToolStyle.TOOL_CALLS : tools;
        reasoning = reasoning == null ? ReasoningStyle.FIELD : reasoning;
        keepEarlierReasoning = keepEarlierReasoning == null || keepEarlierReasoning;
    }
}
