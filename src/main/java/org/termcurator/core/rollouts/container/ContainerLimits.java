package org.termcurator.core.rollouts.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.HostResources;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;

/**
 * The limits a rollout container actually runs with, recorded with the rollout (result.json,
 * the Rollouts view): what the task asks for, the user's defaults where it asks for nothing
 * (or 0, which never means "unlimited"), and a ceiling relative to the engine's host above
 * which a request is capped (the cap is said in {@link #notes()}).
 *
 * @param storageEnforcement how the disk quota is held: "storage-opt" (the storage driver's
 *                           size option) or "watch" (the writable layer's size is checked while
 *                           the rollout runs and the rollout is stopped beyond the quota)
 * @param capabilities       the only capabilities the container keeps (all others are dropped)
 * @param noNewPrivileges    whether setuid files and file capabilities grant nothing
 * @param notes              where a value came from when not from the task: a default, a cap
 */
public record ContainerLimits(double cpus, long memoryMb, long storageMb, long pidsLimit, String storageEnforcement,
                              List<String> capabilities, boolean noNewPrivileges, List<String> notes) {

    /** A share of the host's memory no single container may exceed. */
    static final double HOST_MEMORY_SHARE = 0.75;

    /** The user's defaults for tasks that set nothing (Settings; Harbor's are 1 CPU, 2048 MB, 10240 MB). */
    public record Defaults(double cpus, long memoryMb, long storageMb) {

        public static final Defaults HARBOR = new Defaults(1, 2048, 10240);

        public Defaults {
            cpus = cpus > 0 && Double.isFinite(cpus) ? cpus : HARBOR.cpus;
            memoryMb = memoryMb > 0 ? memoryMb : HARBOR.memoryMb;
            storageMb = storageMb > 0 ? storageMb : HARBOR.storageMb;
        }
    }

    public ContainerLimits {
        capabilities = List.copyOf(capabilities);
        notes = List.copyOf(notes);
    }

    /** The limits for {@code task} on {@code host}: the task's values, else the defaults, capped by the host. */
    public static ContainerLimits of(RolloutTaskSpec task, Defaults defaults, HostResources host, long pidsLimit) {
        List<String> notes = new ArrayList<>();
        double cpus = task.cpus() > 0 ? task.cpus() : defaults.cpus();
        if (task.cpus() <= 0) {
            notes.add("cpus: the task sets none, default " + number(cpus));
        }
        if (host.cpus() > 0 && cpus > host.cpus()) {
            notes.add("cpus: " + number(cpus) + " capped to the host's " + host.cpus());
            cpus = host.cpus();
        }
        long memoryMb = task.memoryMb() > 0 ? task.memoryMb() : defaults.memoryMb();
        if (task.memoryMb() <= 0) {
            notes.add("memory_mb: the task sets none, default " + memoryMb);
        }
        long ceilingMb = (long) (host.memoryBytes() * HOST_MEMORY_SHARE / (1024 * 1024));
        if (ceilingMb > 0 && memoryMb > ceilingMb) {
            notes.add("memory_mb: " + memoryMb + " capped to " + ceilingMb + " (" + Math.round(HOST_MEMORY_SHARE * 100)
                    + "% of the host's memory)");
            memoryMb = ceilingMb;
        }
        long storageMb = task.storageMb() > 0 ? task.storageMb() : defaults.storageMb();
        if (task.storageMb() <= 0) {
            notes.add("storage_mb: the task sets none, default " + storageMb);
        }
        return new ContainerLimits(cpus, memoryMb, storageMb, pidsLimit,
                host.storageQuotaPossible() ? "storage-opt" : "watch",
                DockerEngine.KEPT_CAPABILITIES.stream().map(Enum::name).toList(), true, notes);
    }

    /** This with the disk quota held another way (the driver refused its size option). */
    public ContainerLimits withStorageEnforcement(String how, String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new ContainerLimits(cpus, memoryMb, storageMb, pidsLimit, how, capabilities, noNewPrivileges, more);
    }

    /** One line for people: "1 CPU, 2048 MB memory, 10240 MB disk (watch), 4096 processes, 8 capabilities, ...". */
    public String describe() {
        return number(cpus) + (cpus == 1 ? " CPU, " : " CPUs, ") + memoryMb + " MB memory, " + storageMb + " MB disk ("
                + storageEnforcement + "), " + pidsLimit + " processes, " + capabilities.size() + " capabilities"
                + (noNewPrivileges ? ", no new privileges" : "");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
