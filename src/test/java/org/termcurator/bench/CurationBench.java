package org.termcurator.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.termcurator.core.curate.CurationPipeline;
import org.termcurator.core.curate.CurationSettings;
import org.termcurator.core.curate.ExportFormat;
import org.termcurator.core.curate.ExportResult;
import org.termcurator.core.curate.Preview;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;

/**
 * Curate &amp; export at scale.
 *
 * <pre>scripts/bench.sh CurationBench [--trajectories 100000] [--turns 8] [--output-chars 900] [--dir DIR]</pre>
 *
 * Generates (seeded) a project of N Terminus trajectories over N/20 tasks, written straight into
 * the tables the importers fill (the search index left out: curation never reads it), then
 * times the first preview (the scan that builds the feature cache), previews after each kind of
 * settings change, and a messages export (MB/s written), with the peak heap sampled every 5 ms.
 * The baseline is scripts/bench-curation-baseline.py: plain Python that reads the same project,
 * keeps the successful trajectories and writes the same messages JSONL.
 */
public final class CurationBench {

    private static final RunDataGenerator TEXT = new RunDataGenerator(7);
    private static final String[] DOMAINS = {"data-processing", "data-querying", "data-science", "debugging",
            "dependency-management", "file-operations", "scientific-computing", "security", "software-engineering"};
    private static final String[] DIFFICULTIES = {"easy", "medium", "hard"};
    private static final String[] COMMANDS = {"ls -la /app", "cat /app/config.yaml", "python3 -m pytest -q tests/",
            "grep -rn TODO src | head", "sed -i 's/foo/bar/' /app/main.py", "pip install -r requirements.txt",
            "find / -name '*.log' 2>/dev/null | head", "awk -F, '{s+=$3} END {print s}' data.csv", "git status",
            "sqlite3 app.db '.tables'", "make test", "chmod +x run.sh && ./run.sh"};

    public static void main(String[] args) throws Exception {
        int trajectories = BenchArgs.intArg(args, "--trajectories", 100_000);
        int turns = BenchArgs.intArg(args, "--turns", 8);
        int outputChars = BenchArgs.intArg(args, "--output-chars", 900);
        Path dir = Path.of(BenchArgs.stringArg(args, "--dir", Files.createTempDirectory("curation-bench").toString()));
        Files.createDirectories(dir);
        Path project = dir.resolve("curation.curator");
        System.out.printf(Locale.ROOT, "CurationBench: %,d trajectories, ~%d turns, ~%d output chars, max heap %,d MB, in %s%n",
                trajectories, turns, outputChars, Runtime.getRuntime().maxMemory() >> 20, dir);

        if (!Files.exists(project)) {
            long start = System.nanoTime();
            generate(project, trajectories, turns, outputChars);
            System.out.printf(Locale.ROOT, "  generated project: %,d MB in %.1f s%n", Files.size(project) >> 20,
                    seconds(start));
        }

        HeapSampler heap = HeapSampler.start();
        try (ProjectDb db = ProjectDb.open(project)) {
            CurationPipeline pipeline = new CurationPipeline(db);
            CurationSettings defaults = CurationSettings.defaults();
            Preview first = timed("first preview (scan + filters), defaults", () -> pipeline.preview(defaults, JobContext.unobserved()));
            System.out.printf(Locale.ROOT, "    kept %,d of %,d; heap after GC with the feature cache: %,d MB%n",
                    first.keptCount(), first.total(), heap.retainedMb());
            CurationSettings success = defaults.withOutcome(
                    new CurationSettings.Outcome(CurationSettings.OutcomeMode.SUCCESS, 1.0));
            CurationSettings shaped = success.withTurns(new CurationSettings.TurnRange(2, 30))
                    .withTokens(new CurationSettings.TokenLimit(null, 4_000, null,
                            CurationSettings.OverLength.CUT_AFTER_LAST_WHOLE_TURN))
                    .withCleaning(new CurationSettings.Cleaning(CurationSettings.BadTurns.DROP_TURNS, true));
            CurationSettings curriculum = shaped.withCurriculum(new CurationSettings.Curriculum(
                    CurationSettings.CurriculumOrder.DIFFICULTY, List.of(0.3, 0.3, 0.4)))
                    .withSplit(new CurationSettings.Split(0.05))
                    .withMixture(new CurationSettings.Mixture(null, Map.of("security", 2_000), null, null));
            CurationSettings dedup = curriculum.withNearDuplicates(new CurationSettings.NearDuplicates(true, true, 0.8));
            CurationSettings dedupLower = curriculum.withNearDuplicates(new CurationSettings.NearDuplicates(true, true, 0.6));
            timed("preview: keep all -> success only", () -> pipeline.preview(success, JobContext.unobserved()));
            timed("preview: + turns, token cut, cleaning", () -> pipeline.preview(shaped, JobContext.unobserved()));
            timed("preview: + curriculum stages, split, cap", () -> pipeline.preview(curriculum, JobContext.unobserved()));
            timed("preview: + near duplicates on (clusters built)", () -> pipeline.preview(dedup, JobContext.unobserved()));
            timed("preview: near-duplicate threshold 0.8 -> 0.6", () -> pipeline.preview(dedupLower, JobContext.unobserved()));
            timed("preview: back to success only", () -> pipeline.preview(success, JobContext.unobserved()));
            timed("preview: deny-list added (reads assistant texts)", () -> pipeline.preview(success.withQuality(
                    new CurationSettings.Quality(List.of("(?i)as an ai language model"), null, null)),
                    JobContext.unobserved()));
            timed("preview: decontamination on (imported tasks, 14-grams)", () -> pipeline.preview(success
                    .withDecontamination(new CurationSettings.Decontamination(true, 14, null, null)),
                    JobContext.unobserved()));

            export(pipeline, success, dir.resolve("export-1"), "success only, round 1");
            export(pipeline, success, dir.resolve("export-2"), "success only, round 2");
            export(pipeline, defaults, dir.resolve("export-all"), "keep all");
        }
        System.out.printf(Locale.ROOT, "  peak heap (sampled every 5 ms): %,d MB%n", heap.stop());
        baseline(project, dir.resolve("baseline.jsonl"));
    }

