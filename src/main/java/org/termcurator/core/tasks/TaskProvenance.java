package org.termcurator.core.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.termcurator.core.project.ProjectDb;

/**
 * Where a task made by the app's generation came from, as the tasks row keeps it: the
 * lineage (JSON: seed or skills, template, model, endpoint, prompt, raw answer, run), the
 * seed it was made from and the skills it exercises (task_skills).
 */
public record TaskProvenance(JsonNode lineage, Long seedId, List<Long> skillIds) {

    public TaskProvenance {
        skillIds = skillIds == null ? List.of() : List.copyOf(skillIds);
    }

    /** A skill the task exercises, as the taxonomy names it now. */
    public record Skill(long id, String name, String path) {
    }

    /** The provenance of a stored task with the seed's and skills' names, for showing it. */
    public record Shown(JsonNode lineage, Long seedId, String seedLabel, List<Skill> skills) {
    }

    /** Writes lineage, seed, status "generated" and the skill links of task {@code id}. */
    static void write(Connection connection, long id, TaskProvenance provenance) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tasks SET lineage = ?, seed_id = ?, status = 'generated' WHERE id = ?")) {
            statement.setString(1, TaskStore.json(provenance.lineage()));
            if (provenance.seedId() == null) {
                statement.setNull(2, java.sql.Types.INTEGER);
            } else {
                statement.setLong(2, provenance.seedId());
            }
            statement.setLong(3, id);
            statement.executeUpdate();
        }
        try (PreparedStatement link = connection.prepareStatement(
                "INSERT OR IGNORE INTO task_skills(task_id, skill_id) SELECT ?, id FROM skills WHERE id = ?")) {
            for (long skill : provenance.skillIds()) {
                link.setLong(1, id);
                link.setLong(2, skill);
                link.addBatch();
            }
            link.executeBatch();
        }
    }

    /**
     * Keeps a generated task generated when its folder is imported again with changes: the
     * importer reads it as any folder, but where it came from has not changed.
     */
    static void keepGenerated(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tasks SET origin = 'generated' WHERE id = ? AND lineage IS NOT NULL")) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }

    /** The provenance of task {@code id} of the project, or empty when it has no lineage (an imported task). */
    public static Optional<Shown> load(ProjectDb db, long id) throws SQLException {
        return db.read(connection -> load(connection, id));
    }

    /** The provenance of task {@code id}, or empty when it has no lineage (an imported task). */
    public static Optional<Shown> load(Connection connection, long id) throws SQLException {
        JsonNode lineage;
        Long seedId;
        String seedLabel = null;
        try (PreparedStatement statement = connection.prepareStatement("SELECT t.lineage, t.seed_id, "
                + "coalesce(s.title, substr(s.problem, 1, 80)) FROM tasks t LEFT JOIN seeds s ON s.id = t.seed_id "
                + "WHERE t.id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || rows.getString(1) == null) {
                    return Optional.empty();
                }
                try {
                    lineage = TaskStore.JSON.readTree(rows.getString(1));
                } catch (JsonProcessingException e) {
                    throw new SQLException("task " + id + " has damaged lineage JSON in the project", e);
                }
                long seed = rows.getLong(2);
                seedId = rows.wasNull() ? null : seed;
                seedLabel = rows.getString(3);
            }
        }
        List<Skill> skills = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT s.id, s.name, "
                + "coalesce(g.name || ' › ', '') || coalesce(p.name || ' › ', '') || s.name FROM task_skills ts "
                + "JOIN skills s ON s.id = ts.skill_id LEFT JOIN skills p ON p.id = s.parent_id "
                + "LEFT JOIN skills g ON g.id = p.parent_id WHERE ts.task_id = ? ORDER BY g.position, p.position, s.position")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    skills.add(new Skill(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return Optional.of(new Shown(lineage, seedId, seedLabel, skills));
    }
}
