package org.termcurator.core.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every file of one task folder. Files up to the size cap keep their bytes; larger
 * ones become references to where they are (the files a task cannot be read without are
 * always kept). Links are followed only to files inside the task folder.
 */
public final class TaskFolderReader {

    /** The size cap when none is configured: 1 MiB per file. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 20;

    private final long maxFileBytes;
    private final long maxItemBytes;

    public TaskFolderReader(long maxFileBytes) {
        this(maxFileBytes, org.termcurator.core.io.ItemCap.DEFAULT_BYTES);
    }

    /**
     * @param maxFileBytes files over it are kept by reference, except the ones a task needs read
     * @param maxItemBytes a file the task needs read (instruction, config, Dockerfile, tests)
     *                     over it rejects the task, naming the file, instead of filling the heap
     */
    public TaskFolderReader(long maxFileBytes, long maxItemBytes) {
        if (maxFileBytes < 0 || maxItemBytes <= 0) {
            throw new IllegalArgumentException("the size caps must be positive");
        }
        this.maxFileBytes = maxFileBytes;
        this.maxItemBytes = maxItemBytes;
    }

    /**
     * @param originalPrefix how references name the folder's files: the folder's absolute path,
     *                       or {@code archive!/folder} for a task read out of an archive
     */
    public List<TaskFile> read(Path folder, String originalPrefix) throws TaskDefinitionException {
        Path root;
        try {
            root = folder.toRealPath();
        } catch (IOException e) {
            throw new TaskDefinitionException(null, folder + " cannot be read (" + e.getMessage() + ")");
        }
        List<TaskFile> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && TaskLayout.isJunk(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (TaskLayout.isJunk(file.getFileName().toString())) {
                        return FileVisitResult.CONTINUE;
                    }
                    try {
                        TaskFile read = readOne(root, file, attrs, originalPrefix);
                        if (read != null) {
                            files.add(read);
                        }
                    } catch (TaskDefinitionException e) {
                        throw new Failure(e);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    throw new Failure(new TaskDefinitionException(relative(root, file),
                            "cannot be read (" + reason(e) + ")"));
                }
            });
        } catch (Failure failure) {
            throw failure.cause;
        } catch (IOException | UncheckedIOException e) {
            throw new TaskDefinitionException(null, folder + " cannot be read (" + e.getMessage() + ")");
        }
        return files;
    }

    private TaskFile readOne(Path root, Path file, BasicFileAttributes attrs, String originalPrefix)
            throws TaskDefinitionException {
        String path = relative(root, file);
        Path target = file;
        BasicFileAttributes targetAttrs = attrs;
        if (attrs.isSymbolicLink()) {
            try {
                target = file.toRealPath();
                targetAttrs = Files.readAttributes(target, BasicFileAttributes.class);
            } catch (IOException e) {
                throw new TaskDefinitionException(path, "is a link to a file that does not exist");
            }
            if (!target.startsWith(root)) {
                throw new TaskDefinitionException(path, "is a link to " + target + ", outside the task folder");
            }
            if (targetAttrs.isDirectory()) {
                return null; // its files are read where they really are
            }
        }
        if (!targetAttrs.isRegularFile()) {
            return null; // sockets, pipes, devices have no content to keep
        }
        // On POSIX systems the walk's attributes carry the mode already: no extra system call per file.
        boolean executable = targetAttrs instanceof PosixFileAttributes posix
                ? posix.permissions().contains(PosixFilePermission.OWNER_EXECUTE) : Files.isExecutable(target);
        try {
            if (TaskLayout.isEssential(path) && targetAttrs.size() > maxItemBytes) {
                throw new TaskDefinitionException(path, org.termcurator.core.io.ItemCap.tooBig("the file",
                        targetAttrs.size(), maxItemBytes).replace("; it was skipped", "; the task was skipped"));
            }
            if (targetAttrs.size() > maxFileBytes && !TaskLayout.isEssential(path)) {
                return new TaskFile(path, TaskFile.Kind.REFERENCE, targetAttrs.size(), hash(target), executable, null,
                        originalPrefix + "/" + path);
            }
            return TaskFile.stored(path, Files.readAllBytes(target), executable);
        } catch (IOException e) {
            throw new TaskDefinitionException(path, "cannot be read (" + reason(e) + ")");
        }
    }

    private static String hash(Path file) throws IOException {
        MessageDigest digest = Hashing.sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return Hashing.hex(digest.digest());
    }

    static String relative(Path root, Path file) {
        StringBuilder path = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            path.append(part);
        }
        return path.toString();
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "it disappeared while being read";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Carries a task error out of the file walk. */
    private static final class Failure extends RuntimeException {
        private final TaskDefinitionException cause;

        Failure(TaskDefinitionException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }
}
