package org.termcurator.core.docker;

/**
 * Where the Docker engine listens. An empty host means DOCKER_HOST when it is set, else the
 * platform's local socket. TLS settings apply to tcp:// hosts (remote engines).
 */
public record DockerAddress(String host, boolean tlsVerify, String certPath) {

    public static DockerAddress local() {
        return new DockerAddress("", false, "");
    }

    public static DockerAddress of(String host) {
        return new DockerAddress(host == null ? "" : host.strip(), false, "");
    }

    /** The host that will actually be used, for messages. */
    public String effectiveHost() {
        if (!host.isBlank()) {
            return host;
        }
        String env = System.getenv("DOCKER_HOST");
        if (env != null && !env.isBlank()) {
            return env;
        }
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")
                ? "npipe:////./pipe/docker_engine" : "unix:///var/run/docker.sock";
    }
}
