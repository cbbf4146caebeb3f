package org.termcurator.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks .tar.gz, .tgz, .tar and .zip archives without letting an entry write outside the
 * target folder: absolute names, {@code ..} segments and links that lead outside are refused,
 * and the whole archive with them (an archive that tries this is not to be trusted). What an
 * archive unpacks to is counted as it is written and held to {@link Limits}: a decompression
 * bomb stops at the limit instead of filling the disk.
 */
public final class SafeArchives {

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");

    /** An archive entry that would land outside the extraction folder. */
    public static final class UnsafeEntryException extends IOException {
        private final String entry;

        UnsafeEntryException(String entry, String why) {
            super("unsafe archive entry '" + entry + "': " + why);
            this.entry = entry;
        }

        public String entry() {
            return entry;
        }
    }

    /** An archive that unpacks to more than its {@link Limits} allow (a decompression bomb, or simply too big). */
    public static final class ArchiveLimitException extends IOException {
        ArchiveLimitException(String message) {
            super(message);
        }
    }

    /**
     * What one archive may unpack to: in all, per entry, and as a multiple of its own size (counted
     * on the bytes really written, not on what the archive's headers claim). The ratio is checked
     * once more than {@code ratioFloorBytes} have been written, so small, well-compressed archives pass.
     */
    public record Limits(long maxTotalBytes, long maxEntryBytes, long maxRatio, long ratioFloorBytes) {
        /** 8 GiB in all, 2 GiB per entry, at most 200 times the archive once past 64 MiB. */
        public static final Limits DEFAULT = new Limits(8L << 30, 2L << 30, 200, 64L << 20);
    }

    /** The bytes an extraction has written so far, against its limits. */
    private static final class Budget {
        private final Path archive;
        private final Limits limits;
        private final long archiveBytes;
        private long total;

        Budget(Path archive, Limits limits) throws IOException {
            this.archive = archive;
            this.limits = limits;
            this.archiveBytes = Math.max(1, Files.size(archive));
        }

        void add(String entry, long entryBytes, long more) throws ArchiveLimitException {
            total += more;
            if (entryBytes > limits.maxEntryBytes()) {
                throw new ArchiveLimitException(archive + ": entry '" + entry + "' unpacks to more than "
                        + bytes(limits.maxEntryBytes()) + " (the limit per file); nothing was imported from it");
            }
            if (total > limits.maxTotalBytes()) {
                throw new ArchiveLimitException(archive + " unpacks to more than " + bytes(limits.maxTotalBytes())
                        + " (the limit per archive); nothing was imported from it");
            }
            if (total > limits.ratioFloorBytes() && total / archiveBytes > limits.maxRatio()) {
                throw new ArchiveLimitException(archive + " unpacks to more than " + limits.maxRatio()
                        + " times its size (" + bytes(archiveBytes) + " to over " + bytes(total)
                        + "): a decompression bomb, refused; nothing was imported from it");
            }
        }

        private static String bytes(long n) {
            if (n >= 1L << 30) {
                return String.format(Locale.ROOT, "%.1f GiB", n / (double) (1L << 30));
            }
            if (n >= 1L << 20) {
                return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
            }
            return n + " bytes";
        }
    }

    private record PendingLink(String entry, Path link, String target) {
    }

    private SafeArchives() {
    }

    public static boolean isArchive(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar") || name.endsWith(".zip");
    }

    /** Unpacks {@code archive} into {@code target} (which should be a new, empty folder) within the default limits. */
    public static void extract(Path archive, Path target) throws IOException {
        extract(archive, target, Limits.DEFAULT);
    }

    /**
     * Unpacks {@code archive} into {@code target} (which should be a new, empty folder), entry by
     * entry as a stream; stops with {@link ArchiveLimitException} as soon as it unpacks to more
     * than {@code limits} allow.
     */
    public static void extract(Path archive, Path target, Limits limits) throws IOException {
        Path root = Files.createDirectories(target).toRealPath();
        List<PendingLink> links = new ArrayList<>();
        Budget budget = new Budget(archive, limits);
        if (isZip(archive)) {
            extractZip(archive, root, links, budget);
        } else {
            try (TarArchiveInputStream tar = openTar(archive)) {
                extractTar(tar, root, links, budget);
            }
        }
        // Links are made last, so that no entry is ever written through one, and then checked
        // where they really lead: a chain of links can leave the folder though each looks inside.
        for (PendingLink link : links) {
            Files.createDirectories(link.link().getParent());
            Files.createSymbolicLink(link.link(), Path.of(link.target()));
        }
        for (PendingLink link : links) {
            if (Files.exists(link.link())) {
                Path real = link.link().toRealPath();
                if (!real.startsWith(root)) {
                    throw new UnsafeEntryException(link.entry(), "a link that leads outside the archive (to " + real + ")");
                }
            }
        }
    }

