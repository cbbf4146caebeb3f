package org.termcurator.core.rollouts.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few settings of a Harbor task folder that a rollout needs. Read straight from task.toml
 * so rollouts work on any folder; the task store's model can stand in for it later.
 *
 * @param memoryMb 0 when the task sets no limit (the rollout then takes the user's default)
 * @param cpus 0 when the task sets no limit (the rollout then takes the user's default)
 * @param storageMb disk the task may write, 0 when it sets none (the rollout then takes the user's default)
 * @param dockerImage a prebuilt image named by the task, or null
 */
public record RolloutTaskSpec(String name, Path dir, String instruction, double cpus, long memoryMb,
                              boolean allowInternet, String dockerImage, double agentTimeoutSec,
                              double verifierTimeoutSec, long storageMb) {

    /** Harbor's defaults when task.toml says nothing. */
    public static final double DEFAULT_AGENT_TIMEOUT_SEC = 600;
    public static final double DEFAULT_VERIFIER_TIMEOUT_SEC = 600;

    private static final TomlMapper TOML = new TomlMapper();
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)i?b?", Pattern.CASE_INSENSITIVE);

    public RolloutTaskSpec {
        dir = dir.toAbsolutePath().normalize();
    }

    public Path environmentDir() {
        return dir.resolve("environment");
    }

    public Path testsDir() {
        return dir.resolve("tests");
    }

    public Path solutionDir() {
        return dir.resolve("solution");
    }

    /** Reads task.toml and instruction.md of a Harbor task folder. */
    public static RolloutTaskSpec fromTaskDir(Path dir) throws TaskSpecException {
        Path taskDir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(taskDir)) {
            throw new TaskSpecException(taskDir + " is not a task folder (no such directory)");
        }
        Path toml = taskDir.resolve("task.toml");
        JsonNode root = readToml(toml);
        Path instructionFile = taskDir.resolve("instruction.md");
        String instruction;
        try {
            instruction = Files.readString(instructionFile);
        } catch (IOException e) {
            throw new TaskSpecException(instructionFile + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (!Files.isRegularFile(taskDir.resolve("tests").resolve("test.sh"))) {
            throw new TaskSpecException(taskDir.resolve("tests/test.sh") + " is missing: the task cannot be verified");
        }
        JsonNode environment = root.path("environment");
        double cpus = number(toml, environment, "environment", "cpus", 0);
        long memoryMb = sizeMb(toml, environment, "memory_mb", "memory");
        long storageMb = sizeMb(toml, environment, "storage_mb", "storage");
        boolean allowInternet = bool(toml, environment, "environment", "allow_internet", false);
        String dockerImage = text(toml, environment, "environment", "docker_image");
        double agentTimeout = number(toml, root.path("agent"), "agent", "timeout_sec", DEFAULT_AGENT_TIMEOUT_SEC);
        double verifierTimeout = number(toml, root.path("verifier"), "verifier", "timeout_sec",
                DEFAULT_VERIFIER_TIMEOUT_SEC);
        if (dockerImage == null && !Files.isDirectory(taskDir.resolve("environment"))) {
            throw new TaskSpecException(taskDir.resolve("environment") + " is missing and task.toml names no docker_image");
        }
        return new RolloutTaskSpec(taskDir.getFileName().toString(), taskDir, instruction, cpus, memoryMb,
                allowInternet, dockerImage, agentTimeout, verifierTimeout, storageMb);
    }

    private static JsonNode readToml(Path toml) throws TaskSpecException {
        String text;
        try {
            text = Files.readString(toml);
        } catch (IOException e) {
            throw new TaskSpecException(toml + " cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            return TOML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new TaskSpecException(toml + " is not valid TOML" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The field's value, or null when it is missing or TOML-null. */
    private static JsonNode field(JsonNode table, String name) {
        JsonNode value = table.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static double number(Path toml, JsonNode table, String tableName, String field, double fallback)
            throws TaskSpecException {
        JsonNode value = field(table, field);
        if (value == null) {
            return fallback;
        }
        if (value.isNumber()) {
            return checkNotNegative(toml, tableName, field, value.doubleValue());
        }
        if (value.isTextual()) {
            try {
                return checkNotNegative(toml, tableName, field, Double.parseDouble(value.textValue().strip()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw badField(toml, tableName, field, "a number", value);
    }

    private static double checkNotNegative(Path toml, String tableName, String field, double value)
            throws TaskSpecException {
        if (value < 0 || Double.isNaN(value)) {
            throw new TaskSpecException(toml + " [" + tableName + "] " + field + ": must not be negative, got " + value);
        }
        return value;
    }

    private static boolean bool(Path toml, JsonNode table, String tableName, String field, boolean fallback)
            throws TaskSpecException {
        JsonNode value = field(table, field);
        if (value == null) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        throw badField(toml, tableName, field, "true or false", value);
    }

    private static String text(Path toml, JsonNode table, String tableName, String field) throws TaskSpecException {
        JsonNode value = field(table, field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw badField(toml, tableName, field, "a string", value);
        }
        String stripped = value.textValue().strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** memory_mb / storage_mb (a number of MiB) or the older memory / storage = "2G" / "512M". */
    private static long sizeMb(Path toml, JsonNode environment, String mbField, String sizeField)
            throws TaskSpecException {
        if (environment.has(mbField)) {
            return Math.round(number(toml, environment, "environment", mbField, 0));
        }
        JsonNode memory = field(environment, sizeField);
        if (memory == null) {
            return 0;
        }
        if (memory.isNumber()) {
            return memory.longValue();
        }
        Matcher matcher = memory.isTextual() ? SIZE.matcher(memory.textValue().strip()) : null;
        if (matcher == null || !matcher.matches()) {
            throw badField(toml, "environment", sizeField, "a size such as \"2G\" or \"512M\"", memory);
        }
        double amount = Double.parseDouble(matcher.group(1));
        double megabytes = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> amount / 1024;
            case "g" -> amount * 1024;
            case "t" -> amount * 1024 * 1024;
            default -> amount; // "M" or no unit
        };
        return Math.round(megabytes);
    }

    private static TaskSpecException badField(Path toml, String tableName, String field, String expected, JsonNode got) {
        return new TaskSpecException(toml + " [" + tableName + "] " + field + ": expected " + expected + ", got " + got);
    }
}
