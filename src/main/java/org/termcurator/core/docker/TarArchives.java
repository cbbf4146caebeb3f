package org.termcurator.core.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Tar streams in and out of Docker: build contexts, docker cp into and out of containers. */
public final class TarArchives {

    private TarArchives() {
    }

    /**
     * The files below {@code dir}, relative, sorted, directories before their contents, symbolic
     * links not followed: the one order every hash and archive of a folder uses.
     */
    public static List<Path> listTree(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(path -> !path.equals(dir)).map(dir::relativize).forEach(entries::add);
        }
        entries.sort(null);
        return entries;
    }

    /**
     * Writes {@code dir} as a tar stream with every entry under {@code prefix} (empty, or ending
     * in "/"). {@code replacements} swaps the content of files (relative paths with "/").
     */
    public static void writeTree(Path dir, String prefix, Map<String, byte[]> replacements, OutputStream out)
            throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        if (!prefix.isEmpty()) {
            TarArchiveEntry root = new TarArchiveEntry(prefix);
            root.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
            tar.putArchiveEntry(root);
            tar.closeArchiveEntry();
        }
        for (Path relative : listTree(dir)) {
            Path file = dir.resolve(relative);
            String name = prefix + slashed(relative);
            if (Files.isSymbolicLink(file)) {
                TarArchiveEntry link = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                link.setLinkName(Files.readSymbolicLink(file).toString().replace('\\', '/'));
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            } else if (Files.isDirectory(file)) {
                TarArchiveEntry entry = new TarArchiveEntry(name + "/");
                entry.setMode(mode(file, true));
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            } else if (Files.isRegularFile(file)) {
                byte[] replaced = replacements.get(slashed(relative));
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setMode(mode(file, false));
                entry.setSize(replaced != null ? replaced.length : Files.size(file));
                tar.putArchiveEntry(entry);
                if (replaced != null) {
                    tar.write(replaced);
                } else {
                    Files.copy(file, tar);
                }
                tar.closeArchiveEntry();
            }
        }
        tar.finish();
        tar.flush();
    }

    /** A tar stream of empty folders (names ending in "/"). */
    public static void writeFolders(List<String> names, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (String name : names) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.flush();
    }

    /**
     * Unpacks a tar stream from a container below {@code target}. Only regular files and
     * folders are written: links and devices made inside a container have no business on the
     * host, and names escaping the target are refused. Files beyond {@code maxBytes} in total are
     * skipped; returns the bytes written.
     */
    public static long extract(InputStream in, Path target, long maxBytes) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        long written = 0;
        TarArchiveInputStream tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path destination = root.resolve(entry.getName()).normalize();
            if (!destination.startsWith(root)) {
                continue;
            }
            if (entry.isDirectory()) {
                Files.createDirectories(destination);
            } else if (entry.isFile() && written + entry.getSize() <= maxBytes) {
                Files.createDirectories(destination.getParent());
                written += Files.copy(tar, destination, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return written;
    }

    public static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    public static int mode(Path file, boolean directory) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            int mode = 0;
            for (PosixFilePermission permission : permissions) {
                mode |= 1 << (8 - permission.ordinal());
            }
            return mode;
        } catch (UnsupportedOperationException e) {
            // Windows: no permission bits; keep scripts runnable.
            return directory || Files.isExecutable(file) ? 0755 : 0644;
        }
    }
}
