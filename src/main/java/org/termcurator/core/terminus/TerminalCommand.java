package org.termcurator.core.terminus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.termcurator.core.io.Mappers;

/**
 * Keystrokes an agent sent to its terminal, verbatim (a trailing newline presses Enter; tmux
 * key names such as {@code C-c} are kept as written), and how long it waited afterwards.
 * In JSON a command is {@code {"keystrokes": "...", "duration": seconds}}; every reader of that
 * object goes through this class (the live agent's strict checks are in {@link TerminusCodec}).
 *
 * @param duration seconds to wait, or null when the source did not say
 */
public record TerminalCommand(String keystrokes, Double duration) {

    public static final String KEYSTROKES = "keystrokes";
    public static final String DURATION = "duration";
    /** Terminus 1 named the wait this way. */
    static final String TIMEOUT_SEC = "timeout_sec";

    private static final JsonFactory STREAM = Mappers.jsonFactory();

    public TerminalCommand {
        keystrokes = keystrokes == null ? "" : keystrokes;
    }

    /** Whether {@code node} is a command object: an object with a keystrokes string. */
    public static boolean isCommand(JsonNode node) {
        return node != null && node.isObject() && node.path(KEYSTROKES).isTextual();
    }

    /**
     * The command a JSON object holds, as written: keystrokes as text ("" where missing), the
     * duration (Terminus 1's {@code timeout_sec} where there is none) or null where it is not a
     * number.
     */
    public static TerminalCommand of(JsonNode node) {
        JsonNode duration = node.has(DURATION) ? node.get(DURATION) : node.path(TIMEOUT_SEC);
        return new TerminalCommand(node.path(KEYSTROKES).asText(""), duration.isNumber() ? duration.asDouble() : null);
    }

    /**
     * Appends the keystrokes of a JSON list of commands, one line each, reading the text as a
     * stream without building a tree; a damaged list gives what was read before the damage.
     */
    public static void appendKeystrokes(String commandsJson, StringBuilder into) {
        try (JsonParser parser = STREAM.createParser(commandsJson)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && KEYSTROKES.equals(parser.currentName())) {
                    if (parser.nextToken() == JsonToken.VALUE_STRING) {
                        into.append(parser.getText()).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            // what was read before the damage stands
        }
    }
}
