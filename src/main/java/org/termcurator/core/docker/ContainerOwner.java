package org.termcurator.core.docker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/**
 * The app process that made a container: host name, process id and the process's start time
 * (so a reused pid is not mistaken for the owner). Stored in {@link DockerEngine#OWNER_LABEL}.
 */
public record ContainerOwner(String host, long pid, long startMillis) {

    private static final ContainerOwner CURRENT = of(ProcessHandle.current());

    public static ContainerOwner current() {
        return CURRENT;
    }

    static ContainerOwner of(ProcessHandle process) {
        long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new ContainerOwner(hostName(), process.pid(), start);
    }

    public String label() {
        return host + "/" + pid + "/" + startMillis;
    }

    /** Parses a label; null when it is missing or not one of ours. */
    public static ContainerOwner parse(String label) {
        if (label == null) {
            return null;
        }
        String[] parts = label.split("/");
        if (parts.length != 3) {
            return null;
        }
        try {
            return new ContainerOwner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean onThisHost() {
        return host.equals(hostName());
    }

    /** Whether the owning process still runs; only answerable for owners on this host. */
    public boolean isAlive() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(process -> startMillis == 0 || Math.abs(of(process).startMillis() - startMillis) < 1000)
                .orElse(false);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
