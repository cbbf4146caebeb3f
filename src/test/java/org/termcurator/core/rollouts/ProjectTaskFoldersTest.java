package org.termcurator.core.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.termcurator.core.io.FileTrees;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectTestSupport;
import org.termcurator.core.rollouts.agents.OracleAgent;
import org.termcurator.core.tasks.TaskImporter;
import org.termcurator.core.tasks.lint.LintContext;

/** The project's tasks as folders to roll out, written out from the project when their own folder is gone. */
class ProjectTaskFoldersTest extends ProjectTestSupport {

    private void importCopies(String... names) throws Exception {
        Path tasks = Files.createDirectories(dir.resolve("tasks"));
        for (String name : names) {
            SampleTasks.copy(name, tasks);
        }
        new TaskImporter(db, TaskImporter.Options.defaults(LintContext.withoutDocker(Map.of())))
                .importPaths(List.of(tasks), JobContext.unobserved());
    }

    @Test
    void aTaskWhoseFolderIsGoneIsWrittenOutFromTheProjectIntoTheWorkRoot() throws Exception {
        importCopies("sales-by-region", "secure-config-tree");
        FileTrees.deleteQuietly(dir.resolve("tasks/sales-by-region"));
        Path work = dir.resolve("work");

        List<ProjectTaskFolders.Entry> entries = ProjectTaskFolders.select(db, null);
        ProjectTaskFolders.Prepared prepared = ProjectTaskFolders.prepare(db, entries, work, new OracleAgent(), 2);

        assertThat(prepared.problems()).isEmpty();
        assertThat(prepared.requests()).hasSize(4).extracting(RolloutRequest::attempt).containsExactly(1, 2, 1, 2);
        RolloutRequest written = prepared.requests().getFirst();
        assertThat(written.taskId()).isEqualTo(entries.getFirst().taskId());
        assertThat(written.task().dir()).startsWith(work.toAbsolutePath().resolve("tasks"));
        Path original = SampleTasks.dir("sales-by-region");
        for (String file : List.of("task.toml", "instruction.md", "environment/Dockerfile", "tests/test.sh",
                "solution/solve.sh")) {
            assertThat(written.task().dir().resolve(file)).hasSameBinaryContentAs(original.resolve(file));
        }
        assertThat(Files.isExecutable(written.task().dir().resolve("solution/solve.sh")))
                .isEqualTo(Files.isExecutable(original.resolve("solution/solve.sh")));
        assertThat(prepared.requests().get(2).task().dir()).as("a folder still on disk is used as it is")
                .isEqualTo(dir.resolve("tasks/secure-config-tree").toAbsolutePath().normalize());
    }

    @Test
    void selectingByIdKeepsImportOrderAndLeavesOutUnknownIds() throws Exception {
        importCopies("sales-by-region", "secure-config-tree", "organize-downloads");
        List<ProjectTaskFolders.Entry> all = ProjectTaskFolders.select(db, null);

        List<ProjectTaskFolders.Entry> chosen = ProjectTaskFolders.selectIds(db,
                List.of(all.get(2).taskId(), all.get(0).taskId(), 999L, all.get(0).taskId()));

        assertThat(chosen).containsExactly(all.get(0), all.get(2));
    }
}
