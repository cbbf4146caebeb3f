package org.termcurator.core.trajectories;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Links trajectories to the project's tasks by name. Run files name tasks by their folder
 * ("fix-git") while Harbor task configs may say "org/fix-git": an exact match wins, else the
 * name after the last slash.
 */
public final class TaskLinks {

    /** The name after its last '/': the expression of the index tasks_name_tail (schema 6), so lookups use it. */
    private static final String TAIL = "replace(name, rtrim(name, replace(name, '/', '')), '')";

    // exact name; else a task whose name ends in "/" + the name (found through the tail index,
    // then compared exactly); else, for "org/name", the task "name"
    static final String TASK_BY_NAME = "SELECT id FROM tasks WHERE name = ?1 "
            + "UNION ALL SELECT id FROM tasks WHERE " + TAIL + " = " + TAIL.replace("name", "?1")
            + " AND substr(name, -length(?1) - 1) = '/' || ?1 "
            + "UNION ALL SELECT id FROM tasks WHERE instr(?1, '/') > 0 AND name = substr(?1, instr(?1, '/') + 1) LIMIT 1";

    private TaskLinks() {
    }

    static Long find(PreparedStatement taskByName, String taskName) throws SQLException {
        if (taskName == null || taskName.isBlank()) {
            return null;
        }
        taskByName.setString(1, taskName);
        try (ResultSet rows = taskByName.executeQuery()) {
            return rows.next() ? rows.getLong(1) : null;
        }
    }

    /**
     * Links every trajectory that has no task yet to the task of its name, where there is one.
     * Task imports call this too, so runs imported before their tasks find them. Returns how many were linked.
     */
    public static int linkUnlinked(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE trajectories SET task_id = (" + TASK_BY_NAME.replace("?1", "trajectories.task_name") + ") "
                        + "WHERE task_id IS NULL AND task_name IS NOT NULL AND EXISTS ("
                        + TASK_BY_NAME.replace("?1", "trajectories.task_name") + ")")) {
            return update.executeUpdate();
        }
    }
}
