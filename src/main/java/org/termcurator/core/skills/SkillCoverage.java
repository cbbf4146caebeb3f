package org.termcurator.core.skills;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.termcurator.core.project.ProjectDb;

/**
 * How much of the task set each skill and domain accounts for: tasks (linked through
 * task_skills, and for domains also by the task's category), their trajectories, and the
 * successful ones (resolved, or a full reward where resolved is not recorded).
 */
public final class SkillCoverage {

    /** Counts for one skill or domain. */
    public record Counts(long tasks, long trajectories, long successful) {
    }

    public record SkillRow(long skillId, String domain, String dimension, String skill, Counts counts) {
    }

    public record DomainRow(long domainId, String domain, Counts counts, List<SkillRow> skills) {
        public long skillsWithoutTasks() {
            return skills.stream().filter(row -> row.counts().tasks() == 0).count();
        }
    }

    public record Report(List<DomainRow> domains) {
        public List<SkillRow> skillsWithoutTasks() {
            List<SkillRow> rows = new ArrayList<>();
            domains.forEach(domain -> domain.skills().stream().filter(row -> row.counts().tasks() == 0).forEach(rows::add));
            return rows;
        }
    }

    private SkillCoverage() {
    }

    public static Report compute(ProjectDb db) throws SQLException {
        return db.read(SkillCoverage::compute);
    }

    static Report compute(Connection connection) throws SQLException {
        Map<Long, long[]> trajectoriesByTask = new HashMap<>();
        query(connection, "SELECT task_id, count(*), sum(CASE WHEN resolved = 1 OR (resolved IS NULL AND reward >= 1) "
                + "THEN 1 ELSE 0 END) FROM trajectories WHERE task_id IS NOT NULL GROUP BY task_id", rows ->
                trajectoriesByTask.put(rows.getLong(1), new long[] {rows.getLong(2), rows.getLong(3)}));
        Map<Long, Set<Long>> tasksBySkill = new HashMap<>();
        query(connection, "SELECT skill_id, task_id FROM task_skills", rows ->
                tasksBySkill.computeIfAbsent(rows.getLong(1), key -> new HashSet<>()).add(rows.getLong(2)));
        Map<String, Set<Long>> tasksByCategory = new HashMap<>();
        query(connection, "SELECT id, category FROM tasks WHERE category IS NOT NULL", rows ->
                tasksByCategory.computeIfAbsent(normalize(rows.getString(2)), key -> new HashSet<>()).add(rows.getLong(1)));

        List<DomainRow> domains = new ArrayList<>();
        for (SkillTree domain : SkillStore.tree(connection)) {
            if (domain.node().kind() != SkillKind.DOMAIN) {
                continue;
            }
            Set<Long> domainTasks = new HashSet<>(tasksByCategory.getOrDefault(normalize(domain.node().name()), Set.of()));
            domainTasks.addAll(tasksBySkill.getOrDefault(domain.node().id(), Set.of()));
            List<SkillRow> skills = new ArrayList<>();
            for (SkillTree dimension : domain.children()) {
                domainTasks.addAll(tasksBySkill.getOrDefault(dimension.node().id(), Set.of()));
                for (SkillTree skill : dimension.children()) {
                    Set<Long> tasks = tasksBySkill.getOrDefault(skill.node().id(), Set.of());
                    domainTasks.addAll(tasks);
                    skills.add(new SkillRow(skill.node().id(), domain.node().name(), dimension.node().name(),
                            skill.node().name(), count(tasks, trajectoriesByTask)));
                }
            }
            domains.add(new DomainRow(domain.node().id(), domain.node().name(), count(domainTasks, trajectoriesByTask), skills));
        }
        return new Report(domains);
    }

    private static Counts count(Set<Long> tasks, Map<Long, long[]> trajectoriesByTask) {
        long trajectories = 0;
        long successful = 0;
        for (long task : tasks) {
            long[] counts = trajectoriesByTask.get(task);
            if (counts != null) {
                trajectories += counts[0];
                successful += counts[1];
            }
        }
        return new Counts(tasks.size(), trajectories, successful);
    }

    /** "Data-Processing", "data_processing" and "data processing" are the same category. */
    static String normalize(String category) {
        return category == null ? "" : category.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ");
    }

    private interface RowHandler {
        void handle(ResultSet rows) throws SQLException;
    }

    private static void query(Connection connection, String sql, RowHandler handler) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                handler.handle(rows);
            }
        }
    }
}
