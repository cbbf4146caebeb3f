package org.termcurator.core.terminus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.termcurator.core.io.Mappers;

/**
 * Reads one model answer of the Terminus turn protocol: {analysis, plan, commands:
 * [{keystrokes, duration}], task_complete}. Nothing is thrown: what is wrong comes back as the
 * errors and warnings of a {@link TerminusTurn}.
 *
 * <ul>
 *   <li>{@link Mode#STRICT}: the live agent's rules. Plain JSON (text and code fences around it
 *   are warnings), the Terminus 2 fields with their types, durations defaulted and capped.</li>
 *   <li>{@link Mode#LENIENT}: the importer's. Also a leading {@code <think>} block, Terminus 1's
 *   field names, the XML variant, JSON with the liberties models take. An answer in the live
 *   agent's own dialect (Terminus 2 JSON) is still held to the strict rules, so a turn the
 *   agent was told is invalid is read as invalid here too.</li>
 * </ul>
 */
public final class TerminusCodec {

    /** Which rules an answer is read by. */
    public enum Mode { STRICT, LENIENT }

    private static final ObjectMapper JSON = Mappers.json();
    private static final ObjectMapper LENIENT_JSON = Mappers.lenientTurnJson();
    private static final Set<String> COMMAND_FIELDS = Set.of(TerminalCommand.KEYSTROKES, TerminalCommand.DURATION);
    private static final Set<String> TERMINUS_1_FIELDS = Set.of("state_analysis", "explanation", "is_task_complete");

    private static final Pattern XML_FIELD = Pattern.compile("<(analysis|plan|task_complete)>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern XML_KEYSTROKES = Pattern.compile(
            "<keystrokes((?:\\s+[a-z_]+\\s*=\\s*\"[^\"]*\")*)\\s*(?:/>|>(.*?)</keystrokes>)", Pattern.DOTALL);
    private static final Pattern XML_DURATION = Pattern.compile("duration\\s*=\\s*\"([^\"]*)\"");

    private TerminusCodec() {
    }

    public static TerminusTurn read(String content, Mode mode) {
        return mode == Mode.STRICT ? strict(content) : lenient(content);
    }

