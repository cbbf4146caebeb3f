package org.termcurator.core.terminus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.termcurator.core.io.Mappers;

/**
 * One model answer in the Terminus JSON turn protocol: {analysis, plan, commands:
 * [{keystrokes, duration}], task_complete}. Problems that make the answer unusable are
 * errors (the model is asked again); problems that were worked around are warnings (told to
 * the model with the next terminal output).
 */
public record TerminusResponse(String analysis, String plan, List<TerminalCommand> commands, boolean taskComplete,
                               List<String> errors, List<String> warnings) {

    public static final double DEFAULT_DURATION = TerminusProtocol.DEFAULT_DURATION_SEC;
    private static final ObjectMapper JSON = Mappers.json();
    private static final Set<String> COMMAND_FIELDS = Set.of("keystrokes", "duration");

    public TerminusResponse {
        commands = List.copyOf(commands);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public static TerminusResponse parse(String content) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String text = content == null ? "" : content.strip();
        int start = text.indexOf('{');
        int end = start < 0 ? -1 : matchingBrace(text, start);
        if (start < 0 || end < 0) {
            errors.add("No valid JSON object found in the response");
            return failed(errors, warnings);
        }
        String before = stripFence(text.substring(0, start));
        String after = stripFence(text.substring(end + 1));
        if (!before.isBlank()) {
            warnings.add("Extra text detected before the JSON object");
        }
        if (!after.isBlank()) {
            warnings.add("Extra text detected after the JSON object");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            errors.add("Invalid JSON: " + e.getOriginalMessage());
            return failed(errors, warnings);
        }
        boolean taskComplete = taskComplete(root.get("task_complete"), errors, warnings);
        List<String> missing = new ArrayList<>();
        for (String field : List.of("analysis", "plan")) {
            if (!root.has(field)) {
                missing.add(field);
            }
        }
        if (!root.has("commands") && !taskComplete) {
            missing.add("commands");
        }
        if (!missing.isEmpty()) {
            errors.add("Missing required fields: " + String.join(", ", missing));
        }
        String analysis = string(root, "analysis", errors);
        String plan = string(root, "plan", errors);
        List<TerminalCommand> commands = commands(root.get("commands"), errors, warnings);
        return new TerminusResponse(analysis, plan, errors.isEmpty() ? commands : List.of(), taskComplete, errors,
                warnings);
    }

    private static TerminusResponse failed(List<String> errors, List<String> warnings) {
        return new TerminusResponse("", "", List.of(), false, errors, warnings);
    }

    private static boolean taskComplete(JsonNode value, List<String> errors, List<String> warnings) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.textValue().equalsIgnoreCase("true") || value.textValue().equalsIgnoreCase("false"))) {
            warnings.add("task_complete should be a boolean, not the string \"" + value.textValue() + "\"");
            return value.textValue().equalsIgnoreCase("true");
        }
        errors.add("task_complete must be true or false");
        return false;
    }

    private static String string(JsonNode root, String field, List<String> errors) {
        JsonNode value = root.get(field);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            errors.add("Field '" + field + "' must be a string");
            return "";
        }
        return value.textValue();
    }

    private static List<TerminalCommand> commands(JsonNode value, List<String> errors, List<String> warnings) {
        List<TerminalCommand> commands = new ArrayList<>();
        if (value == null || value.isNull()) {
            return commands;
        }
        if (!value.isArray()) {
            errors.add("Field 'commands' must be an array");
            return commands;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            int number = i + 1;
            if (!item.isObject()) {
                errors.add("Command " + number + " must be an object with 'keystrokes' and 'duration'");
                continue;
            }
            JsonNode keystrokes = item.get("keystrokes");
            if (keystrokes == null || !keystrokes.isTextual()) {
                errors.add("Command " + number + " is missing the required string field 'keystrokes'");
                continue;
            }
            Set<String> unknown = new TreeSet<>();
            item.fieldNames().forEachRemaining(unknown::add);
            unknown.removeAll(COMMAND_FIELDS);
            if (!unknown.isEmpty()) {
                warnings.add("Command " + number + " has unknown fields: " + String.join(", ", unknown));
            }
            double duration = DEFAULT_DURATION;
            JsonNode given = item.get("duration");
            if (given != null && !given.isNull()) {
                if (given.isNumber() && given.doubleValue() >= 0) {
                    duration = given.doubleValue();
                } else {
                    warnings.add("Command " + number + ": duration must be a non-negative number of seconds; using "
                            + DEFAULT_DURATION);
                }
            }
            if (duration > TerminusProtocol.MAX_DURATION_SEC) {
                warnings.add("Command " + number + ": duration " + duration + " s is capped at "
                        + (int) TerminusProtocol.MAX_DURATION_SEC + " s");
                duration = TerminusProtocol.MAX_DURATION_SEC;
            }
            commands.add(new TerminalCommand(keystrokes.textValue(), duration));
        }
        for (int i = 0; i + 1 < commands.size(); i++) {
            String keys = commands.get(i).keystrokes();
            if (!keys.isEmpty() && !keys.endsWith("\n") && !org.termcurator.core.terminus.KeyNames.isKeyName(keys)) {
                warnings.add("Command " + (i + 1) + " should end with a newline when another command follows; "
                        + "otherwise the two are typed on the same line");
            }
        }
        return commands;
    }

    /** The index of the brace closing the object that opens at {@code start}, or -1. */
    private static int matchingBrace(String text, int start) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Markdown code fences around the JSON are no extra text. */
    private static String stripFence(String text) {
        return text.replaceAll("```(?:json)?", "").strip();
    }
}
