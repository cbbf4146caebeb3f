package org.termcurator.bench;

import static org.termcurator.bench.BenchArgs.hasArg;
import static org.termcurator.bench.BenchArgs.intArg;
import static org.termcurator.bench.BenchArgs.stringArg;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.trajectories.RunImportSummary;
import org.termcurator.core.trajectories.RunImporter;
import org.termcurator.core.trajectories.StepsSearchIndex;
import org.termcurator.core.trajectories.TrajectoryFacet;
import org.termcurator.core.trajectories.TrajectoryFilter;
import org.termcurator.core.trajectories.TrajectoryQueries;

/**
 * Run import speed and the trajectories table at scale.
 *
 * <pre>scripts/bench.sh RunImportBench [--trials N] [--cast-kb K] [--rows N] [--table-rows N] [--dir DIR]</pre>
 *
 * 1. a Terminal-Bench 1 run of N trials (casts, logs, panes, episodes): import MB/s;
 * 2. a JSONL file of Terminus conversations: import MB/s and peak heap, for two sizes to show
 *    the heap does not grow with the file;
 * 3. a project of --table-rows trajectories: open it, first page + facets, then one facet applied;
 * and the Python baseline (scripts/bench-runs-baseline.py) over the same files.
 */
public final class RunImportBench {

    public static void main(String[] args) throws Exception {
        int trials = intArg(args, "--trials", 200);
        int castKb = intArg(args, "--cast-kb", 600);
        int rows = intArg(args, "--rows", 20_000);
        int tableRows = intArg(args, "--table-rows", 100_000);
        Path dir = Path.of(stringArg(args, "--dir", Files.createTempDirectory("run-import-bench").toString()));
        Files.createDirectories(dir);
        System.out.printf("RunImportBench: %d trials (~%d KB casts), %,d JSONL rows, %,d-row table, in %s%n",
                trials, castKb, rows, tableRows, dir);

        RunDataGenerator generator = new RunDataGenerator(42);
        Path run = dir.resolve("tb1-run");
        generator.tb1Run(run, trials, castKb * 1024);
        Path harbor = dir.resolve("harbor-job");
        generator.harborJob(harbor, trials, castKb * 1024);
        Path smallJsonl = dir.resolve("rows-small.jsonl");
        Path largeJsonl = dir.resolve("rows-large.jsonl");
        generator.jsonl(smallJsonl, rows / 4, 8, 1500);
        generator.jsonl(largeJsonl, rows, 8, 1500);
        Path tableJsonl = dir.resolve("rows-table.jsonl");
        generator.jsonl(tableJsonl, tableRows, 4, 400);

        // warm the JIT on a small run first, as a user's second import would be
        Path warmRun = dir.resolve("warm-up-run");
        generator.tb1Run(warmRun, 20, castKb * 1024);
        Path warmRows = dir.resolve("warm-up.jsonl");
        generator.jsonl(warmRows, 1000, 8, 1500);
        // the generated gigabyte goes to disk now, not while the imports below write their projects
        flushToDisk();
        measureImport("warm-up (not a figure)", dir.resolve("p-warm.curator"), warmRun);
        measureImport("warm-up (not a figure)", dir.resolve("p-warm.curator"), warmRows);

        measureImport("TB1 run folder", dir.resolve("p-run.curator"), run);
        measureImport("Harbor job folder", dir.resolve("p-harbor.curator"), harbor);
        measureImport("JSONL, small", dir.resolve("p-small.curator"), smallJsonl);
        measureImport("JSONL, large", dir.resolve("p-large.curator"), largeJsonl);
        System.out.println("again, unchanged (re-import of the TB1 run):");
        measureImport("TB1 run folder, re-import", dir.resolve("p-run.curator"), run);

        Path table = dir.resolve("p-table.curator");
        measureImport("JSONL for the table", table, tableJsonl);
        measureTable(table);

        baseline("TB1 run folder", run);
        baseline("Harbor job folder", harbor);
        baseline("JSONL, large", largeJsonl);
        if (!hasArg(args, "--dir")) {
            deleteTree(dir);
        }
    }

    /** Runs sync(1) where there is one: the inputs are meant to be on a local disk, not dirty in the page cache. */
    private static void flushToDisk() throws InterruptedException {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (IOException e) {
            System.out.println("  (no sync command: inputs may still be being written back during the first imports)");
        }
    }

