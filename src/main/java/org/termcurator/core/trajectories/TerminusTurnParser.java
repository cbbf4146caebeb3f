package org.termcurator.core.trajectories;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.terminus.TerminusProtocol;
import org.termcurator.core.io.Mappers;

/**
 * Reads what a model answered in one Terminus turn: an optional leading {@code <think>} block,
 * then the JSON object (Terminus 2: analysis, plan, commands, task_complete; Terminus 1:
 * state_analysis, explanation, commands with timeout_sec, is_task_complete) or the XML variant.
 * Also recognises the harness's replies to bad turns.
 */
public final class TerminusTurnParser {


    // Models write JSON with small liberties; the harness accepted those too.
    private static final ObjectMapper LENIENT = Mappers.lenientTurnJson();

    private static final Pattern XML_FIELD = Pattern.compile("<(analysis|plan|task_complete)>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern XML_KEYSTROKES = Pattern.compile(
            "<keystrokes((?:\\s+[a-z_]+\\s*=\\s*\"[^\"]*\")*)\\s*(?:/>|>(.*?)</keystrokes>)", Pattern.DOTALL);
    private static final Pattern XML_DURATION = Pattern.compile("duration\\s*=\\s*\"([^\"]*)\"");

    private TerminusTurnParser() {
    }

    /** An assistant turn read into the step model. */
    public static Step assistant(String content) {
        if (content == null || content.isBlank()) {
            return new Step(0, "assistant", content, null, List.of(), null, null, ParseStatus.EMPTY,
                    null, null, null, null, null, null, null);
        }
        String reasoning = null;
        String body = content;
        int start = leadingThink(content);
        if (start >= 0) {
            int end = content.indexOf("</think>", start);
            if (end < 0) {
                return new Step(0, "assistant", "", content.substring(start + 7), List.of(), null, null,
                        ParseStatus.PARSE_ERROR, null, null, null, "the <think> block is not closed", null, null, null);
            }
            reasoning = content.substring(start + 7, end);
            body = content.substring(end + 8);
        }
        if (body.isBlank()) {
            return new Step(0, "assistant", body, reasoning, List.of(), null, null, ParseStatus.EMPTY,
                    null, null, null, "no answer after the reasoning", null, null, null);
        }
        Step parsed = fromJson(body, reasoning);
        if (parsed.parseStatus() != ParseStatus.OK && body.contains("<response>")) {
            Step xml = fromXml(body, reasoning);
            if (xml != null) {
                return xml;
            }
        }
        return parsed;
    }

    /** A user turn: marks the harness's replies to a bad answer. */
    public static Step user(String content) {
        Step step = Step.of("user", content);
        if (content != null) {
            String head = content.stripLeading();
            if (head.startsWith(TerminusProtocol.PARSING_ERRORS_PREFIX) || head.startsWith(TerminusProtocol.WARNINGS_PREFIX)) {
                return step.withStatus(ParseStatus.HARNESS_ERROR,
                        head.startsWith(TerminusProtocol.PARSING_ERRORS_PREFIX) ? "parsing errors" : "warnings");
            }
        }
        return step;
    }

    /** Where a leading {@code <think>} tag starts (only whitespace before it), or -1. */
    private static int leadingThink(String content) {
        int i = 0;
        while (i < content.length() && Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        return content.startsWith("<think>", i) ? i : -1;
    }

    private static Step fromJson(String body, String reasoning) {
        int open = body.indexOf('{');
        int close = body.lastIndexOf('}');
        if (open < 0 || close < open) {
            return failed(body, reasoning, "no JSON object in the answer");
        }
        JsonNode node;
        try (JsonParser parser = LENIENT.createParser(body.substring(open, close + 1))) {
            node = LENIENT.readTree(parser);
        } catch (java.io.IOException e) {
            return failed(body, reasoning, "invalid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            return failed(body, reasoning, "the answer is not a JSON object");
        }
        String analysis = text(node, "analysis", "state_analysis");
        String plan = text(node, "plan", "explanation");
        JsonNode complete = node.has("task_complete") ? node.get("task_complete") : node.get("is_task_complete");
        Boolean taskComplete = complete == null || complete.isNull() ? null : complete.asBoolean();
        JsonNode commandsNode = node.get("commands");
        if (commandsNode == null || commandsNode.isNull()) {
            if (analysis == null && plan == null && taskComplete == null) {
                return failed(body, reasoning, "the JSON has none of analysis, plan, commands, task_complete");
            }
            if (!Boolean.TRUE.equals(taskComplete)) {
                return new Step(0, "assistant", body, reasoning, List.of(), null, null, ParseStatus.PARSE_ERROR,
                        analysis, plan, taskComplete, "missing required field: commands", null, null, null);
            }
            return new Step(0, "assistant", body, reasoning, List.of(), null, null, ParseStatus.OK,
                    analysis, plan, taskComplete, null, null, null, null);
        }
        if (!commandsNode.isArray()) {
            return new Step(0, "assistant", body, reasoning, List.of(), null, null, ParseStatus.PARSE_ERROR,
                    analysis, plan, taskComplete, "commands is not a list", null, null, null);
        }
        List<TerminalCommand> commands = new ArrayList<>();
        for (int i = 0; i < commandsNode.size(); i++) {
            JsonNode command = commandsNode.get(i);
            JsonNode keys = command.get("keystrokes");
            if (!command.isObject() || keys == null || !keys.isTextual()) {
                return new Step(0, "assistant", body, reasoning, commands, null, null, ParseStatus.PARSE_ERROR,
                        analysis, plan, taskComplete, "command " + (i + 1) + " has no keystrokes string", null, null, null);
            }
            JsonNode duration = command.has("duration") ? command.get("duration") : command.get("timeout_sec");
            commands.add(new TerminalCommand(keys.asText(),
                    duration == null || !duration.isNumber() ? null : duration.asDouble()));
        }
        return new Step(0, "assistant", body, reasoning, commands, null, null, ParseStatus.OK,
                analysis, plan, taskComplete, null, null, null, null);
    }

    private static Step fromXml(String body, String reasoning) {
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
        return new Step(0, "assistant", body, reasoning, commands, null, null, ParseStatus.OK,
                analysis, plan, taskComplete, null, null, null, null);
    }

    private static Step failed(String body, String reasoning, String why) {
        return new Step(0, "assistant", body, reasoning, List.of(), null, null, ParseStatus.PARSE_ERROR,
                null, null, null, why, null, null, null);
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
