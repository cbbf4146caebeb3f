package org.termcurator.core.curate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;

/**
 * Matches the deny-list against every assistant message (reasoning and answer). Patterns can
 * match anything, so this reads the texts again; the pipeline repeats it only when the list changes.
 */
final class DenyListScan {

    private DenyListScan() {
    }

    /** Per sample, the index of the first pattern an assistant message matched, or -1. */
    static int[] scan(ProjectDb db, SampleFeatures features, List<String> patterns, JobContext job) throws SQLException {
        int[] hits = new int[features.size];
        Arrays.fill(hits, -1);
        if (patterns.isEmpty()) {
            return hits;
        }
        Pattern[] compiled = patterns.stream().map(Pattern::compile).toArray(Pattern[]::new);
        db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT trajectory_id, message, reasoning FROM steps WHERE role = 'assistant' ORDER BY trajectory_id, idx");
                 ResultSet rows = select.executeQuery()) {
                long current = Long.MIN_VALUE;
                int sample = -1;
                int seen = 0;
                while (rows.next()) {
                    long trajectory = rows.getLong(1);
                    if (trajectory != current) {
                        current = trajectory;
                        sample = features.sampleOf(trajectory);
                        if (++seen % 1000 == 0) {
                            job.checkCancelled();
                            job.progress(Math.max(0, sample), features.size);
                            job.message(String.format(Locale.ROOT, "Checking the deny-list: %,d trajectories", seen));
                        }
                    }
                    if (sample < 0 || hits[sample] >= 0) {
                        continue;
                    }
                    hits[sample] = firstMatch(compiled, rows.getString(2), rows.getString(3));
                }
            }
            return null;
        });
        return hits;
    }

    private static int firstMatch(Pattern[] patterns, String message, String reasoning) {
        for (int p = 0; p < patterns.length; p++) {
            if (message != null && patterns[p].matcher(message).find()
                    || reasoning != null && patterns[p].matcher(reasoning).find()) {
                return p;
            }
        }
        return -1;
    }
}
