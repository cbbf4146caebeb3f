package org.termcurator.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a file or folder read-only for this process, as a user's read-only share would be.
 * Permissions do it for a normal user; root ignores them, so there the file system's
 * immutable attribute does it (chattr +i). Where neither holds the test is skipped.
 */
public final class ReadOnlyPaths implements AutoCloseable {

    private final Path path;
    private final boolean immutable;

    private ReadOnlyPaths(Path path, boolean immutable) {
        this.path = path;
        this.immutable = immutable;
    }

    public static ReadOnlyPaths of(Path path) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
        if (!Files.isWritable(path)) {
            return new ReadOnlyPaths(path, false);
        }
        boolean immutable = chattr("+i", path) && !Files.isWritable(path);
        if (!immutable) {
            restorePermissions(path);
            Assumptions.abort("cannot make " + path + " read-only for this process (root without chattr +i)");
        }
        return new ReadOnlyPaths(path, true);
    }

    private static boolean chattr(String flag, Path path) throws InterruptedException {
        try {
            Process process = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void restorePermissions(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
    }

    /** Writable again, so the test's temporary folder can be removed. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (immutable) {
            chattr("-i", path);
        }
        restorePermissions(path);
    }
}
