package org.termcurator.core.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Harbor task.toml (the legacy {@code version = "1.0"} layout and the newer
 * {@code schema_version = "1.1"} one) and Terminal-Bench 1 task.yaml into {@link TaskSettings}.
 * Every key is kept in the config tree; only the fields curators filter on are pulled out.
 */
public final class TaskConfigParser {

    /** Terminal-Bench 1's defaults for keys a task.yaml leaves out. */
    static final String TB1_DEFAULT_CATEGORY = "software_engineering";
    static final double TB1_DEFAULT_AGENT_TIMEOUT_SEC = 360;
    static final double TB1_DEFAULT_TEST_TIMEOUT_SEC = 60;

    private static final Pattern MEMORY = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)i?b?\\s*");

    private TaskConfigParser() {
    }

    public static TaskSettings parseHarbor(String text) throws TaskDefinitionException {
        JsonNode root = parse(TaskLayout.HARBOR_CONFIG, StructuredText.Language.TOML, text);
        Fields fields = new Fields(TaskLayout.HARBOR_CONFIG, root);
        JsonNode task = root.path("task");
        JsonNode metadata = root.path("metadata");
        JsonNode environment = root.path("environment");
        Set<String> tags = new LinkedHashSet<>(fields.strings(metadata.path("tags"), "[metadata] tags"));
        tags.addAll(fields.strings(task.path("keywords"), "[task] keywords"));
        String category = fields.string(metadata.path("category"), "[metadata] category");
        if (category == null) {
            category = fields.string(metadata.path("domain"), "[metadata] domain");
        }
        return new TaskSettings(
                fields.string(task.path("name"), "[task] name"),
                category,
                fields.string(metadata.path("difficulty"), "[metadata] difficulty"),
                List.copyOf(tags),
                fields.number(root.path("agent").path("timeout_sec"), "[agent] timeout_sec"),
                fields.number(root.path("verifier").path("timeout_sec"), "[verifier] timeout_sec"),
                fields.number(environment.path("build_timeout_sec"), "[environment] build_timeout_sec"),
                fields.number(environment.path("cpus"), "[environment] cpus"),
                fields.sizeMb(environment, "memory_mb", "memory"),
                fields.sizeMb(environment, "storage_mb", "storage"),
                fields.bool(environment.path("allow_internet"), "[environment] allow_internet"),
                fields.string(environment.path("docker_image"), "[environment] docker_image"),
                null,
                root);
    }

    public static TaskSettings parseTerminalBench1(String text) throws TaskDefinitionException {
        JsonNode root = parse(TaskLayout.TB1_CONFIG, StructuredText.Language.YAML, text);
        if (!root.isObject()) {
            throw new TaskDefinitionException(TaskLayout.TB1_CONFIG, "is not a mapping of keys to values");
        }
        Fields fields = new Fields(TaskLayout.TB1_CONFIG, root);
        JsonNode instruction = root.path("instruction");
        if (instruction.isMissingNode() || instruction.isNull()) {
            throw new TaskDefinitionException(TaskLayout.TB1_CONFIG, "has no instruction");
        }
        String category = fields.string(root.path("category"), "category");
        Double agentTimeout = fields.number(root.path("max_agent_timeout_sec"), "max_agent_timeout_sec");
        Double testTimeout = fields.number(root.path("max_test_timeout_sec"), "max_test_timeout_sec");
        return new TaskSettings(
                null,
                category == null ? TB1_DEFAULT_CATEGORY : category,
                fields.string(root.path("difficulty"), "difficulty"),
                fields.strings(root.path("tags"), "tags"),
                agentTimeout == null ? TB1_DEFAULT_AGENT_TIMEOUT_SEC : agentTimeout,
                testTimeout == null ? TB1_DEFAULT_TEST_TIMEOUT_SEC : testTimeout,
                null, null, null, null, null, null,
                instruction.isTextual() ? instruction.asText() : fields.string(instruction, "instruction"),
                root);
    }

    private static JsonNode parse(String file, StructuredText.Language language, String text)
            throws TaskDefinitionException {
        try {
            return StructuredText.parse(language, text);
        } catch (StructuredText.SyntaxException e) {
            throw new TaskDefinitionException(file, e.problem().line(),
                    "invalid " + language.name() + ": " + e.problem().message());
        }
    }

    /** Typed reads of optional values, with errors that name the key. */
    private record Fields(String file, JsonNode root) {

        String string(JsonNode node, String key) throws TaskDefinitionException {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (node.isContainerNode()) {
                throw new TaskDefinitionException(file, key + " must be a single value, not " + node);
            }
            String value = node.asText().strip();
            return value.isEmpty() ? null : value;
        }

        Double number(JsonNode node, String key) throws TaskDefinitionException {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (node.isNumber()) {
                return node.asDouble();
            }
            if (node.isTextual()) {
                try {
                    return Double.parseDouble(node.asText().strip());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw new TaskDefinitionException(file, key + " must be a number, not " + node);
        }

        Boolean bool(JsonNode node, String key) throws TaskDefinitionException {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (node.isBoolean()) {
                return node.asBoolean();
            }
            String text = node.asText().strip().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new TaskDefinitionException(file, key + " must be true or false, not " + node);
        }

        /** A list of strings; a single comma-separated string is accepted too. */
        List<String> strings(JsonNode node, String key) throws TaskDefinitionException {
            List<String> values = new ArrayList<>();
            if (node.isMissingNode() || node.isNull()) {
                return values;
            }
            if (node.isArray()) {
                for (JsonNode element : node) {
                    String value = string(element, key);
                    if (value != null) {
                        values.add(value);
                    }
                }
                return values;
            }
            String text = string(node, key);
            if (text != null) {
                for (String part : text.split(",")) {
                    if (!part.isBlank()) {
                        values.add(part.strip());
                    }
                }
            }
            return values;
        }

        /** memory_mb / storage_mb (MiB), or the old {@code memory = "2G"} / {@code storage} form. */
        Long sizeMb(JsonNode environment, String mbKey, String sizeKey) throws TaskDefinitionException {
            Double megabytes = number(environment.path(mbKey), "[environment] " + mbKey);
            if (megabytes != null) {
                return Math.round(megabytes);
            }
            JsonNode memory = environment.path(sizeKey);
            if (memory.isMissingNode() || memory.isNull()) {
                return null;
            }
            if (memory.isNumber()) {
                return memory.asLong();
            }
            Matcher matcher = MEMORY.matcher(memory.asText());
            if (!matcher.matches()) {
                throw new TaskDefinitionException(file, "[environment] " + sizeKey + " must be a size like \"2G\", not " + memory);
            }
            double amount = Double.parseDouble(matcher.group(1));
            double factor = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 1.0 / 1024;
                case "g" -> 1024;
                case "t" -> 1024 * 1024;
                default -> 1; // no unit or M: megabytes
            };
            return Math.round(amount * factor);
        }
    }
}