    /** Opens one file of an archive by its entry name, for reading back a file kept by reference. */
    public static InputStream openEntry(Path archive, String entryName) throws IOException {
        String wanted = normalize(entryName);
        if (isZip(archive)) {
            ZipFile zip = ZipFile.builder().setPath(archive).get();
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                if (!entry.isDirectory() && normalize(entry.getName()).equals(wanted)) {
                    InputStream in = zip.getInputStream(entry);
                    return new java.io.FilterInputStream(in) {
                        @Override
                        public void close() throws IOException {
                            super.close();
                            zip.close();
                        }
                    };
                }
            }
            zip.close();
        } else {
            TarArchiveInputStream tar = openTar(archive);
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                if (entry.isFile() && normalize(entry.getName()).equals(wanted)) {
                    return tar;
                }
            }
            tar.close();
        }
        throw new java.nio.file.NoSuchFileException(archive + "!/" + entryName);
    }

    private static boolean isZip(Path archive) {
        return archive.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static TarArchiveInputStream openTar(Path archive) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(archive), 64 * 1024);
        String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".gz") || name.endsWith(".tgz")) {
                in = GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
            }
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
    }

    private static void extractTar(TarArchiveInputStream tar, Path root, List<PendingLink> links, Budget budget)
            throws IOException {
        for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
            if (entry.isLink()) {
                copyHardLink(root, entry.getName(), entry.getLinkName(), budget);
            } else if (entry.isDirectory() || entry.isSymbolicLink() || entry.isFile()) {
                // devices and fifos carry nothing a task needs
                extractEntry(root, links, entry.getName(), entry.isDirectory(),
                        entry.isSymbolicLink() ? entry.getLinkName() : null, tar, (entry.getMode() & 0100) != 0,
                        budget);
            }
        }
    }

    private static void extractZip(Path archive, Path root, List<PendingLink> links, Budget budget)
            throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                String linkTarget = entry.isUnixSymlink() ? zip.getUnixSymlink(entry) : null;
                try (InputStream in = entry.isDirectory() || linkTarget != null ? InputStream.nullInputStream()
                        : zip.getInputStream(entry)) {
                    extractEntry(root, links, entry.getName(), entry.isDirectory(), linkTarget, in,
                            (entry.getUnixMode() & 0100) != 0, budget);
                }
            }
        }
    }

    /** Creates a folder, writes a file, or notes a link (made at the end), once its name is known to be safe. */
    private static void extractEntry(Path root, List<PendingLink> links, String name, boolean directory,
                                     String linkTarget, InputStream content, boolean executable, Budget budget)
            throws IOException {
        Path destination = destination(root, name);
        if (destination == null) {
            return;
        }
        if (directory) {
            Files.createDirectories(destination);
        } else if (linkTarget != null) {
            links.add(new PendingLink(name, destination, checkedLinkTarget(root, destination, name, linkTarget)));
        } else {
            write(name, content, destination, executable, budget);
        }
    }

    private static void copyHardLink(Path root, String name, String target, Budget budget) throws IOException {
        Path destination = destination(root, name);
        Path source = destination(root, target);
        if (destination == null) {
            return;
        }
        if (source == null || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeEntryException(name, "a hard link to '" + target
                    + "', which is not a file earlier in the archive");
        }
        Files.createDirectories(destination.getParent());
        long size = Files.size(source);
        budget.add(name, size, size);
        Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void write(String name, InputStream in, Path destination, boolean executable, Budget budget)
            throws IOException {
        Files.createDirectories(destination.getParent());
        try (java.io.OutputStream out = Files.newOutputStream(destination)) {
            byte[] buffer = new byte[64 * 1024];
            long entryBytes = 0;
            for (int read; (read = in.read(buffer)) > 0; ) {
                entryBytes += read;
                budget.add(name, entryBytes, read);
                out.write(buffer, 0, read);
            }
        }
        if (executable) {
            destination.toFile().setExecutable(true, false);
        }
    }

    /** Where an entry goes, or null for an entry with no name (e.g. "./"); refuses names that leave {@code root}. */
    private static Path destination(Path root, String entryName) throws UnsafeEntryException {
        String unified = entryName.replace('\\', '/');
        if (unified.startsWith("/") || DRIVE_LETTER.matcher(unified).matches()) {
            throw new UnsafeEntryException(entryName, "an absolute path");
        }
        for (String segment : unified.split("/")) {
            if (segment.equals("..")) {
                throw new UnsafeEntryException(entryName, "a path that climbs out with '..'");
            }
        }
        String normalized = normalize(unified);
        if (normalized.isEmpty()) {
            return null;
        }
        Path destination = root.resolve(normalized).normalize();
        if (!destination.startsWith(root) || destination.equals(root)) {
            throw new UnsafeEntryException(entryName, "a path outside the archive");
        }
        return destination;
    }

    private static String checkedLinkTarget(Path root, Path link, String entryName, String target)
            throws UnsafeEntryException {
        if (target == null || target.isBlank()) {
            throw new UnsafeEntryException(entryName, "a link with no target");
        }
        String unified = target.replace('\\', '/');
        if (unified.startsWith("/") || DRIVE_LETTER.matcher(unified).matches()) {
            throw new UnsafeEntryException(entryName, "a link to the absolute path " + target);
        }
        Path resolved = link.getParent().resolve(unified).normalize();
        if (!resolved.startsWith(root)) {
            throw new UnsafeEntryException(entryName, "a link to " + target + ", outside the archive");
        }
        return unified;
    }

    private static String normalize(String name) {
        String result = name.replace('\\', '/');
        while (result.startsWith("./")) {
            result = result.substring(2);
        }
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.equals(".") ? "" : result.replaceAll("/+", "/").replace("/./", "/");
    }

    /** The archive suffixes that {@link #isArchive} accepts, for file choosers and drop targets. */
    public static Set<String> suffixes() {
        return Set.of(".tar.gz", ".tgz", ".tar", ".zip");
    }
}
