package org.termcurator.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.io.FileTrees;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.jobs.JobManager;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.tasks.ImportSummary;
import org.termcurator.core.tasks.TaskImporter;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.core.tasks.query.TaskQueries;
import org.termcurator.core.tasks.query.TaskQuery;
import org.termcurator.ui.tasks.TaskRowList;
import org.termcurator.ui.tasks.TasksViewModel;

/**
 * Task import and browsing at scale: import rate, re-import rate, full-text search latency,
 * time until the Tasks view has its first rows, and heap used, beside a straightforward
 * Python baseline that loads the same folders into SQLite.
 *
 * <pre>scripts/bench.sh TaskImportBench --tasks 10000 [--dir /tmp/curator-bench] [--queries 400] [--no-baseline]</pre>
 *
 * The task set is generated once into DIR/tasks-N and reused by later runs.
 */
public final class TaskImportBench {

    private static final List<String> QUERIES = List.of(
            "ledger", "zephyr", "deduplicate", "cobalt ledger", "malformed inventory", "cron", "résumé", "sqlite",
            "test_outputs", "checksum snapshot", "normalise dates", "harbor", "idempotent", "line endings", "quartz",
            "gzipped", "permissions owner", "unit tests pass", "stream", "synthetic", "dedup", "rotate the", "xenon",
            "\"byte for byte\"", "task 000123", "fjord glacier", "benchmark", "patch", "histogram", "encrypt");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakHeap = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int tasks = 10_000;
        Path root = Path.of("/tmp/curator-bench");
        int queries = 400;
        boolean baseline = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tasks" -> tasks = Integer.parseInt(args[++i]);
                case "--dir" -> root = Path.of(args[++i]);
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--no-baseline" -> baseline = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        new TaskImportBench().run(tasks, root, queries, baseline);
        System.exit(0); // the view model's and the project's daemon threads need not be waited for
    }

    private void run(int count, Path root, int queryRuns, boolean baseline) throws Exception {
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        System.out.printf(Locale.ROOT, "TaskImportBench: %,d tasks, %d cores (load average %.1f), max heap %,d MB, "
                + "Java %s%n", count, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version());

        Path set = root.resolve("tasks-" + count);
        Path ready = set.resolve(".complete");
        if (!Files.exists(ready)) {
            FileTrees.deleteQuietly(set);
            long started = System.nanoTime();
            new TaskSetGenerator(42).generate(set, count);
            Files.writeString(ready, "generated\n");
            System.out.printf(Locale.ROOT, "generated the task set in %.1f s (%s)%n", seconds(started), set);
        } else {
            System.out.println("reusing the task set in " + set);
        }
        warmPageCache(set);

        Path projectFile = root.resolve("bench-" + count + ".curator");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(projectFile + suffix));
        }
        try (ProjectDb db = ProjectDb.create(projectFile)) {
            TaskImporter importer = new TaskImporter(db, TaskImporter.Options.defaults(
                    new LintContext(java.util.Set.of("curator/debian:bookworm"), true, Map.of())));
            System.gc();
            peakHeap.set(0);
            long started = System.nanoTime();
            long cpu = cpuNanos();
            ImportSummary summary = importer.importPaths(List.of(set), JobContext.unobserved());
            double importSeconds = seconds(started);
            long importPeak = peakHeap.get();
            report("import", summary, importSeconds, cpuNanos() - cpu);
            System.out.printf(Locale.ROOT, "  peak heap during import: %,d MB%n", importPeak >> 20);

            started = System.nanoTime();
            cpu = cpuNanos();
            ImportSummary again = importer.importPaths(List.of(set), JobContext.unobserved());
            report("re-import (unchanged)", again, seconds(started), cpuNanos() - cpu);
            System.out.printf(Locale.ROOT, "  project file: %,d MB%n", Files.size(projectFile) >> 20);

            searchLatency(db, queryRuns);
            firstRows(db);
            System.gc();
            System.out.printf(Locale.ROOT, "heap after GC with the project open: %,d MB; peak over the run: %,d MB%n",
                    memory.getHeapMemoryUsage().getUsed() >> 20, peakHeap.get() >> 20);
        }
        if (baseline) {
            baseline(set, root.resolve("baseline-" + count + ".sqlite"));
        }
        sampler.interrupt();
    }

    private static void report(String what, ImportSummary summary, double seconds, long cpuNanos) {
        int tasks = summary.imported() + summary.updated() + summary.unchanged();
        System.out.printf(Locale.ROOT, "%s: %,d tasks (imported %,d, updated %,d, unchanged %,d, failed %,d) "
                        + "in %.1f s = %,.0f tasks/s; %.1f CPU-seconds = %,.0f tasks per CPU-second%n", what, tasks,
                summary.imported(), summary.updated(), summary.unchanged(), summary.failed(), seconds, tasks / seconds,
                cpuNanos / 1e9, tasks / (cpuNanos / 1e9));
    }

    /** CPU time of this process (all threads): unlike wall time, it does not grow when other work shares the cores. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * What the view does before it shows a search: count the matches and read the first page
     * in order. The ordered ids of all matches (for selections beyond the shown rows) and the
     * facet counts follow in the background; they are measured too.
     */
    private void searchLatency(ProjectDb db, int runs) throws Exception {
        TaskQueries queries = new TaskQueries(db);
        for (String query : QUERIES) { // warm up the statement cache and the page cache
            queries.count(TaskQuery.all().withText(query));
            queries.page(TaskQuery.all().withText(query), 0, 100);
        }
        double[] search = new double[runs];
        double[] ids = new double[runs];
        long matches = 0;
        for (int i = 0; i < runs; i++) {
            TaskQuery query = TaskQuery.all().withText(QUERIES.get(i % QUERIES.size()));
            long started = System.nanoTime();
            matches += queries.count(query);
            queries.page(query, 0, 100);
            search[i] = millis(started);
            started = System.nanoTime();
            queries.ids(query);
            ids[i] = millis(started);
        }
        double[] filtered = new double[runs];
        for (int i = 0; i < runs; i++) {
            TaskQuery query = TaskQuery.all().withText(QUERIES.get(i % QUERIES.size()))
                    .withFilter(org.termcurator.core.tasks.query.TaskFacet.DIFFICULTY, java.util.Set.of("hard"));
            long started = System.nanoTime();
            queries.count(query);
            queries.page(query, 0, 100);
            filtered[i] = millis(started);
        }
        double[] facets = new double[Math.min(runs, QUERIES.size())];
        for (int i = 0; i < facets.length; i++) {
            long started = System.nanoTime();
            queries.facets(TaskQuery.all().withText(QUERIES.get(i)));
            facets[i] = millis(started);
        }
        long started = System.nanoTime();
        queries.facets(TaskQuery.all());
        double allFacets = millis(started);
        System.out.printf(Locale.ROOT, "search (count + first 100 rows in name order), %d runs of %d queries, "
                        + "%,d matches on average: median %.1f ms, p95 %.1f ms, max %.1f ms%n", runs, QUERIES.size(),
                matches / runs, percentile(search, 50), percentile(search, 95), percentile(search, 100));
        System.out.printf(Locale.ROOT, "search + a difficulty filter: median %.1f ms, p95 %.1f ms%n",
                percentile(filtered, 50), percentile(filtered, 95));
        System.out.printf(Locale.ROOT, "ids of all matches in order (background): median %.1f ms, p95 %.1f ms%n",
                percentile(ids, 50), percentile(ids, 95));
        System.out.printf(Locale.ROOT, "facet counts for a search (8 facets, background): median %.0f ms, p95 %.0f ms; "
                + "for all tasks: %.0f ms%n", percentile(facets, 50), percentile(facets, 95), allFacets);
    }

    /** The Tasks view's path: a view model on a project, until the first page of rows is filled in. */
    private void firstRows(ProjectDb db) throws Exception {
        try (JobManager jobs = new JobManager()) {
            for (int round = 0; round < 3; round++) {
                TasksViewModel model = new TasksViewModel(jobs, () -> DockerAddress.of("unix:///nonexistent.sock"),
                        Runnable::run);
                long started = System.nanoTime();
                model.setProject(db);
                model.rowsReady().get(60, TimeUnit.SECONDS);
                TaskRowList rows = model.rowsProperty().get();
                rows.loaded(0).get(60, TimeUnit.SECONDS);
                double firstRows = millis(started);
                model.facetsReady().get(60, TimeUnit.SECONDS);
                double rest = millis(started);
                System.out.printf(Locale.ROOT, "Tasks view (round %d): %,d tasks, first rows shown after %.0f ms; "
                        + "all ids, facets and chart after %.0f ms%n", round + 1, rows.size(), firstRows, rest);
                model.close();
            }
        }
    }

    private static void baseline(Path set, Path database) throws IOException, InterruptedException {
        Path script = Files.createTempFile("task_import_baseline", ".py");
        try (InputStream in = TaskImportBench.class.getResourceAsStream("task_import_baseline.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Process process = new ProcessBuilder("python3", script.toString(), set.toString(), database.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = process.waitFor();
        System.out.println("baseline (python3 " + pythonVersion() + ", tomllib + sqlite3, one thread): "
                + (exit == 0 ? output : "failed (" + exit + "): " + output));
        Files.deleteIfExists(script);
    }

    private static String pythonVersion() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return version.replace("Python ", "");
    }

    /** Reads every file once so that neither importer nor baseline pays for the first disk read. */
    private static void warmPageCache(Path set) throws IOException {
        long started = System.nanoTime();
        long[] bytes = {0};
        try (var files = Files.walk(set)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    bytes[0] += Files.size(file);
                    Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        System.out.printf(Locale.ROOT, "read the task set once (%,d MB) in %.1f s to warm the page cache%n",
                bytes[0] >> 20, seconds(started));
    }

    private static long[] firstPage(long[] ids) {
        return Arrays.copyOf(ids, Math.min(ids.length, 100));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e6;
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

}
