package org.termcurator.cli;

import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.settings.Settings;
import picocli.CommandLine.Option;

/** The Docker engine a command talks to: the one the window uses (Settings), unless --docker-host names another. */
public final class DockerOptions {

    @Option(names = "--docker-host", paramLabel = "URL", description = "The Docker engine, e.g. "
            + "unix:///var/run/docker.sock or tcp://HOST:2376 (default: the Docker host in Settings, else "
            + "DOCKER_HOST, else the local socket).")
    String host;

    /** The address from the user's settings, with --docker-host in place of its host when given. */
    public DockerAddress address(Settings settings) {
        return DockerAddress.fromSettings(settings).withHost(host);
    }
}
