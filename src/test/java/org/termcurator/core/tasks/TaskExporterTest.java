package org.termcurator.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.project.ProjectTestSupport;
import org.termcurator.core.tasks.query.TaskQueries;
import org.termcurator.core.tasks.query.TaskQuery;

class TaskExporterTest extends ProjectTestSupport {

    private ImportSummary importPaths(TaskImporter.Options options, Path... paths) throws SQLException {
        return new TaskImporter(db, options).importPaths(List.of(paths), JobContext.unobserved());
    }

    private List<Long> allIds() throws SQLException {
        return java.util.Arrays.stream(new TaskQueries(db).ids(TaskQuery.all())).boxed().toList();
    }

    @Test
    void exportedTasksReimportAsUnchangedEvenAfterAnEdit() throws Exception {
        TaskImporter.Options options = TaskImporter.Options.defaults(TaskImporterTest.LINT);
        importPaths(options, TaskImporterTest.SAMPLES);
        TaskFolders.terminalBench1(dir.resolve("tb1"), "count-lines").write();
        importPaths(options, dir.resolve("tb1"));
        long legacy = db.read(connection -> TaskStore.load(connection, allIds())).stream()
                .filter(stored -> stored.task().name().equals("fix-inventory-report")).findFirst().orElseThrow().id();
        new TaskEditor(db, TaskImporterTest.LINT).save(legacy, Map.of("instruction.md", "# Fixed wording\n\nFix it.\n"));

        Path out = dir.resolve("out");
        ExportSummary summary = new TaskExporter(db, false).export(allIds(), out, JobContext.unobserved());

        assertThat(summary.exported()).isEqualTo(6);
        assertThat(summary.errors()).isEmpty();
        try (var folders = Files.list(out)) {
            assertThat(folders.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder(
                    "access-log-report", "fix-inventory-report", "organize-downloads", "sales-by-region",
                    "secure-config-tree", "count-lines");
        }
        assertThat(out.resolve("fix-inventory-report/instruction.md")).hasContent("# Fixed wording\n\nFix it.\n");
        assertThat(Files.isExecutable(out.resolve("sales-by-region/tests/test.sh")))
                .isEqualTo(Files.isExecutable(TaskImporterTest.SAMPLES.resolve("sales-by-region/tests/test.sh")));
        assertThat(Files.readAllBytes(out.resolve("access-log-report/environment/logs/access.log.2.gz")))
                .isEqualTo(Files.readAllBytes(TaskImporterTest.SAMPLES.resolve("access-log-report/environment/logs/access.log.2.gz")));

        assertThat(importPaths(options, out)).isEqualTo(new ImportSummary(0, 0, 6, 0, List.of()));
        // an export into a fresh project brings the same content
        try (ProjectDb other = ProjectDb.create(dir.resolve("other.curator"))) {
            new TaskImporter(other, options).importPaths(List.of(out), JobContext.unobserved());
            assertThat(other.read(TaskStore::count)).isEqualTo(6);
        }
    }

    @Test
    void filesKeptByReferenceAreCopiedFromTheirOriginalAndAChangedOriginalFailsOnlyThatTask() throws Exception {
        Path set = dir.resolve("set");
        TaskFolders.harbor(set, "big").file("environment/big.csv", "1,2\n".repeat(2000)).write();
        TaskFolders.harbor(set, "small").write();
        Path archive = dir.resolve("set.tgz");
        TaskImporterTest.writeTarGz(archive, set, "");
        TaskImporter.Options capped = TaskImporter.Options.defaults(TaskImporterTest.LINT).withMaxFileBytes(1000);
        importPaths(capped, set);
        try (ProjectDb fromArchive = ProjectDb.create(dir.resolve("archive.curator"))) {
            new TaskImporter(fromArchive, capped).importPaths(List.of(archive), JobContext.unobserved());
            Path out = dir.resolve("from-archive");
            List<Long> ids = java.util.Arrays.stream(new TaskQueries(fromArchive).ids(TaskQuery.all())).boxed().toList();
            assertThat(new TaskExporter(fromArchive, false).export(ids, out, JobContext.unobserved()).exported()).isEqualTo(2);
            assertThat(out.resolve("big/environment/big.csv")).hasContent("1,2\n".repeat(2000));
        }

        Path out = dir.resolve("out");
        assertThat(new TaskExporter(db, false).export(allIds(), out, JobContext.unobserved()).exported()).isEqualTo(2);
        assertThat(out.resolve("big/environment/big.csv")).hasContent("1,2\n".repeat(2000));

        Files.writeString(set.resolve("big/environment/big.csv"), "changed\n");
        Path again = dir.resolve("again");
        ExportSummary summary = new TaskExporter(db, false).export(allIds(), again, JobContext.unobserved());
        assertThat(summary.exported()).isEqualTo(1);
        assertThat(summary.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("tests/big");
            assertThat(error.message()).contains("environment/big.csv").contains("has changed since it was imported");
        });
        try (var left = Files.list(again)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactly("small"); // no half-written task
        }
    }

    @Test
    void existingFoldersAreLeftAloneUnlessOverwriteIsAsked() throws Exception {
        importPaths(TaskImporter.Options.defaults(TaskImporterTest.LINT), TaskImporterTest.SAMPLES);
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("sales-by-region"));
        Files.writeString(out.resolve("sales-by-region/mine.txt"), "keep");

        ExportSummary summary = new TaskExporter(db, false).export(allIds(), out, JobContext.unobserved());
        assertThat(summary.exported()).isEqualTo(4);
        assertThat(summary.errors()).singleElement().satisfies(error -> assertThat(error.message()).contains("already exists"));
        assertThat(out.resolve("sales-by-region/mine.txt")).exists();

        assertThat(new TaskExporter(db, true).export(allIds(), out, JobContext.unobserved()).exported()).isEqualTo(5);
        assertThat(out.resolve("sales-by-region/mine.txt")).doesNotExist();
        assertThat(out.resolve("sales-by-region/task.toml")).exists();
        try (var hidden = Files.list(out)) {
            assertThat(hidden.filter(path -> path.getFileName().toString().startsWith("."))).isEmpty();
        }
    }

    @Test
    void stagingFoldersOfDeadExportsAreCleanedAndThoseOfLiveOnesKept() throws Exception {
        importPaths(TaskImporter.Options.defaults(TaskImporterTest.LINT), TaskImporterTest.SAMPLES);
        Path out = Files.createDirectories(dir.resolve("out"));
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path dead = Files.createDirectories(out.resolve(".curator-export-" + ended.pid() + "-0a1b2c3d/sales-by-region"));
        Path old = Files.createDirectories(out.resolve(".curator-export-1234567890123456789"));
        Path live = Files.createDirectories(out.resolve(".curator-export-" + ProcessHandle.current().pid() + "-live"));

        new TaskExporter(db, false).export(allIds().subList(0, 1), out, JobContext.unobserved());

        assertThat(dead.getParent()).doesNotExist();
        assertThat(old).doesNotExist();
        assertThat(live).exists();
    }
}
