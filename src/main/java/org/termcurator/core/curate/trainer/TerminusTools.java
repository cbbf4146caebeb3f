package org.termcurator.core.curate.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.termcurator.core.io.Mappers;

/**
 * The terminal tools of a Terminus agent as OpenAI-style function schemas: {@code bash_command}
 * (keystrokes sent to the terminal, then a wait) and {@code mark_task_complete}, the names ATIF
 * files of Terminus 2 use. Written when the source names no tool definitions of its own.
 */
public final class TerminusTools {

    public static final String BASH_COMMAND = "bash_command";
    public static final String MARK_TASK_COMPLETE = "mark_task_complete";

    private static final ObjectMapper JSON = Mappers.json();
    private static final String DEFINITIONS = """
            [{"type":"function","function":{"name":"bash_command","description":"Send keystrokes to the terminal \
            (tmux key names such as C-c allowed; end with a newline to press Enter), then wait before reading the \
            screen.","parameters":{"type":"object","properties":{"keystrokes":{"type":"string","description":\
            "The exact keystrokes to send."},"duration":{"type":"number","description":"Seconds to wait for the \
            command (default 1, at most 60)."}},"required":["keystrokes"]}}},\
            {"type":"function","function":{"name":"mark_task_complete","description":"Say that the task is done; \
            the harness asks to confirm.","parameters":{"type":"object","properties":{}}}}]""";

    private TerminusTools() {
    }

    public static List<JsonNode> definitions() {
        try {
            List<JsonNode> list = new ArrayList<>();
            JSON.readTree(DEFINITIONS).forEach(list::add);
            return list;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * ATIF {@code agent.tool_definitions} as function schemas: entries already in the OpenAI shape
     * stay as they are, bare {name, description, parameters} ones are wrapped.
     */
    public static List<JsonNode> fromAtif(JsonNode definitions) {
        List<JsonNode> list = new ArrayList<>();
        if (definitions == null || !definitions.isArray()) {
            return list;
        }
        for (JsonNode definition : definitions) {
            if (definition.has("function")) {
                list.add(definition);
            } else if (definition.has("name")) {
                var wrapped = JSON.createObjectNode().put("type", "function");
                wrapped.set("function", definition);
                list.add(wrapped);
            }
        }
        return list;
    }
}