    /** The live agent's reading: errors are sent back to the model, which is asked again. */
    public static TerminusTurn strict(String content) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String text = content == null ? "" : content.strip();
        int start = text.indexOf('{');
        int end = start < 0 ? -1 : matchingBrace(text, start);
        if (start < 0 || end < 0) {
            errors.add("No valid JSON object found in the response");
            return failedStrict(content, errors, warnings);
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
            return failedStrict(content, errors, warnings);
        }
        boolean taskComplete = strictTaskComplete(root.get("task_complete"), errors, warnings);
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
        String analysis = strictString(root, "analysis", errors);
        String plan = strictString(root, "plan", errors);
        List<TerminalCommand> commands = strictCommands(root.get("commands"), errors, warnings);
        return new TerminusTurn(content, null, analysis, plan, errors.isEmpty() ? commands : List.of(), taskComplete,
                false, errors, warnings);
    }

    /** The importer's reading: everything a harness of the protocol could have accepted. */
    public static TerminusTurn lenient(String content) {
        if (content == null || content.isBlank()) {
            return new TerminusTurn(content, null, null, null, List.of(), null, true, List.of(), List.of());
        }
        String reasoning = null;
        String body = content;
        int start = leadingThink(content);
        if (start >= 0) {
            int end = content.indexOf("</think>", start);
            if (end < 0) {
                return new TerminusTurn("", content.substring(start + 7), null, null, List.of(), null, false,
                        List.of("the <think> block is not closed"), List.of());
            }
            reasoning = content.substring(start + 7, end);
            body = content.substring(end + 8);
        }
        if (body.isBlank()) {
            return new TerminusTurn(body, reasoning, null, null, List.of(), null, true,
                    List.of("no answer after the reasoning"), List.of());
        }
        TerminusTurn parsed = lenientJson(body, reasoning);
        if (!parsed.ok() && body.contains("<response>")) {
            TerminusTurn xml = xml(body, reasoning);
            if (xml != null) {
                return xml;
            }
        }
        return parsed;
    }

    // ---- strict

    private static TerminusTurn failedStrict(String content, List<String> errors, List<String> warnings) {
        return new TerminusTurn(content, null, "", "", List.of(), false, false, errors, warnings);
    }

    private static boolean strictTaskComplete(JsonNode value, List<String> errors, List<String> warnings) {
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

    private static String strictString(JsonNode root, String field, List<String> errors) {
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

    private static List<TerminalCommand> strictCommands(JsonNode value, List<String> errors, List<String> warnings) {
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
            if (!TerminalCommand.isCommand(item)) {
                errors.add("Command " + number + " is missing the required string field 'keystrokes'");
                continue;
            }
            Set<String> unknown = new TreeSet<>();
            item.fieldNames().forEachRemaining(unknown::add);
            unknown.removeAll(COMMAND_FIELDS);
            if (!unknown.isEmpty()) {
                warnings.add("Command " + number + " has unknown fields: " + String.join(", ", unknown));
            }
            double duration = TerminusProtocol.DEFAULT_DURATION_SEC;
            JsonNode given = item.get(TerminalCommand.DURATION);
            if (given != null && !given.isNull()) {
                if (given.isNumber() && given.doubleValue() >= 0) {
                    duration = given.doubleValue();
                } else {
                    warnings.add("Command " + number + ": duration must be a non-negative number of seconds; using "
                            + TerminusProtocol.DEFAULT_DURATION_SEC);
                }
            }
            if (duration > TerminusProtocol.MAX_DURATION_SEC) {
                warnings.add("Command " + number + ": duration " + duration + " s is capped at "
                        + (int) TerminusProtocol.MAX_DURATION_SEC + " s");
                duration = TerminusProtocol.MAX_DURATION_SEC;
            }
            commands.add(new TerminalCommand(item.get(TerminalCommand.KEYSTROKES).textValue(), duration));
        }
        for (int i = 0; i + 1 < commands.size(); i++) {
            String keys = commands.get(i).keystrokes();
            if (!keys.isEmpty() && !keys.endsWith("\n") && !KeyNames.isKeyName(keys)) {
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

    // ---- lenient

    /** Where a leading {@code <think>} tag starts (only whitespace before it), or -1. */
    private static int leadingThink(String content) {
        int i = 0;
        while (i < content.length() && Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        return content.startsWith("<think>", i) ? i : -1;
    }

    private static TerminusTurn lenientJson(String body, String reasoning) {
        int open = body.indexOf('{');
        int close = body.lastIndexOf('}');
        if (open < 0 || close < open) {
            return failed(body, reasoning, null, null, null, List.of(), "no JSON object in the answer");
        }
        JsonNode node;
        try (JsonParser parser = LENIENT_JSON.createParser(body.substring(open, close + 1))) {
            node = LENIENT_JSON.readTree(parser);
        } catch (IOException e) {
            return failed(body, reasoning, null, null, null, List.of(), "invalid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            return failed(body, reasoning, null, null, null, List.of(), "the answer is not a JSON object");
        }
        String analysis = text(node, "analysis", "state_analysis");
        String plan = text(node, "plan", "explanation");
        JsonNode complete = node.has("task_complete") ? node.get("task_complete") : node.get("is_task_complete");
        Boolean taskComplete = complete == null || complete.isNull() ? null : complete.asBoolean();
        JsonNode commandsNode = node.get("commands");
        List<TerminalCommand> commands = new ArrayList<>();
        if (commandsNode == null || commandsNode.isNull()) {
            if (analysis == null && plan == null && taskComplete == null) {
                return failed(body, reasoning, null, null, null, List.of(),
                        "the JSON has none of analysis, plan, commands, task_complete");
            }
            if (!Boolean.TRUE.equals(taskComplete)) {
                return failed(body, reasoning, analysis, plan, taskComplete, List.of(), "missing required field: commands");
            }
        } else if (!commandsNode.isArray()) {
            return failed(body, reasoning, analysis, plan, taskComplete, List.of(), "commands is not a list");
        } else {
            for (int i = 0; i < commandsNode.size(); i++) {
                JsonNode command = commandsNode.get(i);
                if (!TerminalCommand.isCommand(command)) {
                    return failed(body, reasoning, analysis, plan, taskComplete, commands,
                            "command " + (i + 1) + " has no keystrokes string");
                }
                commands.add(TerminalCommand.of(command));
            }
        }
        if (terminus1(node)) {
            return new TerminusTurn(body, reasoning, analysis, plan, commands, taskComplete, false, List.of(), List.of());
        }
        // The live agent's dialect: what its strict reading refuses is no valid turn here either.
        TerminusTurn strict = strict(body);
        return new TerminusTurn(body, reasoning, analysis, plan, commands, taskComplete, false, strict.errors(),
                strict.warnings());
    }

    private static boolean terminus1(JsonNode node) {
        return !node.has("analysis") && !node.has("plan") && TERMINUS_1_FIELDS.stream().anyMatch(node::has);
    }

    private static TerminusTurn xml(String body, String reasoning) {
        int open = body.indexOf("<response>");
        int close = body.indexOf("</response>", open);
        if (close < 0) {
            return null;
        }
        String response = body.substring(open, close);
        String analysis = null;
        String plan = null;
        Boolean taskComplete = null;
        Matcher field = XML_FIELD.matcher(response);
        while (field.find()) {
            String value = unescapeXml(field.group(2).strip());
            switch (field.group(1)) {
                case "analysis" -> analysis = value;
                case "plan" -> plan = value;
                default -> taskComplete = Boolean.parseBoolean(value);
            }
        }
        List<TerminalCommand> commands = new ArrayList<>();
        Matcher keystrokes = XML_KEYSTROKES.matcher(response);
        while (keystrokes.find()) {
            Matcher duration = XML_DURATION.matcher(keystrokes.group(1));
            Double seconds = null;
            if (duration.find()) {
                try {
                    seconds = Double.parseDouble(duration.group(1));
                } catch (NumberFormatException ignored) {
                    // a duration that is not a number: the harness used its default
                }
            }
            String keys = keystrokes.group(2) == null ? "" : unescapeXml(keystrokes.group(2));
            commands.add(new TerminalCommand(keys, seconds));
        }
        return new TerminusTurn(body, reasoning, analysis, plan, commands, taskComplete, false, List.of(), List.of());
    }

    private static TerminusTurn failed(String body, String reasoning, String analysis, String plan, Boolean taskComplete,
                                       List<TerminalCommand> commands, String why) {
        return new TerminusTurn(body, reasoning, analysis, plan, commands, taskComplete, false, List.of(why), List.of());
    }

    private static String text(JsonNode node, String name, String legacyName) {
        JsonNode value = node.has(name) ? node.get(name) : node.get(legacyName);
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }

    private static String unescapeXml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
