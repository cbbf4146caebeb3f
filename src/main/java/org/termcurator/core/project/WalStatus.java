package org.termcurator.core.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The write-ahead log beside a project file, as {@code project info} reports it.
 *
 * <p>Until a checkpoint folds it in, the WAL holds the latest commits: the project file alone
 * is then not the whole project. SQLite cannot tell a WAL of another database from its own and
 * would fold a foreign one in as if it were; a project therefore stamps its id into every
 * commit ({@code project_meta.project_id}), and a WAL whose view of that id differs from the
 * file's, or through which the file no longer reads, belongs to another project.
 *
 * @param frames how many page frames the WAL holds
 */
public record WalStatus(State state, Path wal, long bytes, long frames, String detail) {

    public enum State {
        /** No WAL, or an empty one: the file is the whole project. */
        NONE,
        /** Commits not yet folded into the file: copy the -wal with it, or let a command that writes fold it in. */
        PENDING,
        /** A file SQLite does not read as a WAL (too short, wrong magic): it is ignored. */
        IGNORED,
        /** A WAL of another database: folding it in would damage the project. */
        FOREIGN
    }

    private static final int WAL_HEADER = 32;
    private static final int FRAME_HEADER = 24;

    public boolean isForeign() {
        return state == State.FOREIGN;
    }

    /** One line for people: what the WAL means for the project. */
    public String describe() {
        return switch (state) {
            case NONE -> "none (the file holds the whole project)";
            case PENDING -> String.format(java.util.Locale.ROOT, "%,d commits' pages pending in %s (%,d bytes): "
                    + "until a command that writes folds them in, copy %s together with the project file", frames,
                    wal.getFileName(), bytes, wal.getFileName());
            case IGNORED -> wal.getFileName() + " is not a WAL SQLite reads (" + detail + "); it is ignored";
            case FOREIGN -> wal.getFileName() + " does not belong to this project (" + detail + "): move it away "
                    + "before opening the project for writing, or SQLite folds it in and damages the project";
        };
    }

    static WalStatus of(Path project) {
        Path wal = project.resolveSibling(project.getFileName() + "-wal");
        long bytes;
        byte[] header;
        try {
            if (!Files.isRegularFile(wal) || (bytes = Files.size(wal)) == 0) {
                return new WalStatus(State.NONE, wal, 0, 0, null);
            }
            try (InputStream in = Files.newInputStream(wal)) {
                header = in.readNBytes(WAL_HEADER);
            }
        } catch (IOException e) {
            return new WalStatus(State.IGNORED, wal, 0, 0, "cannot be read: " + e.getMessage());
        }
        if (header.length < WAL_HEADER) {
            return new WalStatus(State.IGNORED, wal, bytes, 0, "shorter than a WAL header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(header);
        int magic = buffer.getInt(0);
        if (magic != 0x377f0682 && magic != 0x377f0683) {
            return new WalStatus(State.IGNORED, wal, bytes, 0, "no WAL magic number");
        }
        int walPageSize = buffer.getInt(8);
        long frames = (bytes - WAL_HEADER) / (FRAME_HEADER + Math.max(512, walPageSize));
        int filePageSize = filePageSize(project);
        if (filePageSize > 0 && walPageSize != filePageSize) {
            return new WalStatus(State.FOREIGN, wal, bytes, frames, "its pages are " + walPageSize
                    + " bytes, the project's " + filePageSize);
        }
        return new WalStatus(State.PENDING, wal, bytes, frames, null);
    }

    private static int filePageSize(Path project) {
        try (InputStream in = Files.newInputStream(project)) {
            byte[] header = in.readNBytes(18);
            if (header.length < 18) {
                return -1;
            }
            int size = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
            return size == 1 ? 65536 : size;
        } catch (IOException e) {
            return -1;
        }
    }

    WalStatus foreign(String why) {
        return new WalStatus(State.FOREIGN, wal, bytes, frames, why);
    }
}
