package org.termcurator.core.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.project.ProjectDb;

class SkillCoverageTest {

    @TempDir
    Path dir;

    @Test
    void countsTasksTrajectoriesAndSuccessesPerSkillAndDomainAndListsGaps() throws Exception {
        try (ProjectDb db = ProjectDb.create(dir.resolve("p.curator"))) {
            SkillStore skills = new SkillStore(db);
            skills.importTaxonomy(new Taxonomy(List.of(
                    new Taxonomy.Entry("debugging", null, null, List.of(new Taxonomy.Entry("systems", null, null,
                            List.of(leaf("use strace"), leaf("use gdb"))))),
                    new Taxonomy.Entry("security", null, null, List.of(new Taxonomy.Entry("algorithmic", null, null,
                            List.of(leaf("hash passwords"))))))));
            List<SkillNode> debugging = skills.skillsOfDomain("Debugging");
            long strace = debugging.getFirst().id();
            db.write(c -> {
                task(c, 1, "debugging");
                task(c, 2, null);
                task(c, 3, "Security");
                exec(c, "INSERT INTO task_skills(task_id, skill_id) VALUES (1, " + strace + "), (2, " + strace + ")");
                trajectory(c, 1, "1", "NULL");
                trajectory(c, 1, "0", "0");
                trajectory(c, 2, "NULL", "1.0");
                trajectory(c, 3, "1", "1");
                return null;
            });

            SkillCoverage.Report report = SkillCoverage.compute(db);

            SkillCoverage.DomainRow debug = report.domains().getFirst();
            assertThat(debug.counts()).isEqualTo(new SkillCoverage.Counts(2, 3, 2));
            assertThat(debug.skills().getFirst().counts()).isEqualTo(new SkillCoverage.Counts(2, 3, 2));
            assertThat(report.domains().get(1).counts()).as("by category only").isEqualTo(new SkillCoverage.Counts(1, 1, 1));
            assertThat(report.skillsWithoutTasks()).extracting(SkillCoverage.SkillRow::skill)
                    .containsExactly("use gdb", "hash passwords");
            assertThat(debug.skillsWithoutTasks()).isEqualTo(1);
        }
    }

    private static Taxonomy.Entry leaf(String name) {
        return new Taxonomy.Entry(name, null, null, List.of());
    }

    private static void task(Connection c, int id, String category) throws SQLException {
        exec(c, "INSERT INTO tasks(id, name, format, category, instruction, content_hash, created_at, updated_at) VALUES ("
                + id + ", 't" + id + "', 'harbor', " + (category == null ? "NULL" : "'" + category + "'")
                + ", 'i', 'h', 'now', 'now')");
    }

    private static void trajectory(Connection c, int task, String resolved, String reward) throws SQLException {
        exec(c, "INSERT INTO trajectories(task_id, format, resolved, reward, imported_at) VALUES (" + task
                + ", 'harbor-trial', " + resolved + ", " + reward + ", 'now')");
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (var statement = c.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