    private static void measureImport(String label, Path project, Path input) throws Exception {
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        RunImportSummary summary;
        double seconds;
        double cpuSeconds;
        long indexed;
        double indexSeconds;
        double indexCpuSeconds;
        try (ProjectDb db = org.termcurator.core.project.ProjectAccess.CREATE.open(project)) {
            summary = new RunImporter(db).importPaths(List.of(input), JobContext.unobserved());
            seconds = (System.nanoTime() - start) / 1e9;
            cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
            // the search index follows the import (the app builds it in the background)
            long indexStart = System.nanoTime();
            long indexCpuStart = os.getProcessCpuTime();
            indexed = StepsSearchIndex.catchUp(db, JobContext.unobserved());
            indexSeconds = (System.nanoTime() - indexStart) / 1e9;
            indexCpuSeconds = (os.getProcessCpuTime() - indexCpuStart) / 1e9;
        }
        running.set(false);
        sampler.join();
        double megabytes = summary.bytesRead() / 1e6;
        System.out.printf("  %-28s %8.1f MB in %6.2f s = %6.1f MB/s (%5.1f MB per CPU-second; load %.1f)  "
                        + "imported %,d, unchanged %,d, failed %,d; peak heap %,d MB, project %,d MB%n", label,
                megabytes, seconds, megabytes / seconds, megabytes / cpuSeconds, os.getSystemLoadAverage(),
                summary.imported() + summary.updated(), summary.unchanged(), summary.failed(),
                peak.get() / (1024 * 1024), Files.size(project) / (1024 * 1024));
        if (indexed > 0) {
            System.out.printf("  %-28s %,d trajectories in %6.2f s (%5.2f CPU-s); import + index %6.1f MB/s (%5.1f MB per CPU-second)%n",
                    "  then the search index", indexed, indexSeconds, indexCpuSeconds, megabytes / (seconds + indexSeconds),
                    megabytes / (cpuSeconds + indexCpuSeconds));
        }
    }

    private static void measureTable(Path project) throws Exception {
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            try (ProjectDb db = ProjectDb.open(project, ProjectDb.Mode.READ_ONLY)) {
                TrajectoryQueries store = new TrajectoryQueries(db);
                long total = store.page(TrajectoryFilter.all(), 0, 100).total();
                double firstPage = millisSince(start);
                long facetsStart = System.nanoTime();
                long facetsCpu = processCpuNanos();
                store.facets(TrajectoryFilter.all());
                double facets = millisSince(facetsStart);
                double facetsCpuMillis = (processCpuNanos() - facetsCpu) / 1e6;
                long facetStart = System.nanoTime();
                TrajectoryFilter model = TrajectoryFilter.all().with(TrajectoryFacet.MODEL, "qwen3-8b");
                long matching = store.page(model, 0, 100).total();
                double facetPage = millisSince(facetStart);
                long facetCountsStart = System.nanoTime();
                store.facets(model);
                double facetCounts = millisSince(facetCountsStart);
                long lastStart = System.nanoTime();
                store.page(TrajectoryFilter.all(), (int) Math.max(0, total - 100), 100);
                double lastPage = millisSince(lastStart);
                long searchStart = System.nanoTime();
                long found = store.page(TrajectoryFilter.all().withQuery("sqlite3 tables"), 0, 100).total();
                double search = millisSince(searchStart);
                System.out.printf("  table of %,d (round %d, load %.1f): open + first page %,.0f ms, facet counts %,.0f ms "
                                + "(%,.0f ms CPU); "
                                + "facet model=qwen3-8b (%,d rows): page %,.0f ms, counts %,.0f ms; last page %,.0f ms; "
                                + "search (%,d hits) %,.0f ms%n", total, round,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), firstPage, facets, facetsCpuMillis,
                        matching, facetPage, facetCounts, lastPage, found, search);
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void baseline(String label, Path input) throws IOException, InterruptedException {
        Path script = Path.of("scripts/bench-runs-baseline.py").toAbsolutePath();
        Process process = new ProcessBuilder("python3", script.toString(), input.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        System.out.printf("  baseline (python3 json parse, no store) %-20s %s%n", label, output);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
