package org.termcurator.core.rollouts.task;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.termcurator.core.tasks.TaskConfigParser;
import org.termcurator.core.tasks.TaskDefinitionException;
import org.termcurator.core.tasks.TaskLayout;
import org.termcurator.core.tasks.TaskSettings;

/**
 * The few settings of a Harbor task folder that a rollout needs, read from the folder itself so
 * rollouts work on any folder; task.toml goes through {@link TaskConfigParser}, the one reader
 * of task configs.
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

    /**
     * Reads task.toml (through the task store's own reader, so a rollout sees the values an
     * import would) and instruction.md of a Harbor task folder.
     */
    public static RolloutTaskSpec fromTaskDir(Path dir) throws TaskSpecException {
        Path taskDir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(taskDir)) {
            throw new TaskSpecException(taskDir + " is not a task folder (no such directory)");
        }
        TaskSettings settings = readConfig(taskDir);
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
        Path toml = taskDir.resolve(TaskLayout.HARBOR_CONFIG);
        double cpus = notNegative(toml, "[environment] cpus", settings.cpus(), 0);
        long memoryMb = Math.round(notNegative(toml, "[environment] memory", settings.memoryMb() == null ? null
                : settings.memoryMb().doubleValue(), 0));
        long storageMb = Math.round(notNegative(toml, "[environment] storage", settings.storageMb() == null ? null
                : settings.storageMb().doubleValue(), 0));
        boolean allowInternet = Boolean.TRUE.equals(settings.allowInternet());
        String dockerImage = settings.dockerImage();
        double agentTimeout = notNegative(toml, "[agent] timeout_sec", settings.agentTimeoutSec(),
                DEFAULT_AGENT_TIMEOUT_SEC);
        double verifierTimeout = notNegative(toml, "[verifier] timeout_sec", settings.verifierTimeoutSec(),
                DEFAULT_VERIFIER_TIMEOUT_SEC);
        if (dockerImage == null && !Files.isDirectory(taskDir.resolve("environment"))) {
            throw new TaskSpecException(taskDir.resolve("environment") + " is missing and task.toml names no docker_image");
        }
        return new RolloutTaskSpec(taskDir.getFileName().toString(), taskDir, instruction, cpus, memoryMb,
                allowInternet, dockerImage, agentTimeout, verifierTimeout, storageMb);
    }

    private static TaskSettings readConfig(Path taskDir) throws TaskSpecException {
        Path toml = taskDir.resolve(TaskLayout.HARBOR_CONFIG);
        String text;
        try {
            text = Files.readString(toml);
        } catch (IOException e) {
            throw new TaskSpecException(toml + " cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            return TaskConfigParser.parseHarbor(text);
        } catch (TaskDefinitionException e) {
            // the reader names the file within the task ("task.toml line 3: ..."); a rollout names the folder too
            throw new TaskSpecException(taskDir + (e.file() == null ? ": " : File.separator) + e.getMessage(), e);
        }
    }

    /** The value, or the fallback where the task sets none; a negative value is refused. */
    private static double notNegative(Path toml, String key, Double value, double fallback) throws TaskSpecException {
        if (value == null) {
            return fallback;
        }
        if (value < 0 || Double.isNaN(value)) {
            throw new TaskSpecException(toml + ": " + key + " must not be negative, got " + value);
        }
        return value;
    }
}
