package org.termcurator.core.docker;

import java.util.List;
import java.util.Map;

/**
 * What a container is created with. Containers made by the app are never privileged, have
 * no network unless asked, and carry the app's labels so leftovers can be found and removed.
 *
 * @param init run Docker's init as PID 1; without it the command itself is PID 1, which a
 *             {@code kill -KILL -1} inside the container cannot stop
 * @param pidsLimit the most processes the container may run (0: no limit)
 * @param storageMb the size of the writable layer through the storage driver's size option (0: none)
 * @param autoRemove the engine removes the container once its main process ends
 */
public record ContainerSpec(String image, List<String> command, Map<String, String> labels,
                            boolean networkEnabled, long memoryBytes, double cpus, String workingDir,
                            List<String> env, boolean init, long pidsLimit, long storageMb, boolean autoRemove) {

    public ContainerSpec {
        command = List.copyOf(command);
        labels = Map.copyOf(labels);
        env = List.copyOf(env);
    }

    public ContainerSpec(String image, List<String> command, Map<String, String> labels, boolean networkEnabled,
                         long memoryBytes, double cpus, String workingDir, List<String> env, boolean init,
                         long pidsLimit) {
        this(image, command, labels, networkEnabled, memoryBytes, cpus, workingDir, env, init, pidsLimit, 0, false);
    }

    /** Another main process, e.g. a keep-alive that ends by itself. */
    public ContainerSpec withCommand(List<String> main) {
        return new ContainerSpec(image, main, labels, networkEnabled, memoryBytes, cpus, workingDir, env, init,
                pidsLimit, storageMb, autoRemove);
    }

    public ContainerSpec withStorage(long sizeMb) {
        return new ContainerSpec(image, command, labels, networkEnabled, memoryBytes, cpus, workingDir, env, init,
                pidsLimit, sizeMb, autoRemove);
    }

    public ContainerSpec withAutoRemove(boolean remove) {
        return new ContainerSpec(image, command, labels, networkEnabled, memoryBytes, cpus, workingDir, env, init,
                pidsLimit, storageMb, remove);
    }

    /** A container that stays up doing nothing, to run commands in with exec. */
    public static ContainerSpec idle(String image) {
        return new ContainerSpec(image, List.of("sleep", "infinity"), Map.of(), false, 0, 0, null, List.of(), true, 0);
    }

    public ContainerSpec withLabels(Map<String, String> more) {
        var merged = new java.util.HashMap<>(labels);
        merged.putAll(more);
        return new ContainerSpec(image, command, merged, networkEnabled, memoryBytes, cpus, workingDir, env, init,
                pidsLimit, storageMb, autoRemove);
    }

    public ContainerSpec withNetwork(boolean enabled) {
        return new ContainerSpec(image, command, labels, enabled, memoryBytes, cpus, workingDir, env, init, pidsLimit,
                storageMb, autoRemove);
    }

    public ContainerSpec withLimits(long memory, double cpuCount) {
        return new ContainerSpec(image, command, labels, networkEnabled, memory, cpuCount, workingDir, env, init,
                pidsLimit, storageMb, autoRemove);
    }

    public ContainerSpec withInit(boolean useInit) {
        return new ContainerSpec(image, command, labels, networkEnabled, memoryBytes, cpus, workingDir, env, useInit,
                pidsLimit, storageMb, autoRemove);
    }

    public ContainerSpec withPidsLimit(long limit) {
        return new ContainerSpec(image, command, labels, networkEnabled, memoryBytes, cpus, workingDir, env, init,
                limit, storageMb, autoRemove);
    }
}
