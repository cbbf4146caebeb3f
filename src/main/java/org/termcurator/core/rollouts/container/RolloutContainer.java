package org.termcurator.core.rollouts.container;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.termcurator.core.docker.ContainerSpec;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.docker.ExecResult;
import org.termcurator.core.docker.FileChange;
import org.termcurator.core.docker.TarArchives;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;

/**
 * The container of one rollout: started from the task image with the task's limits, the app's
 * labels, no network unless the task allows it, never privileged and with no host mounts.
 * Closing it removes it, whatever state it is in, and more than once is harmless.
 */
public final class RolloutContainer implements AutoCloseable {

    public static final String ROLLOUT_LABEL = "org.termcurator.rollout";
    public static final String TASK_LABEL = "org.termcurator.task";
    /** Caps a fork bomb; far above what any terminal task needs. */
    public static final long PIDS_LIMIT = 4096;
    private static final Duration SHORT_COMMAND = Duration.ofSeconds(60);

    private final DockerEngine engine;
    private final String id;
    private final ContainerLimits limits;
    private volatile boolean removed;
    private Set<String> tools;

    private RolloutContainer(DockerEngine engine, String id, ContainerLimits limits) {
        this.engine = engine;
        this.id = id;
        this.limits = limits;
    }

    /** With the task's limits, Harbor's defaults where it sets none. */
    public static RolloutContainer start(DockerEngine engine, String image, RolloutTaskSpec task, String rolloutKey)
            throws DockerEngineException {
        return start(engine, image, task, rolloutKey,
                ContainerLimits.of(task, ContainerLimits.Defaults.HARBOR, engine.hostResources(), PIDS_LIMIT));
    }

    /**
     * Creates and starts the container. Its main process is {@code sleep infinity} as PID 1 (no
     * init), which nothing inside can kill: {@link #stopAllProcesses()} relies on it.
     */
    public static RolloutContainer start(DockerEngine engine, String image, RolloutTaskSpec task, String rolloutKey,
                                         ContainerLimits limits) throws DockerEngineException {
        ContainerSpec spec = ContainerSpec.idle(image)
                .withInit(false)
                .withPidsLimit(limits.pidsLimit())
                .withNetwork(task.allowInternet())
                .withLimits(limits.memoryMb() * 1024 * 1024, limits.cpus())
                .withLabels(Map.of(ROLLOUT_LABEL, rolloutKey, TASK_LABEL, task.name()));
        String id = engine.createContainer(spec);
        RolloutContainer container = new RolloutContainer(engine, id, limits);
        try {
            engine.start(id);
            container.createLogFolders();
        } catch (DockerEngineException | RuntimeException e) {
            try {
                container.removeEvenIfInterrupted(); // a cancel during the start must not leave it running
            } catch (DockerEngineException removal) {
                e.addSuppressed(removal);
            }
            throw e;
        }
        return container;
    }

    public String id() {
        return id;
    }

    public DockerEngine engine() {
        return engine;
    }

    /** What the container runs with. */
    public ContainerLimits limits() {
        return limits;
    }

    /** Copies a host folder's contents to {@code containerDir} (an absolute path whose parent exists). */
    public void copyFolder(Path hostDir, String containerDir) throws DockerEngineException, IOException {
        String trimmed = containerDir.endsWith("/") ? containerDir.substring(0, containerDir.length() - 1) : containerDir;
        int slash = trimmed.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : trimmed.substring(0, slash);
        String name = trimmed.substring(slash + 1);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        TarArchives.writeTree(hostDir, name + "/", Map.of(), tar);
        engine.copyToContainer(id, new ByteArrayInputStream(tar.toByteArray()), parent);
    }

    /** /logs/agent and /logs/verifier, as Harbor tasks expect them; a tar copy costs less than an exec. */
    private void createLogFolders() throws DockerEngineException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try {
            TarArchives.writeFolders(List.of("logs/", "logs/agent/", "logs/verifier/"), tar);
        } catch (IOException e) {
            throw new IllegalStateException("an in-memory tar cannot fail", e);
        }
        engine.copyToContainer(id, new ByteArrayInputStream(tar.toByteArray()), "/");
    }

    /** Copies {@code containerPath} (file or folder) out into {@code hostDir}; false when it does not exist. */
    public boolean fetch(String containerPath, Path hostDir, long maxBytes) throws DockerEngineException, IOException {
        try (InputStream tar = engine.copyFromContainer(id, containerPath)) {
            if (tar == null) {
                return false;
            }
            TarArchives.extract(tar, hostDir, maxBytes);
            return true;
        }
    }

    /** A short command, its output kept in memory. */
    public ExecResult exec(List<String> command) throws DockerEngineException {
        try {
            return engine.exec(id, command, SHORT_COMMAND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerEngineException("interrupted while running " + command + " in " + id, false, e);
        }
    }

    /** Which of {@code names} the image has on its PATH; asked once per container. */
    public synchronized Set<String> tools(List<String> names) throws DockerEngineException {
        if (tools == null) {
            StringBuilder script = new StringBuilder();
            for (String name : names) {
                script.append("command -v ").append(name).append(" >/dev/null 2>&1 && echo ").append(name).append(';');
            }
            script.append("true");
            ExecResult found = exec(List.of("sh", "-c", script.toString()));
            tools = new LinkedHashSet<>(found.stdout().lines().map(String::strip).toList());
        }
        return Set.copyOf(tools);
    }

    public List<FileChange> diff() throws DockerEngineException {
        return engine.diff(id);
    }

    /**
     * Kills every process in the container except PID 1, e.g. an agent's commands once its
     * time is up, so they cannot disturb the verifier.
     */
    public void stopAllProcesses() throws DockerEngineException {
        exec(List.of("sh", "-c", "kill -KILL -1 2>/dev/null; true"));
    }

    public boolean isRemoved() {
        return removed;
    }

    /**
     * Removes the container (force); safe to call from another thread to cancel a rollout, and
     * again after a failed attempt.
     */
    /**
     * Removes the container although this thread may be interrupted (a cancel): Docker calls fail
     * while the flag is set, so it is cleared for the removal and set again for the caller to see.
     */
    public void removeEvenIfInterrupted() throws DockerEngineException {
        boolean interrupted = Thread.interrupted();
        try {
            close();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() throws DockerEngineException {
        if (!removed) {
            engine.remove(id);
            removed = true;
        }
    }
}
