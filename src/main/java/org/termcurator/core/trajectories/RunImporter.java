package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.termcurator.core.io.ItemCap;
import org.termcurator.core.jobs.JobCancelledException;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.BulkImportTuning;
import org.termcurator.core.project.ProjectDb;

/**
 * Imports runs into a project: finds every trial folder, rows file and cast under the given
 * paths, reads each item, and writes items in batches, each batch one transaction. Re-importing
 * skips unchanged items and replaces changed ones; a bad item is reported with its path (and
 * line) and the rest go on; a cancel stops after whole items. Progress counts bytes read.
 */
public final class RunImporter {

    /** Items per transaction; a batch is also written early once it holds this many bytes of data. */
    private static final int BATCH_ITEMS = 200;
    private static final long BATCH_BYTES = 32L * 1024 * 1024;

    /** Waits for the project's writer thread off the reading thread; virtual, as it only blocks. */
    private static final Executor WRITE_HANDOFF = command -> Thread.ofVirtual().name("run-import-write").start(command);

    /** Where a trial's run id is kept in its extra. */
    static final String RUN_ID = "run_id";

    private final ProjectDb db;
    private final long maxItemBytes;

    public RunImporter(ProjectDb db) {
        this(db, ItemCap.DEFAULT_BYTES);
    }

    /** @param maxItemBytes the most one item (a JSONL row) may hold; a longer one is reported and skipped */
    public RunImporter(ProjectDb db, long maxItemBytes) {
        this.db = db;
        this.maxItemBytes = maxItemBytes;
    }

    public RunImportSummary importPaths(List<Path> paths, JobContext context) throws SQLException {
        context.message("Looking for runs");
        List<RunSource> sources = RunDiscovery.discover(paths);
        Run run = new Run(context, sources.stream().mapToLong(RunSource::size).sum());
        BulkImportTuning tuning = BulkImportTuning.apply(db);
        try {
            for (RunSource source : sources) {
                run.stopIfCancelled();
                context.message("Importing " + source.path().getFileName());
                run.read(source);
            }
            run.flush();
            run.awaitWrite();
        } finally {
            tuning.restore();
        }
        return run.summary();
    }

    /** One import's state: counts, errors, the batch being filled. */
    private final class Run implements ItemSink {
        private final JobContext context;
        private final long totalBytes;
        private final List<TrajectoryWriter.Encoded> batch = new ArrayList<>();
        private final List<ImportError> errors = new ArrayList<>();
        private final Map<Path, RunMetadata> runMetadata = new HashMap<>();
        private final Map<Path, java.util.Optional<String>> jobIds = new HashMap<>();
        /** Run id and trial name of each trial taken so far, to the path it was taken from. */
        private final Map<String, String> taken = new HashMap<>();
        private final List<RunImportSummary.Duplicate> duplicates = new ArrayList<>();
        private CompletableFuture<int[]> inFlight;
        private long batchBytes;
        private long bytesDone;
        private int imported;
        private int updated;
        private int unchanged;

        Run(JobContext context, long totalBytes) {
            this.context = context;
            this.totalBytes = totalBytes;
        }

