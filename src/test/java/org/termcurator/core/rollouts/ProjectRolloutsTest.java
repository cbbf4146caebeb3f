package org.termcurator.core.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectTestSupport;
import org.termcurator.core.rollouts.agents.OracleAgent;
import org.termcurator.core.rollouts.images.BaseImageMap;
import org.termcurator.core.settings.Settings;
import org.termcurator.core.tasks.TaskImporter;
import org.termcurator.core.tasks.lint.LintContext;

/** How the CLI and the window choose what to roll out, and the settings they roll out with (no engine needed). */
class ProjectRolloutsTest extends ProjectTestSupport {

    private ProjectRollouts rollouts(Path workRoot) {
        RolloutConfig config = new RolloutConfig(DockerAddress.local(), BaseImageMap.empty(), workRoot, 2);
        return new ProjectRollouts(db, () -> config, RolloutListener.NONE);
    }

    @Test
    void configComesFromSettingsAndCommandOptionsReplaceParts() {
        Settings settings = new Settings();
        settings.setDockerHost("tcp://docker.example:2376");
        settings.setDockerTlsVerify(true);
        settings.setBaseImageMap(Map.of("ubuntu:*", "curator/debian:bookworm"));
        settings.setDefaultConcurrency(3);

        RolloutConfig config = RolloutConfig.fromSettings(settings);

        assertThat(config.dockerAddress()).isEqualTo(new DockerAddress("tcp://docker.example:2376", true, ""));
        assertThat(config.baseImages().resolve("ubuntu:24.04")).isEqualTo("curator/debian:bookworm");
        assertThat(config.workRoot()).isEqualTo(RolloutRunner.defaultWorkRoot());
        assertThat(config.defaultConcurrency()).isEqualTo(3);
        assertThat(config.withWorkRoot(dir).workRoot()).isEqualTo(dir);
        assertThat(config.withWorkRoot(null)).isSameAs(config);
        assertThat(config.withDockerAddress(DockerAddress.fromSettings(settings).withHost("unix:///run/d.sock"))
                .dockerAddress()).isEqualTo(new DockerAddress("unix:///run/d.sock", true, ""));
    }

    @Test
    void taskFoldersThatAreNotTasksAreProblemsAndTheOthersGo() throws Exception {
        Path notATask = Files.createDirectories(dir.resolve("notes"));
        try (ProjectRollouts rollouts = rollouts(dir.resolve("work"))) {
            ProjectTaskFolders.Prepared prepared = rollouts.prepareFolders(
                    List.of(SampleTasks.dir("sales-by-region"), notATask), new OracleAgent(), 2);

            assertThat(prepared.requests()).extracting(request -> request.task().name(), RolloutRequest::attempt)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("sales-by-region", 1),
                            org.assertj.core.groups.Tuple.tuple("sales-by-region", 2));
            assertThat(prepared.problems()).singleElement().asString().contains("notes");
        }
    }

    @Test
    void theProjectsTasksAreFoundByQueryOrIdAndABrokenQueryIsNamed() throws Exception {
        Path tasks = Files.createDirectories(dir.resolve("tasks"));
        SampleTasks.copy("sales-by-region", tasks);
        SampleTasks.copy("secure-config-tree", tasks);
        new TaskImporter(db, TaskImporter.Options.defaults(LintContext.withoutDocker(Map.of())))
                .importPaths(List.of(tasks), JobContext.unobserved());
        try (ProjectRollouts rollouts = rollouts(dir.resolve("work"))) {
            List<ProjectTaskFolders.Entry> all = rollouts.tasksMatching(null);
            assertThat(all).hasSize(2);
            assertThat(rollouts.tasksMatching("region")).extracting(ProjectTaskFolders.Entry::name)
                    .containsExactly("curator-samples/sales-by-region");
            assertThat(rollouts.tasksWithIds(List.of(all.get(1).taskId()))).containsExactly(all.get(1));
            assertThatThrownBy(() -> rollouts.tasksMatching("\"unclosed"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("'\"unclosed' is not a valid search: ");

            ProjectTaskFolders.Prepared prepared = rollouts.prepare(all, new OracleAgent(), 1);
            assertThat(prepared.requests()).extracting(RolloutRequest::taskId)
                    .containsExactly(all.get(0).taskId(), all.get(1).taskId());
        }
    }

    @Test
    void nothingIsQueuedOnceClosed() {
        ProjectRollouts rollouts = rollouts(dir.resolve("work"));
        rollouts.close();
        assertThatThrownBy(() -> rollouts.submit(List.of(), 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(rollouts.handles()).isEmpty();
    }
}
