package org.termcurator.core.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.termcurator.core.io.Mappers;

/**
 * Reads a model's answer into a {@link ParsedTask}. The answer is a JSON object (bare, in a
 * ```json fence, or with words around it); as a fallback, files each given as a path line
 * followed by a fenced block. Anything unusable is refused with the reason.
 */
public final class AnswerParser {

    private static final ObjectMapper JSON = Mappers.answerJson();
    private static final TomlMapper TOML = Mappers.toml();
    private static final Pattern JSON_FENCE = Pattern.compile("```(?:json)?\\s*\\n(\\{.*})\\s*\\n```", Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})[^`]*$");
    private static final Pattern PATH_HEADER = Pattern.compile(
            "^[#*\\s]*(?:(?:file|path)\\s*:\\s*)?`?([A-Za-z0-9_][A-Za-z0-9_./\\-]*)`?\\s*:?[*\\s]*$", Pattern.CASE_INSENSITIVE);
    private static final List<String> DIFFICULTIES = List.of("easy", "medium", "hard");

    private AnswerParser() {
    }

    public static ParsedTask parse(String answer) throws AnswerParseException {
        if (answer == null || answer.isBlank()) {
            throw new AnswerParseException("the answer is empty");
        }
        String json = jsonPart(answer);
        if (json != null) {
            try {
                return fromJson(JSON.readTree(json));
            } catch (JsonProcessingException e) {
                if (!hasFencedFiles(answer)) {
                    var location = e.getLocation();
                    throw new AnswerParseException("the answer is not valid JSON"
                            + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
                            + ": " + e.getOriginalMessage());
                }
            }
        }
        if (hasFencedFiles(answer)) {
            return fromFiles(fencedFiles(answer));
        }
        throw new AnswerParseException("the answer holds neither a JSON object nor files in fenced blocks");
    }

    private static String jsonPart(String answer) {
        Matcher fence = JSON_FENCE.matcher(answer);
        if (fence.find()) {
            return fence.group(1);
        }
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        return start >= 0 && end > start ? answer.substring(start, end + 1) : null;
    }

    private static ParsedTask fromJson(JsonNode root) throws AnswerParseException {
        if (!root.isObject()) {
            throw new AnswerParseException("the answer's JSON is not an object");
        }
        Map<String, String> environment = textMap(root, "environment_files");
        Map<String, String> tests = textMap(root, "tests");
        String instruction = text(root, "instruction");
        String dockerfile = text(root, "dockerfile");
        // a generic "files" map with task-relative paths is accepted too
        for (var entry : textMap(root, "files").entrySet()) {
            String path = entry.getKey();
            if (path.equals("instruction.md") && instruction == null) {
                instruction = entry.getValue();
            } else if (path.equals("environment/Dockerfile") && dockerfile == null) {
                dockerfile = entry.getValue();
            } else if (path.startsWith("environment/")) {
                environment.put(path.substring("environment/".length()), entry.getValue());
            } else if (path.startsWith("tests/")) {
                tests.put(path.substring("tests/".length()), entry.getValue());
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        JsonNode weightNode = root.path("test_weights");
        if (weightNode.isObject()) {
            for (var entry : weightNode.properties()) {
                if (!entry.getValue().isNumber() || entry.getValue().asDouble() < 0) {
                    throw new AnswerParseException("test_weights." + entry.getKey() + " is not a number of 0 or more");
                }
                weights.put(entry.getKey(), entry.getValue().asDouble());
            }
        }
        List<String> tags = new ArrayList<>();
        root.path("tags").forEach(tag -> tags.add(tag.asText()));
        return checked(text(root, "name"), text(root, "difficulty"), text(root, "category"), tags, instruction, dockerfile,
                environment, tests, weights);
    }

    private static ParsedTask fromFiles(Map<String, String> files) throws AnswerParseException {
        String instruction = files.remove("instruction.md");
        String dockerfile = files.remove("environment/Dockerfile");
        if (dockerfile == null) {
            dockerfile = files.remove("Dockerfile");
        }
        String name = null;
        String difficulty = null;
        String category = null;
        List<String> tags = new ArrayList<>();
        String toml = files.remove("task.toml");
        if (toml != null) {
            try {
                JsonNode config = TOML.readTree(toml);
                name = text(config.path("task"), "name");
                difficulty = text(config.path("metadata"), "difficulty");
                category = text(config.path("metadata"), "category");
                config.path("metadata").path("tags").forEach(tag -> tags.add(tag.asText()));
            } catch (JsonProcessingException e) {
                throw new AnswerParseException("task.toml in the answer is not valid TOML: " + e.getOriginalMessage());
            }
        }
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, String> tests = new LinkedHashMap<>();
        for (var entry : files.entrySet()) {
            if (entry.getKey().startsWith("environment/")) {
                environment.put(entry.getKey().substring("environment/".length()), entry.getValue());
            } else if (entry.getKey().startsWith("tests/")) {
                tests.put(entry.getKey().substring("tests/".length()), entry.getValue());
            } else if (entry.getKey().startsWith("solution/")) {
                continue; // generated tasks carry no oracle solution
            } else {
                environment.put(entry.getKey(), entry.getValue());
            }
        }
        return checked(name, difficulty, category, tags, instruction, dockerfile, environment, tests, Map.of());
    }

    private static ParsedTask checked(String name, String difficulty, String category, List<String> tags,
                                      String instruction, String dockerfile, Map<String, String> environment,
                                      Map<String, String> tests, Map<String, Double> weights) throws AnswerParseException {
        if (instruction == null || instruction.isBlank()) {
            throw new AnswerParseException("the answer has no instruction");
        }
        if (tests.isEmpty()) {
            throw new AnswerParseException("the answer has no tests");
        }
        for (String path : environment.keySet()) {
            checkPath("environment/", path);
        }
        for (String path : tests.keySet()) {
            checkPath("tests/", path);
        }
        String level = difficulty == null ? null : difficulty.strip().toLowerCase(Locale.ROOT);
        if (level != null && !DIFFICULTIES.contains(level)) {
            level = null; // a free-form difficulty is dropped rather than failing a good task
        }
        return new ParsedTask(name, level, category, tags, instruction.strip() + "\n",
                dockerfile == null || dockerfile.isBlank() ? null : dockerfile, environment, tests, weights);
    }

    private static void checkPath(String folder, String path) throws AnswerParseException {
        if (path.isBlank() || path.startsWith("/") || path.contains("\\") || List.of(path.split("/")).contains("..")) {
            throw new AnswerParseException("the file path '" + folder + path + "' leaves the task folder");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Map<String, String> textMap(JsonNode root, String field) throws AnswerParseException {
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw new AnswerParseException("'" + field + "' must map file paths to their content");
        }
        for (var entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new AnswerParseException("'" + field + "." + entry.getKey() + "' is not text");
            }
            map.put(entry.getKey().strip(), entry.getValue().asText());
        }
        return map;
    }

    private static boolean hasFencedFiles(String answer) {
        return !fencedFiles(answer).isEmpty();
    }

    /** Files written as a path line (a heading, "File: x", or `x`) directly above a fenced block. */
    static Map<String, String> fencedFiles(String answer) {
        Map<String, String> files = new LinkedHashMap<>();
        String[] lines = answer.split("\r?\n", -1);
        String path = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i].strip());
            if (fence.matches() && path != null) {
                String marker = fence.group(1);
                StringBuilder body = new StringBuilder();
                int j = i + 1;
                while (j < lines.length && !lines[j].strip().equals(marker)) {
                    body.append(lines[j]).append('\n');
                    j++;
                }
                files.put(path, body.toString());
                path = null;
                i = j;
                continue;
            }
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher header = PATH_HEADER.matcher(lines[i]);
            path = header.matches() && looksLikePath(header.group(1)) ? header.group(1) : null;
        }
        return files;
    }

    private static boolean looksLikePath(String candidate) {
        return candidate.contains("/") || candidate.contains(".") || candidate.equals("Dockerfile");
    }

}