    private static void export(CurationPipeline pipeline, CurationSettings settings, Path out, String label)
            throws Exception {
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        ExportResult result = pipeline.export(settings, ExportFormat.MESSAGES, out, JobContext.unobserved());
        double seconds = seconds(start);
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "  export messages, %-22s %,7d samples, %,5d MB in %5.1f s = %4.0f MB/s, "
                        + "%4.0f MB per CPU-s%n", label + ":", result.exported(), result.bytes() / 1_000_000, seconds,
                result.bytes() / 1e6 / seconds, result.bytes() / 1e6 / cpuSeconds);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private static <T> T timed(String label, Work<T> work) throws Exception {
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        T value = work.run();
        System.out.printf(Locale.ROOT, "  %-58s %,9.0f ms (%,.0f ms CPU)%n", label, (System.nanoTime() - start) / 1e6,
                (processCpuNanos() - cpu) / 1e6);
        return value;
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void baseline(Path project, Path out) throws IOException, InterruptedException {
        Path script = Path.of("scripts/bench-curation-baseline.py").toAbsolutePath();
        Process process = new ProcessBuilder("python3", script.toString(), project.toString(), out.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        System.out.printf(Locale.ROOT, "  baseline python3 (success only, messages JSONL): %s%n", output);
    }

    /** The project, written in batches of 1,000 trajectories per transaction. */
    static void generate(Path file, int trajectories, int turns, int outputChars) throws Exception {
        Random random = new Random(42);
        int tasks = Math.max(1, trajectories / 20);
        String now = Instant.parse("2026-11-21T00:00:00Z").toString();
        try (ProjectDb db = ProjectDb.create(file)) {
            db.write(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tasks (id, name, format, "
                        + "category, difficulty, instruction, content_hash, created_at, updated_at, origin) "
                        + "VALUES (?, ?, 'harbor', ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int t = 1; t <= tasks; t++) {
                        insert.setLong(1, t);
                        insert.setString(2, "bench/task-" + t);
                        insert.setString(3, DOMAINS[t % DOMAINS.length]);
                        insert.setString(4, DIFFICULTIES[t % DIFFICULTIES.length]);
                        insert.setString(5, instruction(t));
                        insert.setString(6, "hash-" + t);
                        insert.setString(7, now);
                        insert.setString(8, now);
                        insert.setString(9, t % 50 == 0 ? "imported" : "generated");
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
            for (int start = 1; start <= trajectories; start += 1_000) {
                int from = start;
                int to = Math.min(trajectories, start + 999);
                db.write(connection -> {
                    try (PreparedStatement trajectory = connection.prepareStatement("INSERT INTO trajectories (id, "
                            + "task_id, task_name, format, source, agent, model, resolved, reward, turn_count, "
                            + "content_hash, imported_at) VALUES (?, ?, ?, 'sft-row', ?, 'terminus-2', ?, ?, ?, ?, ?, ?)");
                         PreparedStatement step = connection.prepareStatement("INSERT INTO steps (trajectory_id, idx, "
                                 + "role, message, reasoning, commands, parse_status, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (int id = from; id <= to; id++) {
                            int task = 1 + random.nextInt(tasks);
                            int count = Math.max(1, turns / 2 + random.nextInt(turns + 1));
                            boolean resolved = random.nextDouble() < 0.45;
                            trajectory.setLong(1, id);
                            trajectory.setLong(2, task);
                            trajectory.setString(3, "bench/task-" + task);
                            trajectory.setString(4, id % 3 == 0 ? "adapter-b" : "adapter-a");
                            trajectory.setString(5, id % 4 == 0 ? "qwen3-32b" : "qwen3-8b");
                            trajectory.setInt(6, resolved ? 1 : 0);
                            trajectory.setDouble(7, resolved ? 1.0 : 0.0);
                            trajectory.setInt(8, count);
                            trajectory.setString(9, "c" + id);
                            trajectory.setString(10, now);
                            trajectory.addBatch();
                            int idx = 0;
                            addStep(step, id, idx++, "user", "You are an AI assistant tasked with solving command-line "
                                    + "tasks in a Linux environment.\n\nTask Description:\n" + instruction(task)
                                    + "\n\nCurrent terminal state:\nroot@box:/app# ", null, null, null, "{}");
                            for (int turn = 0; turn < count; turn++) {
                                boolean last = turn == count - 1;
                                boolean broken = random.nextDouble() < 0.03;
                                String command = COMMANDS[random.nextInt(COMMANDS.length)];
                                String answer = broken ? "I will run " + command + " now." : "{\"analysis\": \""
                                        + TEXT.words(30) + "\", \"plan\": \"" + TEXT.words(20)
                                        + "\", \"commands\": [{\"keystrokes\": \"" + command
                                        + "\\n\", \"duration\": 1.0}], \"task_complete\": " + last + "}";
                                addStep(step, id, idx++, "assistant", answer, random.nextInt(3) == 0
                                        ? TEXT.words(40) : null, broken ? null : "[{\"keystrokes\":\""
                                        + command.replace("\"", "\\\"") + "\\n\",\"duration\":1.0}]",
                                        broken ? "parse_error" : "ok",
                                        last ? "{\"_terminus\":{\"task_complete\":true}}" : "{}");
                                if (!last) {
                                    addStep(step, id, idx++, "user", broken ? "Previous response had parsing errors:\n"
                                            + "ERROR: No valid JSON found" : "root@box:/app# " + command + "\n"
                                            + output(random, outputChars), null, null,
                                            broken ? "harness_error" : null, "{}");
                                }
                            }
                        }
                        trajectory.executeBatch();
                        step.executeBatch();
                    }
                    return null;
                });
            }
        }
    }

    private static void addStep(PreparedStatement step, long trajectory, int idx, String role, String message,
                                String reasoning, String commands, String parseStatus, String extra) throws java.sql.SQLException {
        step.setLong(1, trajectory);
        step.setInt(2, idx);
        step.setString(3, role);
        step.setString(4, message);
        step.setString(5, reasoning);
        step.setString(6, commands);
        step.setString(7, parseStatus);
        step.setString(8, extra);
        step.addBatch();
    }

    private static String instruction(int task) {
        return "Task " + task + ": " + new RunDataGenerator(task).words(60 + task % 40);
    }

    private static String output(Random random, int chars) {
        StringBuilder text = new StringBuilder(chars + 80);
        while (text.length() < chars) {
            text.append(TEXT.words(6)).append(' ').append(random.nextInt(100_000)).append('\n');
        }
        return text.toString();
    }

    /** Samples the used heap every 5 ms. */
    static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread = Thread.ofPlatform().daemon().start(() -> {
                while (sampler.running) {
                    sampler.peak.accumulateAndGet(sampler.memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return sampler;
        }

        long retainedMb() {
            System.gc();
            return memory.getHeapMemoryUsage().getUsed() >> 20;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get() >> 20;
        }
    }
}
