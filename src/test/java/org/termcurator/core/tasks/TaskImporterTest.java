package org.termcurator.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.termcurator.core.io.SafeArchives;
import org.termcurator.core.jobs.JobCancelledException;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.project.ProjectTestSupport;
import org.termcurator.core.tasks.lint.LintContext;

class TaskImporterTest extends ProjectTestSupport {

    static final Path SAMPLES = Path.of("sample-data/tasks").toAbsolutePath();
    static final LintContext LINT = new LintContext(Set.of("curator/debian:bookworm"), true, Map.of());

    private ImportSummary importPaths(Path... paths) throws SQLException {
        return new TaskImporter(db, TaskImporter.Options.defaults(LINT)).importPaths(List.of(paths),
                JobContext.unobserved());
    }

    private TaskStore.StoredTask byName(String name) throws SQLException {
        long id = db.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT id FROM tasks WHERE name = ?")) {
                statement.setString(1, name);
                try (ResultSet rows = statement.executeQuery()) {
                    assertThat(rows.next()).as("task " + name + " is stored").isTrue();
                    return rows.getLong(1);
                }
            }
        });
        return db.read(connection -> TaskStore.load(connection, id)).orElseThrow();
    }

    private long count(String sql) throws SQLException {
        return db.read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Test
    void importsTheSampleTasksOfBothTomlGenerationsWithTheirFieldsAndEveryFile() throws Exception {
        ImportSummary summary = importPaths(SAMPLES);

        assertThat(summary).isEqualTo(new ImportSummary(5, 0, 0, 0, List.of()));
        Task sales = byName("curator-samples/sales-by-region").task();
        assertThat(sales.format()).isEqualTo(TaskFormat.HARBOR);
        assertThat(sales.category()).isEqualTo("data-processing");
        assertThat(sales.difficulty()).isEqualTo("easy");
        assertThat(sales.tags()).contains("csv", "awk", "reporting", "aggregation");
        assertThat(sales.agentTimeoutSec()).isEqualTo(300.0);
        assertThat(sales.verifierTimeoutSec()).isEqualTo(60.0);
        assertThat(sales.cpus()).isEqualTo(1.0);
        assertThat(sales.memoryMb()).isEqualTo(512L);
        assertThat(sales.allowInternet()).isFalse();
        assertThat(sales.baseImage()).isEqualTo("curator/debian:bookworm");
        assertThat(sales.hasSolution()).isTrue();
        assertThat(sales.hasTests()).isTrue();
        assertThat(sales.instruction()).startsWith("# Summarise sales by region");
        assertThat(sales.sourcePath()).isEqualTo(SAMPLES.resolve("sales-by-region").toString());
        assertThat(sales.files()).extracting(TaskFile::path).containsExactlyInAnyOrder("environment/Dockerfile",
                "environment/sales.csv", "instruction.md", "solution/solve.sh", "task.toml", "tests/test.sh");
        assertThat(sales.config().path("task").path("description").asText()).startsWith("Aggregate a small CSV");

        // the legacy generation has no [task] name: the folder names the task
        Task legacy = byName("fix-inventory-report").task();
        assertThat(legacy.category()).isEqualTo("debugging");
        assertThat(legacy.config().path("metadata").path("author_name").asText()).isEqualTo("Terminal Curator samples");

        // a gzip file is binary: kept with size and hash, never as text
        TaskFile gz = byName("curator-samples/access-log-report").task().file("environment/logs/access.log.2.gz").orElseThrow();
        assertThat(gz.kind()).isEqualTo(TaskFile.Kind.BINARY);
        assertThat(gz.sha256()).isEqualTo(Hashing.sha256(Files.readAllBytes(
                SAMPLES.resolve("access-log-report/environment/logs/access.log.2.gz"))));
        assertThat(byName("curator-samples/secure-config-tree").task().file("environment/config/app/.env")).isPresent();

        assertThat(count("SELECT count(*) FROM tasks_fts")).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM tasks_fts WHERE tasks_fts MATCH 'refunded'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM tasks_fts WHERE tasks_fts MATCH 'test_files:test'")).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM task_tags WHERE tag = 'awk'")).isEqualTo(2);
    }

    @Test
    void reimportSkipsUnchangedTasksAndUpdatesChangedOnesCountingBoth() throws Exception {
        Path set = dir.resolve("set");
        for (int i = 0; i < 4; i++) {
            TaskFolders.harbor(set, "task-" + i).write();
        }
        assertThat(importPaths(set)).isEqualTo(new ImportSummary(4, 0, 0, 0, List.of()));
        assertThat(importPaths(set)).isEqualTo(new ImportSummary(0, 0, 4, 0, List.of()));

        Files.writeString(set.resolve("task-2/instruction.md"), "Sum the numbers differently.\n");
        TaskFolders.harbor(set, "task-9").write();
        assertThat(importPaths(set)).isEqualTo(new ImportSummary(1, 1, 3, 0, List.of()));

        assertThat(count("SELECT count(*) FROM tasks")).isEqualTo(5);
        assertThat(byName("tests/task-2").task().instruction()).isEqualTo("Sum the numbers differently.\n");
        assertThat(count("SELECT count(*) FROM tasks_fts WHERE tasks_fts MATCH 'differently'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM tasks_fts")).isEqualTo(5);
    }

    @Test
    void importsTerminalBench1TasksWithDefaultsAndKeepsUnknownKeys() throws Exception {
        TaskFolders.terminalBench1(dir.resolve("tb1"), "count-lines").write();

        assertThat(importPaths(dir.resolve("tb1")).imported()).isEqualTo(1);
        Task task = byName("count-lines").task();
        assertThat(task.format()).isEqualTo(TaskFormat.TERMINAL_BENCH_1);
        assertThat(task.instruction()).startsWith("Count the lines of /app/data.txt");
        assertThat(task.category()).isEqualTo("software_engineering");
        assertThat(task.difficulty()).isEqualTo("medium");
        assertThat(task.tags()).containsExactly("wc", "files");
        assertThat(task.agentTimeoutSec()).isEqualTo(360.0);
        assertThat(task.verifierTimeoutSec()).isEqualTo(60.0);
        assertThat(task.baseImage()).isEqualTo("python:3.12-slim");
        assertThat(task.hasTests()).isTrue();
        assertThat(task.hasSolution()).isTrue();
        assertThat(task.config().path("future_key").asText()).isEqualTo("kept");
    }

    @Test
    void keepsUnknownTomlKeysInTheConfig() throws Exception {
        TaskFolders.harbor(dir.resolve("set"), "extra").file("task.toml", """
                version = "1.0"
                source = "somewhere"
                artifacts = ["/app/out"]
                [metadata]
                category = "x"
                reviewer = "kim"
                [environment]
                memory = "2G"
                gpus = 0
                [[steps]]
                name = "one"
                """).write();

        assertThat(importPaths(dir.resolve("set")).imported()).isEqualTo(1);
        Task task = byName("extra").task();
        assertThat(task.memoryMb()).isEqualTo(2048L);
        assertThat(task.config().path("metadata").path("reviewer").asText()).isEqualTo("kim");
        assertThat(task.config().path("source").asText()).isEqualTo("somewhere");
        assertThat(task.config().path("steps").get(0).path("name").asText()).isEqualTo("one");
        assertThat(task.config().path("artifacts").get(0).asText()).isEqualTo("/app/out");
    }

    @Test
    void brokenTasksAreReportedWithPathAndReasonWhileTheRestIsImported() throws Exception {
        Path set = dir.resolve("set");
        TaskFolders.harbor(set, "good-1").write();
        TaskFolders.harbor(set, "good-2").write();
        TaskFolders.harbor(set, "bad-toml").file("task.toml", "version = \"1.0\"\n[metadata]\ncategory = \n").write();
        TaskFolders.harbor(set, "no-instruction").without("instruction.md").write();
        TaskFolders.terminalBench1(set, "bad-yaml").file("task.yaml", "instruction: [unclosed\ndifficulty: easy\n").write();
        TaskFolders.terminalBench1(set, "yaml-without-instruction").file("task.yaml", "difficulty: easy\n").write();
        TaskFolders.harbor(set, "wrong-type").file("task.toml", "[agent]\ntimeout_sec = \"soon\"\n").write();
        Path dangling = TaskFolders.harbor(set, "dangling-link").write();
        Files.createSymbolicLink(dangling.resolve("environment/data.csv"), dangling.resolve("environment/gone.csv"));
        Path escaping = TaskFolders.harbor(set, "escaping-link").write();
        Files.createSymbolicLink(escaping.resolve("environment/passwd"), Path.of("/etc/passwd"));
        Path noToml = TaskFolders.harbor(set, "no-toml").without("task.toml").write();

        ImportSummary summary = importPaths(set);

        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.failed()).isEqualTo(8);
        assertThat(summary.errors()).containsExactlyInAnyOrder(
                new ImportError(set.resolve("bad-toml").toString(), "task.toml line 3: invalid TOML: "
                        + "Newline not permitted here"),
                new ImportError(set.resolve("no-instruction").toString(),
                        "instruction.md: missing (the task has no instruction)"),
                new ImportError(set.resolve("bad-yaml").toString(), summary.errors().stream()
                        .filter(e -> e.path().endsWith("bad-yaml")).findFirst().orElseThrow().message()),
                new ImportError(set.resolve("yaml-without-instruction").toString(), "task.yaml: has no instruction"),
                new ImportError(set.resolve("wrong-type").toString(),
                        "task.toml: [agent] timeout_sec must be a number, not \"soon\""),
                new ImportError(set.resolve("dangling-link").toString(),
                        "environment/data.csv: is a link to a file that does not exist"),
                new ImportError(set.resolve("escaping-link").toString(),
                        "environment/passwd: is a link to /etc/passwd, outside the task folder"),
                new ImportError(noToml.toString(),
                        "task.toml: missing (a task folder needs task.toml, or task.yaml for Terminal-Bench 1)"));
        assertThat(summary.errors()).filteredOn(e -> e.path().endsWith("bad-yaml")).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("task.yaml line 2: invalid YAML:"));
        assertThat(count("SELECT count(*) FROM tasks")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM task_files WHERE task_id NOT IN (SELECT id FROM tasks)")).isZero();
    }

    @Test
    void pathsThatAreMissingOrHoldNoTaskAreErrors() throws Exception {
        Files.createDirectories(dir.resolve("empty/sub"));
        Files.writeString(dir.resolve("notes.txt"), "hello");

        ImportSummary summary = importPaths(dir.resolve("nowhere"), dir.resolve("empty"), dir.resolve("notes.txt"));

        assertThat(summary.failed()).isEqualTo(3);
        assertThat(summary.errors()).extracting(ImportError::message).containsExactly("does not exist",
                "holds no task (no task.toml or task.yaml at any depth)",
                "is neither a folder nor a .tar.gz, .tgz or .zip archive");
    }

    @Test
    void findsTasksAtAnyDepthAndAcceptsASingleTaskFolderOrItsConfigFile() throws Exception {
        Path set = dir.resolve("set");
        TaskFolders.harbor(set.resolve("a/b/c"), "deep").write();
        TaskFolders.harbor(set.resolve("a"), "shallow").write();
        TaskFolders.terminalBench1(set.resolve("x/.hidden"), "ignored").write();
        assertThat(importPaths(set).imported()).isEqualTo(2);

        Path single = TaskFolders.harbor(dir.resolve("other"), "single").write();
        assertThat(importPaths(single).imported()).isEqualTo(1);
        assertThat(importPaths(single.resolve("task.toml")).unchanged()).isEqualTo(1);
    }

    @Test
    void importsTasksFromTarGzAndZipArchives() throws Exception {
        Path set = dir.resolve("set");
        TaskFolders.harbor(set, "in-archive").write();
        TaskFolders.terminalBench1(set, "tb1-in-archive").write();
        Path tgz = dir.resolve("tasks.tgz");
        Path zip = dir.resolve("tasks.zip");
        writeTarGz(tgz, set, "bundle/");
        writeZip(zip, set, "");

        ImportSummary fromTar = importPaths(tgz);
        assertThat(fromTar).isEqualTo(new ImportSummary(2, 0, 0, 0, List.of()));
        Task task = byName("tests/in-archive").task();
        assertThat(task.sourcePath()).isEqualTo(tgz + "!/bundle/in-archive");
        assertThat(task.file("tests/test.sh").orElseThrow().executable()).isTrue();
        // the same tasks in another archive are the same content: nothing new
        assertThat(importPaths(zip)).isEqualTo(new ImportSummary(0, 0, 2, 0, List.of()));
        assertThat(importPaths(tgz).unchanged()).isEqualTo(2);
    }

    @Test
    void archivesWithEntriesThatEscapeAreRefusedNamingTheEntry() throws Exception {
        Path set = dir.resolve("set");
        TaskFolders.harbor(set, "innocent").write();
        Path dotdot = dir.resolve("dotdot.tar.gz");
        writeTarGz(dotdot, set, "", tar -> addTarFile(tar, "innocent/../../evil.sh", "rm -rf /"));
        Path absolute = dir.resolve("absolute.tgz");
        writeTarGz(absolute, set, "", tar -> addTarFile(tar, "/tmp/evil.sh", "x"));
        Path link = dir.resolve("link.tgz");
        writeTarGz(link, set, "", tar -> {
            TarArchiveEntry entry = new TarArchiveEntry("innocent/environment/passwd", TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName("../../../../etc/passwd");
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        });
        Path chained = dir.resolve("chained.tgz");
        writeTarGz(chained, set, "", tar -> {
            for (String[] link2 : new String[][] {{"innocent/u", "."}, {"innocent/w", "u/../.."}}) {
                TarArchiveEntry entry = new TarArchiveEntry(link2[0], TarArchiveEntry.LF_SYMLINK);
                entry.setLinkName(link2[1]);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
        });
        Path zipSlip = dir.resolve("slip.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(zipSlip))) {
            zip.putArchiveEntry(new ZipArchiveEntry("../../outside.txt"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }

        ImportSummary summary = importPaths(dotdot, absolute, link, chained, zipSlip);

        assertThat(summary.imported()).isZero();
        assertThat(summary.errors()).extracting(ImportError::path).containsExactly(dotdot.toString(),
                absolute.toString(), link.toString(), chained.toString(), zipSlip.toString());
        assertThat(summary.errors()).extracting(ImportError::message).satisfiesExactly(
                m -> assertThat(m).contains("'innocent/../../evil.sh'").contains(".."),
                m -> assertThat(m).contains("'/tmp/evil.sh'").contains("absolute"),
                m -> assertThat(m).contains("'innocent/environment/passwd'").contains("outside"),
                m -> assertThat(m).contains("'innocent/w'").contains("outside"),
                m -> assertThat(m).contains("'../../outside.txt'"));
        assertThat(dir.getParent().resolve("evil.sh")).doesNotExist();
        assertThat(Path.of("/tmp/evil.sh")).doesNotExist();
        assertThat(count("SELECT count(*) FROM tasks")).isZero();
    }

    @Test
    void filesOverTheSizeCapAreKeptAsReferencesToTheirOriginal() throws Exception {
        Path task = TaskFolders.harbor(dir.resolve("set"), "big")
                .file("environment/big.csv", "x,y\n".repeat(1000))
                .file("instruction.md", "Read the big file. " + "Long words. ".repeat(500))
                .write();

        TaskImporter importer = new TaskImporter(db, TaskImporter.Options.defaults(LINT).withMaxFileBytes(1000));
        assertThat(importer.importPaths(List.of(task), JobContext.unobserved()).imported()).isEqualTo(1);

        Task stored = byName("tests/big").task();
        TaskFile big = stored.file("environment/big.csv").orElseThrow();
        assertThat(big.kind()).isEqualTo(TaskFile.Kind.REFERENCE);
        assertThat(big.content()).isNull();
        assertThat(big.size()).isEqualTo(4000);
        assertThat(big.sha256()).isEqualTo(Hashing.sha256(Files.readAllBytes(task.resolve("environment/big.csv"))));
        assertThat(big.originalPath()).isEqualTo(task.resolve("environment/big.csv").toString());
        // the instruction is over the cap too, but a task cannot be read without it
        assertThat(stored.file("instruction.md").orElseThrow().kind()).isEqualTo(TaskFile.Kind.TEXT);
        // the content hash does not depend on the cap
        assertThat(stored.contentHash()).isEqualTo(TaskAssembler.contentHash(
                new TaskFolderReader(Long.MAX_VALUE).read(task, task.toString())));
    }

    @Test
    void aCancelledImportLeavesOnlyWholeTasks() throws Exception {
        Path set = dir.resolve("set");
        for (int i = 0; i < 20; i++) {
            TaskFolders.harbor(set, String.format("task-%02d", i)).write();
        }
        AtomicBoolean cancel = new AtomicBoolean();
        JobContext context = new JobContext() {
            @Override
            public void progress(long done, long total) {
                if (done >= 6) {
                    cancel.set(true); // the user presses cancel after the first batches
                }
            }

            @Override
            public void message(String message) {
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
        TaskImporter importer = new TaskImporter(db, TaskImporter.Options.defaults(LINT).withBatchSize(3));

        assertThatThrownBy(() -> importer.importPaths(List.of(set), context)).isInstanceOf(JobCancelledException.class);

        long tasks = count("SELECT count(*) FROM tasks");
        assertThat(tasks).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM task_files")).isEqualTo(tasks * 6);
        assertThat(count("SELECT count(*) FROM tasks_fts")).isEqualTo(tasks);
        assertThat(count("SELECT count(*) FROM task_tags")).isEqualTo(tasks * 3);
        // the rest comes in on the next import
        assertThat(importPaths(set)).isEqualTo(new ImportSummary(14, 0, 6, 0, List.of()));
    }

    /** An entry of {@code bytes} zeros: compresses to about a thousandth of its size. */
    static void addZeros(TarArchiveOutputStream tar, String name, long bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(bytes);
        tar.putArchiveEntry(entry);
        byte[] zeros = new byte[64 * 1024];
        for (long left = bytes; left > 0; left -= zeros.length) {
            tar.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
        tar.closeArchiveEntry();
    }

    @Test
    void decompressionBombsAreRefusedAtTheirLimitAndTheNextArchiveImports() throws Exception {
        Path set = dir.resolve("set");
        TaskFolders.harbor(set, "innocent").write();
        Path bomb = dir.resolve("bomb.tar.gz");
        writeTarGz(bomb, set, "", tar -> addZeros(tar, "innocent/environment/zeros.bin", 48L << 20));
        Path big = dir.resolve("big-entry.tgz");
        writeTarGz(big, set, "", tar -> addTarFile(tar, "innocent/environment/big.txt", "x".repeat(300_000)));
        Path many = dir.resolve("many.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i < 12; i++) {
                zip.putArchiveEntry(new ZipArchiveEntry("innocent/environment/part-" + i + ".txt"));
                zip.write(("line " + i + "\n").repeat(20_000).getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        Path good = dir.resolve("good.tgz");
        TaskFolders.harbor(dir.resolve("good"), "good-task").write();
        writeTarGz(good, dir.resolve("good"), "");
        // small limits stand in for the default gigabytes: 1 MiB in all, 256 KiB a file, 20x past 1 MiB
        SafeArchives.Limits limits = new SafeArchives.Limits(1L << 20, 256L << 10, 20, 1L << 20);
        TaskImporter.Options options = TaskImporter.Options.defaults(LINT).withArchiveLimits(limits);
        SafeArchives.Limits ratioOnly = new SafeArchives.Limits(1L << 40, 1L << 40, 20, 1L << 20);

        ImportSummary summary = new TaskImporter(db, options).importPaths(List.of(bomb, big, many, good),
                JobContext.unobserved());
        ImportSummary byRatio = new TaskImporter(db, TaskImporter.Options.defaults(LINT).withArchiveLimits(ratioOnly))
                .importPaths(List.of(bomb), JobContext.unobserved());

        assertThat(summary.imported()).isEqualTo(1);
        assertThat(summary.errors()).extracting(ImportError::path).containsExactly(bomb.toString(), big.toString(),
                many.toString());
        assertThat(summary.errors()).extracting(ImportError::message).satisfiesExactly(
                m -> assertThat(m).contains("entry 'innocent/environment/zeros.bin' unpacks to more than"
                        + " 262144 bytes (the limit per file)"),
                m -> assertThat(m).contains("entry 'innocent/environment/big.txt' unpacks to more than"),
                m -> assertThat(m).contains("unpacks to more than 1.0 MiB (the limit per archive)"));
        assertThat(byRatio.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("unpacks to more than 20 times its size").contains("decompression bomb"));
        assertThat(count("SELECT count(*) FROM tasks")).isEqualTo(1);
        try (var left = Files.list(org.termcurator.core.io.AppTemp.current())) {
            assertThat(left).as("unpack folders left in the app's temporary folder").isEmpty();
        }
    }

    interface TarWork {
        void accept(TarArchiveOutputStream tar) throws IOException;
    }

    static void writeTarGz(Path archive, Path folder, String prefix) throws IOException {
        writeTarGz(archive, folder, prefix, tar -> { });
    }

    static void writeTarGz(Path archive, Path folder, String prefix, TarWork extra) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted().toList()) {
                    if (Files.isRegularFile(path)) {
                        TarArchiveEntry entry = new TarArchiveEntry(path.toFile(),
                                prefix + TaskFolderReader.relative(folder, path));
                        entry.setMode(Files.isExecutable(path) ? 0100755 : 0100644);
                        tar.putArchiveEntry(entry);
                        Files.copy(path, tar);
                        tar.closeArchiveEntry();
                    }
                }
            }
            extra.accept(tar);
        }
    }

    static void addTarFile(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    static void writeZip(Path archive, Path folder, String prefix) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(archive));
             var paths = Files.walk(folder)) {
            for (Path path : paths.sorted().toList()) {
                if (Files.isRegularFile(path)) {
                    ZipArchiveEntry entry = new ZipArchiveEntry(prefix + TaskFolderReader.relative(folder, path));
                    entry.setUnixMode(Files.isExecutable(path) ? 0100755 : 0100644);
                    zip.putArchiveEntry(entry);
                    Files.copy(path, zip);
                    zip.closeArchiveEntry();
                }
            }
        }
    }
}
