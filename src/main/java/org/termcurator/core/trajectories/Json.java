package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.termcurator.core.io.Mappers;

/** The JSON reading every importer shares: one mapper, and lookups that say null instead of throwing. */
final class Json {

    // Whole terminal sessions in one string, exact decimals: see Mappers.recordingJson.
    static final ObjectMapper MAPPER = Mappers.recordingJson();

    private Json() {
    }

    static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    static JsonNode read(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }

    /** A file's JSON; IllegalArgumentException naming the file when it is not JSON. */
    static JsonNode parse(byte[] bytes, String name) {
        if (bytes == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        try {
            return read(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": invalid JSON (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    /** "an array", "a string", ... for messages that say what was found where an object was expected. */
    static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        String type = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    static Long longValue(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    static Double doubleValue(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Boolean booleanValue(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isBoolean() ? value.asBoolean() : null;
    }

    /** A copy of {@code node} without the named fields: what a source held beyond what the model maps. */
    static ObjectNode without(JsonNode node, String... fields) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(java.util.List.of(fields));
        return copy;
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
