package org.termcurator.core.rollouts;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.termcurator.core.project.ProjectDb;

/**
 * After a crash, rollouts the project still shows as queued or running will never finish:
 * they are marked interrupted. Run when a project is opened, before any rollout starts (the
 * project lock means no other process is running them).
 */
public final class RolloutRecovery {

    public static final String MESSAGE = "the app stopped before the rollout finished";

    private RolloutRecovery() {
    }

    /** Returns how many rollouts were marked interrupted. */
    public static int markInterrupted(ProjectDb db) throws SQLException {
        return db.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE rollouts SET status = 'interrupted', finished_at = ?, error = coalesce(error, ?)
                     WHERE status IN ('queued', 'running')""")) {
                update.setString(1, Instant.now().toString());
                update.setString(2, MESSAGE);
                return update.executeUpdate();
            }
        });
    }
}
