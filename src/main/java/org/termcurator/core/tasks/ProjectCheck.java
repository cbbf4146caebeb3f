package org.termcurator.core.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;

/**
 * Verifies a whole project: SQLite's own integrity and foreign-key checks, and the SHA-256 of
 * every task file against the bytes stored (or, for a file kept by reference, the original's).
 * A damaged page can pass SQLite's checks while a blob's bytes changed: the hashes catch that,
 * and each problem names the task and file.
 */
public final class ProjectCheck {

    /** One thing found wrong: where (a task file, a table, the file) and what. */
    public record Problem(String where, String what) {
    }

    /** What the check found, and how many files it verified. */
    public record Report(long filesVerified, long referencesVerified, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final ProjectDb db;

    public ProjectCheck(ProjectDb db) {
        this.db = db;
    }

    public Report run(JobContext job) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        job.message("Checking the SQLite file");
        db.read(connection -> {
            try (Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                    while (rows.next()) {
                        String row = rows.getString(1);
                        if (!"ok".equalsIgnoreCase(row)) {
                            problems.add(new Problem(db.file().toString(), "SQLite integrity: " + row));
                        }
                    }
                }
                try (ResultSet rows = statement.executeQuery("PRAGMA foreign_key_check")) {
                    while (rows.next()) {
                        problems.add(new Problem(rows.getString(1) + " row " + rows.getLong(2),
                                "refers to a missing row of " + rows.getString(3)));
                    }
                }
            }
            return null;
        });
        long[] verified = new long[2];
        long total = db.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM task_files")) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
        db.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT t.name, f.path, f.kind, f.sha256, "
                    + "f.content, f.original_path FROM task_files f JOIN tasks t ON t.id = f.task_id ORDER BY t.id, f.path");
                 ResultSet rows = statement.executeQuery()) {
                long done = 0;
                while (rows.next()) {
                    job.checkCancelled();
                    String where = rows.getString(1) + "/" + rows.getString(2);
                    String kind = rows.getString(3);
                    String sha256 = rows.getString(4);
                    if (TaskFile.Kind.REFERENCE.id().equals(kind)) {
                        String problem = referenceProblem(rows.getString(6), sha256);
                        if (problem != null) {
                            problems.add(new Problem(where, problem));
                        }
                        verified[1]++;
                    } else {
                        byte[] content = rows.getBytes(5);
                        if (content == null || !Hashing.sha256(content).equals(sha256)) {
                            problems.add(new Problem(where, "the bytes stored in the project no longer match their "
                                    + "SHA-256: the project file is damaged here"));
                        }
                        verified[0]++;
                    }
                    if (++done % 1000 == 0) {
                        job.progress(done, total);
                        job.message(String.format(Locale.ROOT, "Verified %,d of %,d task files", done, total));
                    }
                }
            }
            return null;
        });
        return new Report(verified[0], verified[1], problems);
    }

    private static String referenceProblem(String original, String sha256) {
        MessageDigest digest = Hashing.sha256();
        try (InputStream in = new DigestInputStream(openOriginal(original), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            return "kept by reference and its original " + original + " cannot be read (" + e.getMessage() + ")";
        }
        return Hashing.hex(digest.digest()).equals(sha256) ? null
                : "kept by reference and its original " + original + " has changed since it was imported";
    }

    private static InputStream openOriginal(String original) throws IOException {
        return TaskExporter.openOriginal(original);
    }
}
