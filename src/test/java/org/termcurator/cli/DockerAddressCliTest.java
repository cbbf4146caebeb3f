package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerTestSupport;
import org.termcurator.core.tasks.TaskFolders;

/** The CLI talks to the Docker engine the window uses: the one in the user's settings, unless --docker-host says otherwise. */
@Tag("docker")
class DockerAddressCliTest {

    private static final String CONFIG_DIR = "curator.config.dir";

    @TempDir
    Path dir;

    private String configDirBefore;

    @BeforeEach
    void userConfigOfItsOwn() throws Exception {
        try (DockerEngine engine = DockerTestSupport.engineOrSkip()) {
            DockerTestSupport.requireImage(engine, DockerTestSupport.DEBIAN_IMAGE);
        }
        configDirBefore = System.getProperty(CONFIG_DIR);
        System.setProperty(CONFIG_DIR, Files.createDirectories(dir.resolve("config")).toString());
    }

    @AfterEach
    void restoreUserConfig() {
        if (configDirBefore == null) {
            System.clearProperty(CONFIG_DIR);
        } else {
            System.setProperty(CONFIG_DIR, configDirBefore);
        }
    }

    private static List<String> rules(JsonNode lint) {
        List<String> rules = new ArrayList<>();
        lint.get("findings").forEach(finding -> rules.add(finding.get("rule").asText()));
        return rules;
    }

    @Test
    void lintAsksTheEngineInTheUsersSettingsAndDockerHostOverridesIt() throws Exception {
        Path set = dir.resolve("set");
        TaskFolders.harbor(set, "sums").write(); // FROM curator/debian:bookworm, a local image
        String project = dir.resolve("p.curator").toString();
        assertThat(CliRun.of("project", "init", "--project", project).exitCode()).isZero();
        assertThat(CliRun.of("import", "tasks", set.toString(), "--project", project).exitCode()).isZero();

        CliRun local = CliRun.of("tasks", "lint", "--project", project, "--json");
        assertThat(local.err()).doesNotContain("Docker is not reachable");
        assertThat(rules(local.json())).doesNotContain("unknown-base-image");

        // Settings name an engine that does not answer: the CLI asks that one, as the window would.
        Files.writeString(Path.of(System.getProperty(CONFIG_DIR), "settings.json"),
                "{\"dockerHost\": \"tcp://127.0.0.1:9\"}");
        CliRun fromSettings = CliRun.of("tasks", "lint", "--project", project, "--json");
        assertThat(fromSettings.err()).contains("Docker is not reachable");
        assertThat(rules(fromSettings.json())).contains("unknown-base-image");

        CliRun overridden = CliRun.of("tasks", "lint", "--project", project, "--json",
                "--docker-host", DockerAddress.local().effectiveHost());
        assertThat(overridden.err()).doesNotContain("Docker is not reachable");
        assertThat(rules(overridden.json())).doesNotContain("unknown-base-image");
    }
}