        void read(RunSource source) throws SQLException {
            try {
                switch (source) {
                    case RunSource.Tb1Trial trial -> readTb1Trial(trial);
                    case RunSource.Tb1ResultsEntry entry -> {
                        Path runFolder = entry.path().getParent();
                        RunMetadata metadata = metadataOf(runFolder);
                        Trajectory trajectory = Tb1TrialReader.fromResults(
                                entry.path() + "#" + Json.text(entry.entry(), "trial_name"), entry.entry(),
                                metadata.node()).contentHash(ContentHash.of(
                                entry.entry().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                        acceptOnce(trajectory, Tb1TrialReader.runId(runFolder, metadata.node()), entry.size());
                    }
                    case RunSource.HarborTrial trial -> {
                        ItemFiles files = new ItemFiles(trial.path());
                        acceptOnce(HarborTrialReader.read(files), jobIdOf(trial.path()), trial.size());
                    }
                    case RunSource.RolloutFolder rollout ->
                            accept(RolloutFolderReader.read(new ItemFiles(rollout.path())), rollout.size());
                    case RunSource.JsonlRows rows -> SftRowFiles.readJsonl(rows.path(), this, maxItemBytes);
                    case RunSource.ParquetRows rows -> SftRowFiles.readParquet(rows.path(), this);
                    case RunSource.CastFile cast -> accept(CastFileReader.read(cast.path()), cast.size());
                    case RunSource.Unusable unusable -> fail(unusable.path().toString(), unusable.reason(), 0);
                }
            } catch (IOException | UncheckedIOException e) {
                fail(source.path().toString(), "cannot read: " + e.getMessage(), source.size());
            } catch (IllegalArgumentException e) {
                fail(source.path().toString(), e.getMessage(), source.size());
            } catch (JobCancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                // a reader's own fault on one odd item must not cost the user the rest of the import
                fail(source.path().toString(), "cannot import (" + e + ")", source.size());
            }
        }

        private void readTb1Trial(RunSource.Tb1Trial trial) throws IOException, SQLException {
            ItemFiles files = new ItemFiles(trial.path());
            JsonNode results = null;
            if (Files.isRegularFile(trial.path().resolve("results.json"))) {
                try {
                    results = Json.read(files.read("results.json"));
                } catch (IOException e) {
                    throw new IllegalArgumentException("results.json: invalid JSON ("
                            + Json.firstLine(e.getMessage()) + ")", e);
                }
            }
            Path runFolder = Tb1TrialReader.runFolderOf(trial.path());
            RunMetadata metadata = metadataOf(runFolder);
            acceptOnce(Tb1TrialReader.readFolder(files, results, metadata.bytes(), metadata.node()),
                    Tb1TrialReader.runId(runFolder, metadata.node()), trial.size());
        }

        /**
         * Takes a trial of a run unless the same trial of the same run (run id and trial name) was
         * already taken in this import or is stored from another path: then it is reported as a
         * duplicate and skipped, so a run copied inside another, or imported again from elsewhere,
         * counts once.
         */
        private void acceptOnce(Trajectory trajectory, String runId, long bytes) throws SQLException {
            String trialName = trajectory.trialName();
            if (runId == null || trialName == null) {
                accept(trajectory, bytes);
                return;
            }
            trajectory.extra().put(RUN_ID, runId);
            String key = runId + "\u0000" + trialName;
            String sameAs = taken.putIfAbsent(key, trajectory.sourcePath());
            if (sameAs == null) {
                sameAs = storedElsewhere(trajectory, runId);
            }
            if (sameAs != null && !sameAs.equals(trajectory.sourcePath())) {
                duplicates.add(new RunImportSummary.Duplicate(trajectory.sourcePath(), sameAs, runId, trialName));
                advance(bytes);
                stopIfCancelled();
                return;
            }
            accept(trajectory, bytes);
        }

        /** The source path of the same trial of the same run stored from another path, or null. */
        private String storedElsewhere(Trajectory trajectory, String runId) throws SQLException {
            return db.read(connection -> {
                // task_name is indexed; a task has few trials, so the rest is checked row by row
                try (java.sql.PreparedStatement find = connection.prepareStatement("SELECT source_path FROM trajectories "
                        + "WHERE task_name IS ? AND trial_name = ? AND format = ? AND source_path <> ? "
                        + "AND json_extract(extra, '$." + RUN_ID + "') = ? LIMIT 1")) {
                    find.setString(1, trajectory.taskName());
                    find.setString(2, trajectory.trialName());
                    find.setString(3, trajectory.format());
                    find.setString(4, trajectory.sourcePath());
                    find.setString(5, runId);
                    try (java.sql.ResultSet rows = find.executeQuery()) {
                        return rows.next() ? rows.getString(1) : null;
                    }
                }
            });
        }

        /**
         * A Harbor trial's run is its job: the id in the job folder's result.json, else the job id
         * in the trial's own config, else the job folder's name.
         */
        private String jobIdOf(Path trialFolder) {
            Path jobFolder = trialFolder.getParent();
            if (jobFolder == null) {
                return null;
            }
            String id = jobIds.computeIfAbsent(jobFolder, folder -> {
                Path result = folder.resolve("result.json");
                try {
                    if (Files.isRegularFile(result)) {
                        JsonNode job = Json.read(result);
                        if (job != null && job.isObject() && !job.has("trial_name")) {
                            return java.util.Optional.ofNullable(Json.text(job, "id"));
                        }
                    }
                } catch (IOException e) {
                    // a broken job summary leaves the trial's own job id or the folder name
                }
                return java.util.Optional.empty();
            }).orElse(null);
            if (id == null) {
                try {
                    Path trialResult = trialFolder.resolve("result.json");
                    if (Files.isRegularFile(trialResult)) {
                        id = Json.text(Json.read(trialResult).path("config"), "job_id");
                    }
                } catch (IOException e) {
                    // the trial reader reports it
                }
            }
            return id != null ? id : jobFolder.getFileName() == null ? null : jobFolder.getFileName().toString();
        }

        /** A run's run_metadata.json, read once for all its trials; missing or broken means none. */
        private RunMetadata metadataOf(Path runFolder) {
            if (runFolder == null) {
                return RunMetadata.NONE;
            }
            return runMetadata.computeIfAbsent(runFolder, folder -> {
                Path file = folder.resolve("run_metadata.json");
                try {
                    if (!Files.isRegularFile(file)) {
                        return RunMetadata.NONE;
                    }
                    byte[] bytes = Files.readAllBytes(file);
                    JsonNode node = Json.read(bytes);
                    return new RunMetadata(bytes, node.isObject() ? node : null);
                } catch (IOException e) {
                    errors.add(new ImportError(file.toString(), "ignored, its trials import without agent and "
                            + "model: invalid JSON (" + Json.firstLine(e.getMessage()) + ")", false));
                    return RunMetadata.NONE;
                }
            });
        }

        @Override
        public void accept(Trajectory trajectory, long bytes) throws SQLException {
            Map<String, Double> rewards = new java.util.LinkedHashMap<>(trajectory.rewards());
            rewards.putIfAbsent("reward", trajectory.reward());
            for (Map.Entry<String, Double> reward : rewards.entrySet()) {
                Double value = reward.getValue();
                if (value != null && !Double.isFinite(value)) {
                    // 1e400 reads as Infinity and would count as resolved; NaN compares as nothing
                    fail(trajectory.sourcePath(), "the reward '" + reward.getKey() + "' is " + value
                            + " (not a finite number: out of range or not a number); not imported", bytes);
                    return;
                }
            }
            batch.add(TrajectoryWriter.encode(trajectory));
            batchBytes += approximateSize(trajectory);
            advance(bytes);
            if (batch.size() >= BATCH_ITEMS || batchBytes >= BATCH_BYTES) {
                flush();
            }
            stopIfCancelled();
        }

        @Override
        public void fail(String path, String message, long bytes) throws SQLException {
            errors.add(new ImportError(path, message));
            advance(bytes);
            stopIfCancelled();
        }

        private void advance(long bytes) {
            bytesDone += bytes;
            context.progress(bytesDone, totalBytes);
        }

        /** On cancel, what was read whole is still written, then the import stops. */
        void stopIfCancelled() throws SQLException {
            if (context.isCancelled()) {
                flush();
                awaitWrite();
                throw new JobCancelledException();
            }
        }

        /**
         * Hands the batch to the project's writer and goes on reading while it is written: one
         * batch in flight at most, so reading and writing overlap without holding more data.
         */
        void flush() throws SQLException {
            if (batch.isEmpty()) {
                return;
            }
            List<TrajectoryWriter.Encoded> items = List.copyOf(batch);
            batch.clear();
            batchBytes = 0;
            awaitWrite();
            inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return db.write(connection -> {
                        int[] outcome = new int[TrajectoryWriter.Outcome.values().length];
                        try (TrajectoryWriter writer = new TrajectoryWriter(connection)) {
                            for (TrajectoryWriter.Encoded trajectory : items) {
                                outcome[writer.write(trajectory).ordinal()]++;
                            }
                        }
                        return outcome;
                    });
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            }, WRITE_HANDOFF);
        }

