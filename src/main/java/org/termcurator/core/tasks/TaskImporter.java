package org.termcurator.core.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.termcurator.core.io.AppTemp;
import org.termcurator.core.io.FileTrees;
import org.termcurator.core.io.SafeArchives;
import org.termcurator.core.jobs.Futures;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.BulkImportTuning;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.core.tasks.lint.LintFinding;
import org.termcurator.core.tasks.lint.MinHash;
import org.termcurator.core.tasks.lint.ProjectLinter;
import org.termcurator.core.tasks.lint.TaskLinter;

/**
 * Imports task sets into a project: task folders at any depth and archives of them.
 *
 * <p>Folders are read and parsed on a few threads while the single project writer stores
 * them in batches, each batch one transaction, so a failure or a cancel leaves only whole
 * tasks behind. A task is matched to what the project has by its source path (same content:
 * unchanged; other content: updated), or else by name and content (an export read back).
 * A broken task is reported with its path and reason and the rest goes on.
 */
public final class TaskImporter {

    /**
     * @param maxFileBytes files larger than this are kept as a reference to where they were read
     * @param batchSize    tasks per transaction
     * @param threads      threads that read and parse task folders
     */
    public record Options(long maxFileBytes, int batchSize, int threads, LintContext lint,
                          SafeArchives.Limits archiveLimits) {

        public Options {
            if (maxFileBytes < 0 || batchSize < 1 || threads < 1) {
                throw new IllegalArgumentException("size cap, batch size and threads must be positive");
            }
        }

        public static Options defaults(LintContext lint) {
            return new Options(TaskFolderReader.DEFAULT_MAX_FILE_BYTES, 200,
                    Math.max(2, Runtime.getRuntime().availableProcessors()), lint, SafeArchives.Limits.DEFAULT);
        }

        public Options withMaxFileBytes(long bytes) {
            return new Options(bytes, batchSize, threads, lint, archiveLimits);
        }

        public Options withBatchSize(int size) {
            return new Options(maxFileBytes, size, threads, lint, archiveLimits);
        }

        public Options withArchiveLimits(SafeArchives.Limits limits) {
            return new Options(maxFileBytes, batchSize, threads, lint, limits);
        }
    }

    /** A folder to read as one task. */
    private record Candidate(Path folder, String folderName, String sourcePath, String originalPrefix) {
    }

    /** A candidate read and checked, or the reason it could not be. */
    private record Parsed(Candidate candidate, Task task, List<LintFinding> findings, byte[] minhash, String error) {
        long bytes() {
            return task == null ? 0 : task.files().stream().mapToLong(file -> file.content() == null ? 0
                    : file.content().length).sum();
        }
    }

    /** A batch is stored early when its files add up to this much, so that big tasks do not fill the heap. */
    private static final long MAX_BATCH_BYTES = 32L << 20;

    private enum Outcome { IMPORTED, UPDATED, UNCHANGED }

    /** What became of one stored candidate, and the id of its task. */
    private record Stored(Outcome outcome, long id) {
    }

    private final ProjectDb db;
    private final Options options;

    public TaskImporter(ProjectDb db, Options options) {
        this.db = db;
        this.options = options;
    }

    public ImportSummary importPaths(List<Path> paths, JobContext job) throws SQLException {
        List<ImportError> errors = new ArrayList<>();
        List<Path> unpacked = new ArrayList<>();
        try {
            List<Candidate> candidates = new ArrayList<>();
            for (Path path : paths) {
                job.checkCancelled();
                collect(path.toAbsolutePath().normalize(), candidates, errors, unpacked, job);
            }
            job.checkCancelled();
            return store(candidates, errors, job);
        } finally {
            unpacked.forEach(FileTrees::deleteQuietly);
        }
    }

