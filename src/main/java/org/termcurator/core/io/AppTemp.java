package org.termcurator.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Locale;

/**
 * The one temporary folder the app writes into: {@code terminal-curator-USER/run-PID/} in the
 * system's temporary folder. Archive unpack folders, build-context tars and SQLite's native
 * library copy all go there, so what a crashed run left behind is found and deleted when the
 * next run starts ({@link #cleanStale}), and nothing of the app lies loose in /tmp.
 *
 * <p>The user's folder is made private (0700 where the file system has POSIX permissions); a
 * link in its place or a folder another user owns is refused, so nobody else can plant files
 * where the app unpacks.
 */
public final class AppTemp {

    private static final String RUN_PREFIX = "run-";
    private static volatile Path current;

    private AppTemp() {
    }

    /** The app's temporary folder for the user, made private; {@code base} is normally java.io.tmpdir. */
    public static Path userRoot(Path base) throws IOException {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path root = base.toAbsolutePath().resolve("terminal-curator-" + user.toLowerCase(Locale.ROOT));
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (posix) {
                    Files.createDirectory(root, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(root);
                }
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another run of the app made it a moment ago: checked below like any existing one
            }
        }
        if (Files.isSymbolicLink(root) || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(root + " is not a folder of its own (a link or a file is in its place): "
                    + "the app will not put temporary files there; remove it");
        }
        UserPrincipal owner = Files.getOwner(root, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = root.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!owner.equals(me)) {
            throw new IOException(root + " belongs to " + owner.getName()
                    + ", not to you: the app will not put temporary files there; remove it");
        }
        if (posix) {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        }
        return root;
    }

    /** This process's temporary folder, made when first asked for. */
    public static Path current() {
        Path folder = current;
        if (folder != null && Files.isDirectory(folder)) {
            return folder;
        }
        synchronized (AppTemp.class) {
            try {
                Path root = userRoot(Path.of(System.getProperty("java.io.tmpdir")));
                folder = Files.createDirectories(root.resolve(RUN_PREFIX + ProcessHandle.current().pid()));
                current = folder;
                return folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A new folder in this process's temporary folder. */
    public static Path newFolder(String prefix) throws IOException {
        return Files.createTempDirectory(current(), prefix);
    }

    /** A new file in this process's temporary folder. */
    public static Path newFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(current(), prefix, suffix);
    }

    /**
     * Deletes the folders of runs that have ended (crashed or killed before they could clean up).
     *
     * @return how many were deleted
     */
    public static int cleanStale(Path userRoot) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(userRoot, RUN_PREFIX + "*")) {
            for (Path run : runs) {
                if (!alive(run.getFileName().toString().substring(RUN_PREFIX.length()))) {
                    FileTrees.deleteQuietly(run);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /**
     * For the app's start: cleans what ended runs left, and points SQLite's native library copy
     * into this run's folder (before the driver loads), so it goes with the folder too.
     */
    public static void startRun() {
        try {
            Path root = userRoot(Path.of(System.getProperty("java.io.tmpdir")));
            cleanStale(root);
            if (System.getProperty("org.sqlite.tmpdir") == null) {
                System.setProperty("org.sqlite.tmpdir", current().toString());
            }
            Path folder = current();
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> FileTrees.deleteQuietly(folder)));
        } catch (IOException | UncheckedIOException e) {
            // no private temporary folder: the commands that need one say why when they do
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
