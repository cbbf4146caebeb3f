package org.termcurator.core.docker;

import org.termcurator.core.settings.Settings;

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

    /**
     * The engine the user chose in Settings: Docker host, TLS verification and certificate
     * folder (an empty host: DOCKER_HOST, else the local socket). The window and every
     * command that talks to Docker take their address from here.
     */
    public static DockerAddress fromSettings(Settings settings) {
        return new DockerAddress(settings.getDockerHost(), settings.isDockerTlsVerify(), settings.getDockerCertPath());
    }

    /** This address with another host (a command-line override), keeping the TLS settings; null or blank keeps this host. */
    public DockerAddress withHost(String otherHost) {
        return otherHost == null || otherHost.isBlank() ? this : new DockerAddress(otherHost.strip(), tlsVerify, certPath);
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