    private void collect(Path path, List<Candidate> candidates, List<ImportError> errors, List<Path> unpacked,
                         JobContext job) {
        job.message("Looking for tasks in " + path);
        if (!Files.exists(path)) {
            errors.add(new ImportError(path.toString(), "does not exist"));
            return;
        }
        int before = candidates.size();
        try {
            if (Files.isRegularFile(path) && SafeArchives.isArchive(path)) {
                Path target = AppTemp.newFolder("import-");
                unpacked.add(target);
                job.message("Unpacking " + path.getFileName());
                try {
                    SafeArchives.extract(path, target, options.archiveLimits());
                } catch (SafeArchives.UnsafeEntryException e) {
                    FileTrees.deleteQuietly(target); // what was unpacked goes now, so the next input has the room
                    errors.add(new ImportError(path.toString(), e.getMessage() + "; nothing was imported from it"));
                    return;
                } catch (SafeArchives.ArchiveLimitException e) {
                    FileTrees.deleteQuietly(target);
                    errors.add(new ImportError(path.toString(), e.getMessage()));
                    return;
                } catch (IOException e) {
                    FileTrees.deleteQuietly(target);
                    errors.add(new ImportError(path.toString(), "cannot be unpacked (" + e.getMessage() + ")"));
                    return;
                }
                for (Path folder : TaskDiscovery.find(target, job::isCancelled, unreadable(errors))) {
                    String inside = TaskFolderReader.relative(target, folder);
                    String source = inside.isEmpty() ? path.toString() : path + "!/" + inside;
                    String name = inside.isEmpty() ? archiveBaseName(path) : folder.getFileName().toString();
                    candidates.add(new Candidate(folder, name, source, source));
                }
            } else if (Files.isRegularFile(path) && isConfigFile(path)) {
                addFolder(path.getParent(), candidates);
            } else if (Files.isDirectory(path)) {
                for (Path folder : TaskDiscovery.find(path, job::isCancelled, unreadable(errors))) {
                    addFolder(folder, candidates);
                }
            } else {
                errors.add(new ImportError(path.toString(), "is neither a folder nor a .tar.gz, .tgz or .zip archive"));
                return;
            }
        } catch (IOException e) {
            errors.add(new ImportError(path.toString(), "cannot be read (" + e.getMessage() + ")"));
            return;
        }
        if (candidates.size() == before && !job.isCancelled()) {
            errors.add(new ImportError(path.toString(), "holds no task (no task.toml or task.yaml at any depth)"));
        }
    }

    private static java.util.function.BiConsumer<Path, String> unreadable(List<ImportError> errors) {
        return (folder, reason) -> errors.add(new ImportError(folder.toString(), reason));
    }

    private static void addFolder(Path folder, List<Candidate> candidates) {
        String source = folder.toString();
        candidates.add(new Candidate(folder, folder.getFileName().toString(), source, source));
    }

    private static boolean isConfigFile(Path path) {
        String name = path.getFileName().toString();
        return name.equals(TaskLayout.HARBOR_CONFIG) || name.equals(TaskLayout.TB1_CONFIG);
    }

