package org.termcurator.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.termcurator.core.curate.CurationPipeline;
import org.termcurator.core.curate.CurationSettings;
import org.termcurator.core.curate.ExportFormat;
import org.termcurator.core.curate.ExportOptions;
import org.termcurator.core.curate.ExportResult;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;

/**
 * Exports for trainers at scale.
 *
 * <pre>scripts/bench.sh TrainerExportBench [--trajectories 100000] [--turns 8] [--output-chars 900]
 *     [--dir DIR] [--tokenizer MODEL_DIR]</pre>
 *
 * On CurationBench's generated project: the plain messages JSONL export, then TRL rows (tool
 * calls, redaction on) as JSONL and as zstd Parquet, each with its own peak heap (sampled every
 * 5 ms). Parquet writes fewer bytes for the same rows, so its speed is given as well in the
 * JSONL bytes of the same rows per second. Last, with a model folder (default: the Qwen3 test
 * fixture), the same TRL export with a length limit, which renders every sample with the chat
 * template and counts it with the model's tokenizer first; the difference is the counting.
 */
public final class TrainerExportBench {

    public static void main(String[] args) throws Exception {
        int trajectories = BenchArgs.intArg(args, "--trajectories", 100_000);
        int turns = BenchArgs.intArg(args, "--turns", 8);
        int outputChars = BenchArgs.intArg(args, "--output-chars", 900);
        Path dir = Path.of(BenchArgs.stringArg(args, "--dir", Files.createTempDirectory("trainer-bench").toString()));
        String model = BenchArgs.stringArg(args, "--tokenizer",
                Path.of("src/test/resources/org/termcurator/core/curate/trainer/qwen3").toAbsolutePath().toString());
        Files.createDirectories(dir);
        Path project = dir.resolve("curation.curator");
        System.out.printf(Locale.ROOT, "TrainerExportBench: %,d trajectories, ~%d turns, max heap %,d MB, %d cores, in %s%n",
                trajectories, turns, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), dir);
        if (!Files.exists(project)) {
            long start = System.nanoTime();
            CurationBench.generate(project, trajectories, turns, outputChars);
            System.out.printf(Locale.ROOT, "  generated project: %,d MB in %.1f s%n", Files.size(project) >> 20,
                    CurationBench.seconds(start));
        }
        try (ProjectDb db = ProjectDb.open(project)) {
            CurationPipeline pipeline = new CurationPipeline(db);
            CurationSettings settings = CurationSettings.defaults();
            long start = System.nanoTime();
            pipeline.preview(settings, JobContext.unobserved());
            System.out.printf(Locale.ROOT, "  first preview (feature scan): %.1f s%n", CurationBench.seconds(start));

            run(pipeline, settings, ExportFormat.MESSAGES, null, dir.resolve("messages"), "messages JSONL", 0);
            ExportOptions trl = ExportOptions.forTarget(ExportFormat.TRL);
            long jsonlBytes = run(pipeline, settings, ExportFormat.TRL, trl.withFileFormat(ExportOptions.FileFormat.JSONL),
                    dir.resolve("trl-jsonl"), "TRL JSONL", 0);
            run(pipeline, settings, ExportFormat.TRL, trl.withFileFormat(ExportOptions.FileFormat.PARQUET),
                    dir.resolve("trl-parquet"), "TRL Parquet (zstd)", jsonlBytes);
            run(pipeline, settings, ExportFormat.TRL, trl.withFileFormat(ExportOptions.FileFormat.JSONL),
                    dir.resolve("trl-jsonl-2"), "TRL JSONL, again", 0);
            run(pipeline, settings, ExportFormat.TRL, trl.withFileFormat(ExportOptions.FileFormat.PARQUET),
                    dir.resolve("trl-parquet-2"), "TRL Parquet (zstd), again", jsonlBytes);
            CurationSettings limited = settings.withTokens(new CurationSettings.TokenLimit(null, 32_000, null, null));
            run(pipeline, limited, ExportFormat.TRL, trl.withFileFormat(ExportOptions.FileFormat.PARQUET)
                    .withTokenizer(model), dir.resolve("trl-model"), "TRL Parquet + chat-template lengths", jsonlBytes);
        }
    }

    private static long run(CurationPipeline pipeline, CurationSettings settings, ExportFormat format,
                            ExportOptions options, Path out, String label, long sameRowsAsJsonl) throws Exception {
        System.gc();
        CurationBench.HeapSampler heap = CurationBench.HeapSampler.start();
        long start = System.nanoTime();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        ExportResult result = pipeline.export(settings, null, format, options, out, JobContext.unobserved());
        double seconds = CurationBench.seconds(start);
        double cpuSeconds = (((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() - cpu) / 1e9;
        long peak = heap.stop();
        System.out.printf(Locale.ROOT, "  %-38s %,7d samples, %,6d MB in %6.1f s = %5.0f MB/s%s, %5.1f s CPU, "
                        + "peak heap %,5d MB%n", label + ":", result.exported(), result.bytes() / 1_000_000, seconds,
                result.bytes() / 1e6 / seconds, sameRowsAsJsonl > 0 ? String.format(Locale.ROOT,
                        " (%5.0f MB/s of the same rows as JSONL)", sameRowsAsJsonl / 1e6 / seconds) : "", cpuSeconds,
                peak);
        return result.bytes();
    }
}