        /** Waits for the batch being written, if any, and counts its outcome. */
        void awaitWrite() throws SQLException {
            if (inFlight == null) {
                return;
            }
            int[] counts;
            try {
                counts = inFlight.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw e;
            } finally {
                inFlight = null;
            }
            imported += counts[TrajectoryWriter.Outcome.IMPORTED.ordinal()];
            updated += counts[TrajectoryWriter.Outcome.UPDATED.ordinal()];
            unchanged += counts[TrajectoryWriter.Outcome.UNCHANGED.ordinal()];
        }

        RunImportSummary summary() {
            int failed = (int) errors.stream().filter(ImportError::itemFailed).count();
            return new RunImportSummary(imported, updated, unchanged, failed, errors, bytesDone, duplicates);
        }
    }

    private static long approximateSize(Trajectory trajectory) {
        long size = 1024;
        for (Attachment attachment : trajectory.attachments()) {
            size += attachment.data() == null ? 0 : attachment.data().length;
        }
        for (Step step : trajectory.steps()) {
            size += 2L * (length(step.message()) + length(step.observation()) + length(step.reasoning()));
        }
        return size;
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }

    private record RunMetadata(byte[] bytes, JsonNode node) {
        static final RunMetadata NONE = new RunMetadata(null, null);
    }
}