    private static String archiveBaseName(Path archive) {
        String name = archive.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : List.of(".tar.gz", ".tgz", ".tar", ".zip")) {
            if (lower.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** Reads candidates on the worker threads in order, and stores them batch by batch. */
    private ImportSummary store(List<Candidate> candidates, List<ImportError> errors, JobContext job)
            throws SQLException {
        int[] counts = new int[Outcome.values().length];
        Map<String, TaskStore.Existing> existing = db.read(TaskStore::existingBySource);
        TaskFolderReader reader = new TaskFolderReader(options.maxFileBytes());
        int total = candidates.size();
        job.message(String.format(Locale.ROOT, "Importing %,d tasks", total));
        job.progress(0, total);
        BulkImportTuning tuning = BulkImportTuning.apply(db);
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "task-import-reader");
            thread.setDaemon(true);
            return thread;
        });
        ExecutorService committer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "task-import-committer");
            thread.setDaemon(true);
            return thread;
        });
        Future<?> writing = java.util.concurrent.CompletableFuture.completedFuture(null);
        try {
            Deque<Future<Parsed>> window = new ArrayDeque<>();
            int windowSize = options.threads() * 8;
            int next = 0;
            while (next < total && window.size() < windowSize) {
                Candidate candidate = candidates.get(next++);
                window.add(workers.submit(() -> parse(candidate, reader)));
            }
            List<Parsed> batch = new ArrayList<>(options.batchSize());
            long batchBytes = 0;
            int[] done = {0};
            while (!window.isEmpty()) {
                job.checkCancelled();
                Parsed parsed = Futures.await(window.poll());
                if (next < total) {
                    Candidate candidate = candidates.get(next++);
                    window.add(workers.submit(() -> parse(candidate, reader)));
                }
                batch.add(parsed);
                batchBytes += parsed.bytes();
                if (batch.size() >= options.batchSize() || batchBytes >= MAX_BATCH_BYTES || window.isEmpty()) {
                    // One batch is stored while the next is read: at most two batches are in memory.
                    Futures.await(writing);
                    job.checkCancelled();
                    List<Parsed> full = batch;
                    batch = new ArrayList<>(options.batchSize());
                    batchBytes = 0;
                    writing = committer.submit(() -> {
                        writeBatch(full, existing, counts, errors);
                        done[0] += full.size();
                        job.message(String.format(Locale.ROOT, "Processed %,d of %,d tasks", done[0], total));
                        job.progress(done[0], total);
                        return null;
                    });
                }
            }
            Futures.await(writing);
        } finally {
            workers.shutdownNow();
            finish(writing); // a cancel waits for the batch in flight: it is stored whole or not at all
            committer.shutdown();
            tuning.restore();
        }
        if (counts[Outcome.IMPORTED.ordinal()] + counts[Outcome.UPDATED.ordinal()] > 0) {
            job.message("Looking for duplicate and near-identical tasks");
            lintAcrossTasks();
        }
        return new ImportSummary(counts[Outcome.IMPORTED.ordinal()], counts[Outcome.UPDATED.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()], errors.size(), errors);
    }

    /** A task read from its folder, with its per-task lint findings and instruction signature. */
    private record Checked(Task task, List<LintFinding> findings, byte[] minhash) {
    }

    private Checked check(TaskFolderReader reader, Path folder, String folderName, String sourcePath,
                          String originalPrefix, TaskOrigin origin) throws TaskDefinitionException {
        List<TaskFile> files = reader.read(folder, originalPrefix);
        Task task = TaskAssembler.assemble(folderName, sourcePath, origin, files);
        return new Checked(task, TaskLinter.lint(task, options.lint()), MinHash.toBytes(MinHash.signature(task.instruction())));
    }

    /**
     * Stores one task folder the app made (a generated task): read, checked and linted like an
     * imported task, and stored with its provenance in one transaction. The cross-task rules
     * are left to {@link #lintAcrossTasks()}, run once after a run of such tasks.
     *
     * @return the new task's id
     * @throws TaskDefinitionException when the folder does not read as a task; nothing is stored
     */
    public long storeGenerated(Path folder, TaskProvenance provenance) throws SQLException, TaskDefinitionException {
        Path absolute = folder.toAbsolutePath().normalize();
        Checked checked = check(new TaskFolderReader(options.maxFileBytes()), absolute,
                absolute.getFileName().toString(), absolute.toString(), absolute.toString(), TaskOrigin.GENERATED);
        return db.write(connection -> {
            long id;
            try (TaskStore.Writer writer = new TaskStore.Writer(connection)) {
                id = writer.insert(checked.task(), checked.findings(), checked.minhash(), Instant.now());
            }
            TaskProvenance.write(connection, id, provenance);
            return id;
        });
    }

    /** The duplicate-name and near-identical-instruction rules over the whole project. */
    public void lintAcrossTasks() throws SQLException {
        db.write(connection -> {
            ProjectLinter.lintAcrossTasks(connection);
            return null;
        });
    }

    private Parsed parse(Candidate candidate, TaskFolderReader reader) {
        try {
            Checked checked = check(reader, candidate.folder(), candidate.folderName(), candidate.sourcePath(),
                    candidate.originalPrefix(), TaskOrigin.IMPORTED);
            return new Parsed(candidate, checked.task(), checked.findings(), checked.minhash(), null);
        } catch (TaskDefinitionException e) {
            return new Parsed(candidate, null, null, null, e.getMessage());
        } catch (RuntimeException e) {
            return new Parsed(candidate, null, null, null, "cannot be read (" + e + ")");
        }
    }

    private static void finish(Future<?> writing) {
        boolean interrupted = false;
        while (true) {
            try {
                writing.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting: the transaction must end before we return
            } catch (ExecutionException e) {
                break; // reported by the await that saw it first
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeBatch(List<Parsed> batch, Map<String, TaskStore.Existing> existing, int[] counts,
                            List<ImportError> errors) throws SQLException {
        Instant now = Instant.now();
        List<Stored> outcomes = db.write(connection -> {
            List<Stored> results = new ArrayList<>(batch.size());
            try (TaskStore.Writer writer = new TaskStore.Writer(connection)) {
                for (Parsed parsed : batch) {
                    if (parsed.error() != null) {
                        results.add(null);
                        continue;
                    }
                    Task task = parsed.task();
                    TaskStore.Existing known = existing.get(task.sourcePath());
                    if (known != null) {
                        if (known.contentHash().equals(task.contentHash())) {
                            results.add(new Stored(Outcome.UNCHANGED, known.id()));
                        } else {
                            writer.update(known.id(), task, parsed.findings(), parsed.minhash(), now);
                            TaskProvenance.keepGenerated(connection, known.id());
                            results.add(new Stored(Outcome.UPDATED, known.id()));
                        }
                        continue;
                    }
                    Optional<Long> same = writer.findByNameAndContent(task.name(), task.contentHash());
                    if (same.isPresent()) {
                        results.add(new Stored(Outcome.UNCHANGED, same.get()));
                    } else {
                        long id = writer.insert(task, parsed.findings(), parsed.minhash(), now);
                        results.add(new Stored(Outcome.IMPORTED, id));
                    }
                }
            }
            return results;
        });
        // Only now, with the batch committed, does it count.
        for (int i = 0; i < batch.size(); i++) {
            Parsed parsed = batch.get(i);
            Stored stored = outcomes.get(i);
            if (stored == null) {
                errors.add(new ImportError(parsed.candidate().sourcePath(), parsed.error()));
                continue;
            }
            counts[stored.outcome().ordinal()]++;
            if (stored.outcome() != Outcome.UNCHANGED) {
                existing.put(parsed.task().sourcePath(), new TaskStore.Existing(stored.id(), parsed.task().contentHash()));
            }
        }
    }
}
