package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.RolloutStore;
import org.termcurator.core.tasks.TaskFolders;

/** A rollout of the project's tasks says which: a forgotten --tasks does not start every task of a large project. */
class RolloutSelectionCliTest {

    @TempDir
    Path dir;

    @Test
    void aProjectOfMoreThanAFewTasksRollsOutOnlyWithAllOrASelection() throws Exception {
        Path set = dir.resolve("set");
        for (String name : new String[] {"one", "two", "three", "four"}) {
            TaskFolders.harbor(set, name).write();
        }
        String project = dir.resolve("p.curator").toString();
        assertThat(CliRun.of("import", "tasks", set.toString(), "--project", project, "--create").exitCode()).isZero();

        CliRun unselected = CliRun.of("rollout", "--project", project, "--agent", "oracle", "--json");

        assertThat(unselected.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unselected.json().get("error").asText()).isEqualTo("the project has 4 tasks: roll out all of them "
                + "with --all, or choose some with --tasks QUERY or --task-dir DIR");

        CliRun both = CliRun.of("rollout", "--project", project, "--agent", "oracle", "--all", "--tasks", "one");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--all rolls out every task of the project: leave out --tasks and --task-dir");

        try (ProjectDb db = ProjectDb.open(Path.of(project), ProjectDb.Mode.READ_ONLY)) {
            assertThat(new RolloutStore(db).list()).as("nothing was queued").isEmpty();
        }
        assertThat(CliRun.of("rollout", "--help").out().replaceAll("\\s+", " "))
                .contains("--all Roll out every task of the project. Needed when it has more than 3 tasks");
    }
}
