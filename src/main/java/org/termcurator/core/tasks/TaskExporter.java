package org.termcurator.core.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.termcurator.core.io.ExportFolder;
import org.termcurator.core.io.FileTrees;
import org.termcurator.core.io.SafeArchives;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;

/**
 * Writes tasks back out as task folders, every file as it is stored in the project, so an
 * exported task reads back in as the same content. Each folder is written in a hidden
 * staging folder beside it and moved into place whole: a failed or cancelled export never
 * leaves a half-written task. Files kept by reference are copied from their original, which
 * must still have the content that was imported.
 */
public final class TaskExporter {

    private static final int BATCH = 100;

    private final ProjectDb db;
    private final boolean overwrite;

    /** @param overwrite replace folders of the same name in the output folder (else they are errors) */
    public TaskExporter(ProjectDb db, boolean overwrite) {
        this.db = db;
        this.overwrite = overwrite;
    }

    public ExportSummary export(List<Long> ids, Path outDir, JobContext job) throws SQLException, IOException {
        Path out = Files.createDirectories(outDir.toAbsolutePath().normalize());
        // staging folders of exports whose process died (kill -9, power loss) go first
        ExportFolder.deleteStaleStaging(out, ".curator-export-*");
        Path staging = Files.createDirectory(out.resolve(ExportFolder.stagingSuffix()));
        List<String> folders = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        Set<String> used = new HashSet<>();
        try {
            for (int start = 0; start < ids.size(); start += BATCH) {
                job.checkCancelled();
                List<Long> batch = ids.subList(start, Math.min(ids.size(), start + BATCH));
                for (TaskStore.StoredTask stored : db.read(connection -> TaskStore.load(connection, batch))) {
                    job.checkCancelled();
                    Task task = stored.task();
                    String folder = uniqueFolder(folderName(task, stored.id()), used);
                    Path target = out.resolve(folder);
                    if (Files.exists(target) && !overwrite) {
                        errors.add(new ImportError(target.toString(), "already exists; choose an empty folder or overwrite"));
                        continue;
                    }
                    try {
                        Path written = staging.resolve(folder);
                        writeTask(task, written);
                        moveIntoPlace(written, target, staging);
                        folders.add(target.toString());
                    } catch (IOException e) {
                        errors.add(new ImportError(task.name(), e.getMessage()));
                    }
                }
                job.message(String.format(Locale.ROOT, "Exported %,d of %,d tasks", folders.size(), ids.size()));
                job.progress(Math.min(ids.size(), start + BATCH), ids.size());
            }
        } finally {
            FileTrees.deleteQuietly(staging);
        }
        return new ExportSummary(folders.size(), errors.size(), folders, errors);
    }

    /** The folder a task is written to: the last part of its name, made safe as a file name. */
    static String folderName(Task task, long id) {
        String name = task.name();
        int slash = name.lastIndexOf('/');
        String last = (slash >= 0 ? name.substring(slash + 1) : name).replaceAll("[\\\\:*?\"<>|\\p{Cntrl}]", "-").strip();
        if (last.isEmpty() || last.equals(".") || last.equals("..")) {
            return "task-" + id;
        }
        return last;
    }

    private static String uniqueFolder(String base, Set<String> used) {
        String candidate = base;
        for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static void writeTask(Task task, Path folder) throws IOException {
        for (TaskFile file : task.files()) {
            Path target = folder.resolve(file.path()).normalize();
            if (!target.startsWith(folder)) {
                throw new IOException(file.path() + ": not a path inside the task");
            }
            Files.createDirectories(target.getParent());
            if (file.kind() == TaskFile.Kind.REFERENCE) {
                copyOriginal(file, target);
            } else {
                verifyStored(task.name(), file);
                Files.write(target, file.content());
            }
            if (file.executable()) {
                target.toFile().setExecutable(true, false);
            }
        }
    }

    /**
     * Refuses a stored file whose bytes no longer match the SHA-256 recorded when it was stored:
     * the project file was damaged there (a bad disk, a bad copy, an edit outside the app).
     */
    static void verifyStored(String taskName, TaskFile file) throws IOException {
        if (!Hashing.sha256(file.content()).equals(file.sha256())) {
            throw new DamagedFileException(taskName + "/" + file.path() + ": the bytes stored in the project no "
                    + "longer match their SHA-256 (" + file.sha256().substring(0, 12) + "…); the project file is "
                    + "damaged here: re-import the task or restore the project from a backup");
        }
    }

    /** A stored file whose bytes do not match their recorded hash. */
    public static final class DamagedFileException extends IOException {
        public DamagedFileException(String message) {
            super(message);
        }
    }

    /** Copies a file kept by reference from where it was imported, checking it is still the same. */
    private static void copyOriginal(TaskFile file, Path target) throws IOException {
        String original = file.originalPath();
        MessageDigest digest = Hashing.sha256();
        try (InputStream in = openOriginal(original);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new IOException(file.path() + " is kept by reference and its original " + original
                    + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (!Hashing.hex(digest.digest()).equals(file.sha256())) {
            throw new IOException(file.path() + " is kept by reference and its original " + original
                    + " has changed since it was imported");
        }
    }

    static InputStream openOriginal(String original) throws IOException {
        int bang = original.indexOf("!/");
        if (bang > 0) {
            return SafeArchives.openEntry(Path.of(original.substring(0, bang)), original.substring(bang + 2));
        }
        return Files.newInputStream(Path.of(original));
    }

    private void moveIntoPlace(Path written, Path target, Path staging) throws IOException {
        Path previous = null;
        if (Files.exists(target)) {
            previous = staging.resolve(".previous-" + target.getFileName());
            move(target, previous);
        }
        try {
            move(written, target);
        } catch (IOException e) {
            if (previous != null) {
                move(previous, target); // put the old one back
            }
            throw e;
        }
        if (previous != null) {
            FileTrees.deleteQuietly(previous);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
