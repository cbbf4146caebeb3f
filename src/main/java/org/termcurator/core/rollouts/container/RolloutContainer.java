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
    private final KeepAlive keepAlive;
    private volatile boolean removed;
    private volatile String stopReason;
    private volatile List<Thread> keepers = List.of();
    private Set<String> tools;

    /**
     * How a container ends by itself when its owner dies (kill -9, a crash): its main process
     * exits once the owner has not renewed its lease for {@code lease}, and in any case after
     * {@code hardBound} (the task's whole time budget and a margin), so an agent that renews the
     * lease itself gains nothing. The owner renews every {@code renew}; the engine then removes
     * the container (auto-remove).
     */
    public record KeepAlive(Duration lease, Duration renew, Duration hardBound) {

        /** Beyond the agent's and the verifier's time: copying files in and out, the teardown. */
        static final Duration MARGIN = Duration.ofMinutes(10);
        static final Duration LEASE = Duration.ofSeconds(30);
        static final Duration RENEW = Duration.ofSeconds(5);

        public static KeepAlive forTask(RolloutTaskSpec task) {
            long budget = Math.round(task.agentTimeoutSec() + task.verifierTimeoutSec());
            return new KeepAlive(LEASE, RENEW, Duration.ofSeconds(budget).plus(MARGIN));
        }

        /** PID 1: a shell loop that nothing inside can kill, ending when the lease lapses or the bound is reached. */
        List<String> command() {
            return List.of("sh", "-c", "end=$(( $(date +%s) + " + hardBound.toSeconds() + " )); "
                    + "echo $(( $(date +%s) + " + lease.toSeconds() + " )) > " + LEASE_FILE + "; "
                    + "while :; do now=$(date +%s); [ \"$now\" -lt \"$end\" ] || exit 0; "
                    + "until=$(cat " + LEASE_FILE + " 2>/dev/null); "
                    + "[ -z \"$until\" ] || [ \"$now\" -lt \"$until\" ] || exit 0; sleep 1; done");
        }

        List<String> renewal() {
            return List.of("sh", "-c", "echo $(( $(date +%s) + " + lease.toSeconds() + " )) > " + LEASE_FILE);
        }
    }

    /** The lease file; a missing one (an agent cleaning up) waits for the next renewal or the hard bound. */
    public static final String LEASE_FILE = "/.curator-lease";
    /** How often the writable layer's size is checked when the disk quota is watched. */
    static final Duration WATCH_EVERY = Duration.ofSeconds(2);
    /** The reason a rollout stopped because its container wrote more than its quota starts with this. */
    public static final String DISK_QUOTA_EXCEEDED = "disk quota exceeded";

    private RolloutContainer(DockerEngine engine, String id, ContainerLimits limits, KeepAlive keepAlive) {
        this.engine = engine;
        this.id = id;
        this.limits = limits;
        this.keepAlive = keepAlive;
    }

    /** With the task's limits, Harbor's defaults where it sets none. */
    public static RolloutContainer start(DockerEngine engine, String image, RolloutTaskSpec task, String rolloutKey)
            throws DockerEngineException {
        return start(engine, image, task, rolloutKey,
                ContainerLimits.of(task, ContainerLimits.Defaults.HARBOR, engine.hostResources(), PIDS_LIMIT));
    }

    /**
     * Creates and starts the container. Its main process is the {@link KeepAlive} loop as PID 1
     * (no init), which nothing inside can kill ({@link #stopAllProcesses()} relies on it) and
     * which ends by itself when the owner stops renewing its lease. The disk quota is the storage
     * driver's size option where it takes one, else watched ({@link ContainerLimits#storageEnforcement()}).
     */
    public static RolloutContainer start(DockerEngine engine, String image, RolloutTaskSpec task, String rolloutKey,
                                         ContainerLimits limits) throws DockerEngineException {
        return start(engine, image, task, rolloutKey, limits, KeepAlive.forTask(task));
    }

    public static RolloutContainer start(DockerEngine engine, String image, RolloutTaskSpec task, String rolloutKey,
                                         ContainerLimits limits, KeepAlive keepAlive) throws DockerEngineException {
        ContainerSpec spec = ContainerSpec.idle(image)
                .withCommand(keepAlive.command())
                .withAutoRemove(true)
                .withInit(false)
                .withPidsLimit(limits.pidsLimit())
                .withNetwork(task.allowInternet())
                .withLimits(limits.memoryMb() * 1024 * 1024, limits.cpus())
                .withLabels(Map.of(ROLLOUT_LABEL, rolloutKey, TASK_LABEL, task.name()));
        String id;
        if (limits.storageEnforcement().equals("storage-opt")) {
            try {
                id = engine.createContainer(spec.withStorage(limits.storageMb()));
            } catch (DockerEngineException e) {
                if (e.isUnreachable()) {
                    throw e;
                }
                // e.g. overlay2 on xfs without pquota: only trying tells
                limits = limits.withStorageEnforcement("watch", "storage_mb: the storage driver refused a size ("
                        + e.getMessage() + "); the disk quota is watched");
                id = engine.createContainer(spec);
            }
        } else {
            id = engine.createContainer(spec);
        }
        RolloutContainer container = new RolloutContainer(engine, id, limits, keepAlive);
        try {
            engine.start(id);
            container.createLogFolders();
            container.keep();
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

    /**
     * Renews the lease while the container is ours and, when the disk quota is watched, stops
     * the rollout (removes the container) once it wrote more than its quota; each on a thread of
     * its own, so a slow size check never delays a renewal.
     */
    private void keep() {
        String name = id.substring(0, Math.min(12, id.length()));
        Thread renewing = Thread.ofVirtual().name("lease-" + name).start(() -> {
            try {
                while (!removed) {
                    Thread.sleep(keepAlive.renew().toMillis());
                    if (!removed) {
                        renewLease();
                    }
                }
            } catch (InterruptedException stopped) {
                // the container is being removed, or its owner is gone
            }
        });
        Thread watching = !limits.storageEnforcement().equals("watch") ? null
                : Thread.ofVirtual().name("disk-" + name).start(() -> {
                    long quotaBytes = limits.storageMb() * 1024 * 1024;
                    try {
                        while (!removed) {
                            Thread.sleep(WATCH_EVERY.toMillis());
                            if (removed || overQuota(quotaBytes)) {
                                return;
                            }
                        }
                    } catch (InterruptedException stopped) {
                        // the container is being removed
                    }
                });
        keepers = watching == null ? List.of(renewing) : List.of(renewing, watching);
    }

    /**
     * Whether the container wrote more than its quota, and then stops it; a size the engine
     * cannot tell this time (busy, slow) is asked again at the next check.
     */
    private boolean overQuota(long quotaBytes) {
        try {
            long written = engine.writtenBytes(id);
            if (written <= quotaBytes) {
                return false;
            }
            stopReason = DISK_QUOTA_EXCEEDED + ": the container wrote " + written / (1024 * 1024)
                    + " MB, its quota is " + limits.storageMb() + " MB (storage_mb)";
            close();
            return true;
        } catch (DockerEngineException e) {
            if (!removed) {
                org.slf4j.LoggerFactory.getLogger(RolloutContainer.class)
                        .warn("container {}: its disk use could not be checked: {}", id, e.getMessage());
            }
            return removed;
        }
    }

    private void renewLease() {
        try {
            engine.exec(id, keepAlive.renewal(), SHORT_COMMAND);
        } catch (DockerEngineException e) {
            // the next renewal tries again; the lease outlasts a few missed ones
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops renewing the lease, as if the owner had died (the container then ends by itself). */
    void stopRenewing() {
        keepers.getFirst().interrupt();
    }

    /** Why the container was stopped from outside the rollout (e.g. the disk quota), or null. */
    public String stopReason() {
        return stopReason;
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
            for (Thread running : keepers) {
                if (running != Thread.currentThread()) {
                    running.interrupt();
                }
            }
        }
    }
}
