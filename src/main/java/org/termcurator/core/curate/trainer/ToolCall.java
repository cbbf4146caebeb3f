package org.termcurator.core.curate.trainer;

import com.fasterxml.jackson.databind.JsonNode;

/** One function call of an assistant message: {id, type: "function", function: {name, arguments}}. */
public record ToolCall(String id, String name, JsonNode arguments) {
}
