package org.termcurator.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The folder an export writes into, replaced as a whole and only when it holds nothing but an
 * earlier export of this app.
 *
 * <p>An export is written into a hidden staging folder beside the output folder
 * ({@code .OUT.curator-export-ID}); its manifest ({@value #MANIFEST}) is written last. Then the
 * staging folder takes the output folder's place: on Linux in one {@code renameat2} exchange, so
 * a reader of the output folder sees the old export or the new one, whole; elsewhere by moving the
 * old folder aside ({@code .OUT.curator-previous}) and the new one in. A journal entry names the
 * output folder while a swap is under way, so a swap cut short by a crash is finished or rolled
 * back by the next export to the folder or when the app starts ({@link #recoverPending}).
 *
 * <p>What counts as an earlier export: a folder whose {@value #MANIFEST} names this app and lists
 * every file in the folder. Anything else that is not empty is refused, naming what is there.
 */
public final class ExportFolder {

    public static final String MANIFEST = "manifest.json";

    private static final String STAGING_MARK = ".curator-export-";
    private static final String PREVIOUS_MARK = ".curator-previous";
    private static final String JOURNAL_SUFFIX = ".swap";
    private static final int NAMED = 5;
    private static final ObjectMapper JSON = Mappers.json();

    /** Steps of a swap, reported to an observer (the crash tests stop the process at each). */
    public enum Step { STAGED, JOURNALED, MOVED_ASIDE, SWAPPED, CLEANED }

    /** Receives each step of a swap as it is reached. */
    @FunctionalInterface
    public interface StepObserver {
        void reached(Step step) throws IOException;
    }

    /** What the output folder holds before an export. */
    public enum Contents { MISSING, EMPTY, EARLIER_EXPORT }

    private final Path out;
    private final Path parent;
    private final String name;
    private final String appName;
    private final Path journal;
    private final boolean exchange;
    private final StepObserver observer;

    private ExportFolder(Path out, String appName, Path journalDir, boolean exchange, StepObserver observer) {
        this.out = out;
        this.parent = out.getParent();
        this.name = out.getFileName().toString();
        this.appName = appName;
        this.journal = journalDir.resolve(journalName(out));
        this.exchange = exchange;
        this.observer = observer;
    }

    /**
     * @param out        the folder the user chose (a link to a folder stands for the folder)
     * @param appName    the name an earlier export's manifest carries in its {@code app} field
     * @param journalDir where swaps under way are noted, so a crash can be recovered from on start
     */
    public static ExportFolder of(Path out, String appName, Path journalDir) throws IOException {
        return of(out, appName, journalDir, true, step -> { });
    }

    static ExportFolder of(Path out, String appName, Path journalDir, boolean exchange, StepObserver observer)
            throws IOException {
        Path absolute = out.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute) && Files.isDirectory(absolute)) {
            absolute = absolute.toRealPath();
        }
        if (absolute.getParent() == null) {
            throw new IOException(absolute + ": an export needs a folder of its own, not the root of the file system");
        }
        return new ExportFolder(absolute, appName, journalDir, exchange, observer);
    }

    public Path path() {
        return out;
    }

    /**
     * What the output folder holds, after finishing any swap of it a crash cut short.
     *
     * @throws ExportTargetException when it is a file or holds anything but an earlier export
     */
    public Contents inspect() throws IOException {
        recover();
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return Contents.MISSING;
        }
        if (!Files.isDirectory(out)) {
            throw new ExportTargetException(out + " is a file, not a folder: choose a folder to export into");
        }
        List<String> present = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(path -> !path.equals(out) && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(path -> !isOldStaging(out.relativize(path)))
                    .forEach(path -> present.add(out.relativize(path).toString().replace('\\', '/')));
        }
        List<String> emptyFolders = new ArrayList<>();
        if (present.isEmpty()) {
            try (Stream<Path> list = Files.list(out)) {
                list.filter(path -> !isOldStaging(out.relativize(path)))
                        .forEach(path -> emptyFolders.add(path.getFileName() + "/"));
            }
            if (emptyFolders.isEmpty()) {
                return Contents.EMPTY;
            }
            throw refusal(emptyFolders, "is not empty");
        }
        Optional<Set<String>> listed = manifestFiles(out.resolve(MANIFEST));
        if (listed.isEmpty()) {
            throw refusal(present, "is not empty and holds no export of " + appName + " (no manifest of it)");
        }
        List<String> unlisted = present.stream()
                .filter(path -> !path.equals(MANIFEST) && !listed.get().contains(path)).sorted().toList();
        if (!unlisted.isEmpty()) {
            throw refusal(unlisted, "holds an earlier export and files it did not write");
        }
        return Contents.EARLIER_EXPORT;
    }

    private ExportTargetException refusal(List<String> present, String what) {
        List<String> sorted = present.stream().sorted().toList();
        String named = String.join(", ", sorted.subList(0, Math.min(NAMED, sorted.size())));
        String more = sorted.size() > NAMED ? " and " + (sorted.size() - NAMED) + " more" : "";
        return new ExportTargetException(out + " " + what + ": " + named + more
                + "; choose an empty or new folder (an export replaces only an earlier export of " + appName + ")");
    }

    /** The files an export manifest of this app lists, or empty when the file is not such a manifest. */
    private Optional<Set<String>> manifestFiles(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(manifest.toFile());
            if (root == null || !appName.equals(root.path("app").asText(null)) || !root.path("files").isArray()) {
                return Optional.empty();
            }
            Set<String> files = new HashSet<>();
            root.path("files").forEach(file -> files.add(file.path("path").asText()));
            return Optional.of(files);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isOldStaging(Path relative) {
        return relative.getName(0).toString().startsWith(STAGING_MARK);
    }

    /**
     * Checks the output folder (see {@link #inspect}) and opens a staging folder beside it; write
     * the export into {@link Staging#path()}, the manifest last, then {@link Staging#commit()}.
     */
    public Staging stage() throws IOException {
        Contents contents = inspect();
        Files.createDirectories(parent);
        if (!Files.isWritable(parent)) {
            throw new ExportTargetException(parent + " is read-only: an export is written beside " + name
                    + " and then moved into its place, so the folder that holds it must be writable");
        }
        Path staging = parent.resolve("." + name + stagingSuffix());
        Files.createDirectory(staging);
        return new Staging(staging, contents);
    }

    /** An export being written, not yet in place. */
    public final class Staging implements AutoCloseable {
        private final Path path;
        private final Contents replaced;
        private boolean committed;

        private Staging(Path path, Contents replaced) {
            this.path = path;
            this.replaced = replaced;
        }

        public Path path() {
            return path;
        }

        /** Whether the export replaces an earlier one (else the folder was missing or empty). */
        public boolean replacesEarlierExport() {
            return replaced == Contents.EARLIER_EXPORT;
        }

        /** Puts the staged export in the output folder's place, as one step as far as the system allows. */
        public void commit() throws IOException {
            if (!Files.isRegularFile(path.resolve(MANIFEST))) {
                throw new IllegalStateException("the manifest is written last, before the export is committed");
            }
            observer.reached(Step.STAGED);
            swapIn(path);
            committed = true;
        }

        /** Deletes the staging folder of an export that was not committed. */
        @Override
        public void close() {
            if (!committed) {
                FileTrees.deleteQuietly(path);
            }
        }
    }

    private void swapIn(Path staging) throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            move(staging, out);
            observer.reached(Step.SWAPPED);
            return;
        }
        if (Files.isDirectory(out) && isEmpty(out)) {
            Files.delete(out);
            move(staging, out);
            observer.reached(Step.SWAPPED);
            return;
        }
        Files.createDirectories(journal.getParent());
        AtomicFiles.writeString(journal, out + "\n");
        observer.reached(Step.JOURNALED);
        Optional<DirectoryExchange> swap = exchange ? DirectoryExchange.available() : Optional.empty();
        if (swap.isPresent() && swap.get().exchange(staging, out) == 0) {
            // the staging path now holds the earlier export: it goes with the other leftovers
            observer.reached(Step.SWAPPED);
            FileTrees.deleteQuietly(staging);
        } else {
            Path previous = previous();
            FileTrees.deleteQuietly(previous);
            move(out, previous);
            observer.reached(Step.MOVED_ASIDE);
            move(staging, out);
            observer.reached(Step.SWAPPED);
            FileTrees.deleteQuietly(previous);
        }
        Files.deleteIfExists(journal);
        observer.reached(Step.CLEANED);
    }

    /**
     * Finishes or rolls back a swap of this folder that a crash cut short and deletes the staging
     * folders of exports that never finished: when the output folder is missing and the earlier
     * export stands aside, the earlier export goes back; when both are there, the one aside goes.
     */
    public void recover() throws IOException {
        Path previous = previous();
        if (Files.exists(previous, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                FileTrees.deleteQuietly(previous);
            } else {
                move(previous, out);
            }
        }
        if (Files.isDirectory(parent)) {
            deleteStaleStaging(parent, "." + glob(name) + STAGING_MARK + "*");
        }
        if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            // staging folders earlier versions kept inside the output folder
            deleteStaleStaging(out, STAGING_MARK + "*");
        }
        Files.deleteIfExists(journal);
    }

    /**
     * A staging folder's name from {@link #STAGING_MARK} on: the mark, the writing process's id and
     * a random part, so a later export tells a crashed export's folder from one still being written.
     */
    public static String stagingSuffix() {
        return STAGING_MARK + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Deletes the staging folders in {@code folder} matching {@code glob} whose process has ended. */
    public static void deleteStaleStaging(Path folder, String glob) throws IOException {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, glob)) {
            for (Path stale : found) {
                if (!writerAlive(stale.getFileName().toString())) {
                    FileTrees.deleteQuietly(stale);
                }
            }
        }
    }

    private static boolean writerAlive(String name) {
        String rest = name.substring(name.indexOf(STAGING_MARK) + STAGING_MARK.length());
        int dash = rest.indexOf('-');
        if (dash <= 0) {
            return false; // a name of an earlier version: no process to ask
        }
        try {
            long pid = Long.parseLong(rest.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Recovers every output folder whose swap the journal says was under way: for the app's start. */
    public static List<Path> recoverPending(String appName, Path journalDir) {
        List<Path> recovered = new ArrayList<>();
        if (!Files.isDirectory(journalDir)) {
            return recovered;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(journalDir, "*" + JOURNAL_SUFFIX)) {
            for (Path entry : entries) {
                try {
                    Path out = Path.of(Files.readString(entry, StandardCharsets.UTF_8).strip());
                    of(out, appName, journalDir).recover();
                    recovered.add(out);
                } catch (IOException | RuntimeException e) {
                    // a folder that cannot be reached now (an unplugged disk) is recovered by its next export
                }
            }
        } catch (IOException e) {
            return recovered;
        }
        return recovered;
    }

    private Path previous() {
        return parent.resolve("." + name + PREVIOUS_MARK);
    }

    private static String glob(String text) {
        return text.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.findAny().isEmpty();
        }
    }

    private static String journalName(Path out) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(out.toString().getBytes(StandardCharsets.UTF_8)), 0, 12)
                    + JOURNAL_SUFFIX;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
