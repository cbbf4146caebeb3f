package org.termcurator.core.tasks.lint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.tasks.TaskStore;

/**
 * Lints a whole project: the per-task rules over every stored task, the rules that compare
 * tasks (duplicate names, near-identical instructions), and each task's lint status.
 */
public final class ProjectLinter {

    /** Instructions whose word shingles overlap at least this much count as near-identical. */
    public static final double NEAR_DUPLICATE_SIMILARITY = 0.8;
    // 32 bands of 4 rows: pairs at 0.8 similarity share a band with probability > 0.9999.
    private static final int BANDS = 32;
    private static final int BATCH = 500;

    private ProjectLinter() {
    }

    /** Lints every task again (e.g. after the local images or the base-image map changed). */
    public static LintReport lintProject(ProjectDb db, LintContext context, JobContext job) throws SQLException {
        List<Long> ids = db.read(connection -> {
            List<Long> all = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id FROM tasks ORDER BY id")) {
                while (rows.next()) {
                    all.add(rows.getLong(1));
                }
            }
            return all;
        });
        job.message("Linting " + ids.size() + " tasks");
        for (int start = 0; start < ids.size(); start += BATCH) {
            job.checkCancelled();
            List<Long> batch = ids.subList(start, Math.min(ids.size(), start + BATCH));
            List<TaskStore.StoredTask> tasks = db.read(connection -> TaskStore.load(connection, batch));
            db.write(connection -> {
                try (TaskStore.Writer writer = new TaskStore.Writer(connection)) {
                    for (TaskStore.StoredTask stored : tasks) {
                        writer.replaceFindings(stored.id(), TaskLinter.lint(stored.task(), context));
                    }
                }
                return null;
            });
            job.progress(start + batch.size(), ids.size());
        }
        job.message("Comparing tasks with each other");
        db.write(connection -> {
            lintAcrossTasks(connection);
            return null;
        });
        return db.read(ProjectLinter::report);
    }

    /**
     * Runs the cross-task rules over the whole project and brings every task's lint status up
     * to date, in the caller's transaction.
     */
    public static void lintAcrossTasks(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM task_lint WHERE rule IN (?, ?)")) {
            delete.setString(1, LintRule.DUPLICATE_NAME.id());
            delete.setString(2, LintRule.NEAR_DUPLICATE_INSTRUCTION.id());
            delete.executeUpdate();
        }
        Map<Long, LintFinding> findings = new LinkedHashMap<>();
        duplicateNames(connection, findings);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO task_lint(task_id, rule, severity, message, file, line) VALUES (?, ?, ?, ?, NULL, 0)")) {
            for (Map.Entry<Long, LintFinding> entry : findings.entrySet()) {
                addFinding(insert, entry.getKey(), entry.getValue());
            }
            for (Map.Entry<Long, LintFinding> entry : nearDuplicates(connection).entrySet()) {
                addFinding(insert, entry.getKey(), entry.getValue());
            }
            insert.executeBatch();
        }
        refreshStatuses(connection);
    }

    private static void addFinding(PreparedStatement insert, long taskId, LintFinding finding) throws SQLException {
        insert.setLong(1, taskId);
        insert.setString(2, finding.rule().id());
        insert.setString(3, finding.severity().id());
        insert.setString(4, finding.message());
        insert.addBatch();
    }

    private static void duplicateNames(Connection connection, Map<Long, LintFinding> findings) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT t.id, t.name, d.n FROM tasks t JOIN "
                + "(SELECT name, count(*) AS n FROM tasks GROUP BY name HAVING count(*) > 1) d ON d.name = t.name");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long others = rows.getLong(3) - 1;
                findings.put(rows.getLong(1), LintFinding.of(LintRule.DUPLICATE_NAME, others + " other task"
                        + (others == 1 ? " is" : "s are") + " also named '" + rows.getString(2) + "'."));
            }
        }
    }

    /** Groups near-identical instructions with locality-sensitive hashing over the MinHash bands. */
    private static Map<Long, LintFinding> nearDuplicates(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<int[]> signatures = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id, name, instruction_minhash FROM tasks WHERE instruction_minhash IS NOT NULL ORDER BY id")) {
            while (rows.next()) {
                int[] signature = MinHash.fromBytes(rows.getBytes(3));
                if (signature != null) {
                    ids.add(rows.getLong(1));
                    names.add(rows.getString(2));
                    signatures.add(signature);
                }
            }
        }
        int[] roots = MinHashClusters.roots(signatures, BANDS, NEAR_DUPLICATE_SIMILARITY);
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < roots.length; i++) {
            groups.computeIfAbsent(roots[i], root -> new ArrayList<>()).add(i);
        }
        Map<Long, LintFinding> findings = new LinkedHashMap<>();
        for (List<Integer> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (int member : group) {
                int other = group.get(0) == member ? group.get(1) : group.get(0);
                int more = group.size() - 2;
                findings.put(ids.get(member), LintFinding.of(LintRule.NEAR_DUPLICATE_INSTRUCTION,
                        "The instruction is nearly identical to that of '" + names.get(other) + "'"
                                + (more > 0 ? " and " + more + " other task" + (more == 1 ? "" : "s") : "") + "."));
            }
        }
        return findings;
    }

    /** Sets every task's status to its worst finding, or ok. */
    static void refreshStatuses(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE tasks SET lint_status = 'ok' WHERE lint_status <> 'ok' "
                    + "AND NOT EXISTS (SELECT 1 FROM task_lint l WHERE l.task_id = tasks.id)");
            statement.executeUpdate("UPDATE tasks SET lint_status = s.status FROM (SELECT task_id, CASE WHEN "
                    + "max(severity = 'error') THEN 'error' ELSE 'warning' END AS status FROM task_lint GROUP BY task_id) "
                    + "AS s WHERE tasks.id = s.task_id AND tasks.lint_status <> s.status");
        }
    }

    /** Findings of one task, errors first. */
    public static List<LintFinding> findings(Connection connection, long taskId) throws SQLException {
        List<LintFinding> findings = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT rule, message, file, line FROM task_lint "
                + "WHERE task_id = ? ORDER BY severity = 'error' DESC, id")) {
            statement.setLong(1, taskId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    findings.add(new LintFinding(LintRule.fromId(rows.getString(1)), rows.getString(2),
                            rows.getString(3), rows.getInt(4)));
                }
            }
        }
        return findings;
    }

    /** Every finding in the project with the task it belongs to, and the counts. */
    public static LintReport report(Connection connection) throws SQLException {
        Map<LintStatus, Long> statuses = new LinkedHashMap<>();
        for (LintStatus status : LintStatus.values()) {
            statuses.put(status, 0L);
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT lint_status, count(*) FROM tasks GROUP BY lint_status")) {
            while (rows.next()) {
                statuses.put(LintStatus.fromId(rows.getString(1)), rows.getLong(2));
            }
        }
        Map<LintRule, Long> rules = new LinkedHashMap<>();
        for (LintRule rule : LintRule.values()) {
            rules.put(rule, 0L);
        }
        List<LintReport.TaskFinding> findings = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT t.id, t.name, t.source_path, l.rule, l.message, l.file, "
                     + "l.line FROM task_lint l JOIN tasks t ON t.id = l.task_id ORDER BY t.name, t.id, l.id")) {
            while (rows.next()) {
                LintFinding finding = new LintFinding(LintRule.fromId(rows.getString(4)), rows.getString(5),
                        rows.getString(6), rows.getInt(7));
                rules.merge(finding.rule(), 1L, Long::sum);
                findings.add(new LintReport.TaskFinding(rows.getLong(1), rows.getString(2), rows.getString(3), finding));
            }
        }
        return new LintReport(statuses, rules, findings);
    }
}
