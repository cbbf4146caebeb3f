package org.termcurator.core.docker;

import java.util.Map;

/**
 * What the engine's host has to give containers (docker info): its CPUs and memory, and the
 * storage driver with its status lines (e.g. "Backing Filesystem"), which decide whether a
 * per-container disk quota can be set.
 */
public record HostResources(int cpus, long memoryBytes, String storageDriver, Map<String, String> driverStatus) {

    public HostResources {
        storageDriver = storageDriver == null ? "" : storageDriver;
        driverStatus = Map.copyOf(driverStatus);
    }

    /**
     * Whether the storage driver takes a size for a container's writable layer
     * ({@code --storage-opt size=}): overlay2 only on xfs (and then only with pquota, which only
     * trying tells), btrfs, zfs and Windows' filter. Elsewhere a quota must be watched.
     */
    public boolean storageQuotaPossible() {
        return switch (storageDriver) {
            case "overlay2" -> "xfs".equalsIgnoreCase(driverStatus.getOrDefault("Backing Filesystem", ""));
            case "btrfs", "zfs", "windowsfilter" -> true;
            default -> false;
        };
    }
}
