package org.termcurator.core.trajectories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.project.ProjectDb;

/** Which task a trajectory's task name links to, and that the lookup does not read every task. */
class TaskLinksTest {

    @TempDir
    Path dir;

    private ProjectDb db;

    @BeforeEach
    void tasks() throws Exception {
        db = ProjectDb.create(dir.resolve("p.curator"));
        for (String name : List.of("org/fix-git", "parse-logs", "team/org/build-docs", "crack-zip", "acme/crack-zip")) {
            db.write(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tasks(name, format, "
                        + "instruction, content_hash, created_at, updated_at) VALUES (?, 'harbor', 'x', 'h', 'now', 'now')")) {
                    insert.setString(1, name);
                    return insert.executeUpdate();
                }
            });
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anExactNameWinsThenTheNameAfterASlashThenTheTaskAfterTheTrajectorysOwnPrefix() throws Exception {
        assertThat(linked("org/fix-git")).isEqualTo("org/fix-git");
        assertThat(linked("fix-git")).as("run files name the folder, task configs org/name").isEqualTo("org/fix-git");
        assertThat(linked("acme/parse-logs")).as("a prefixed run name of an unprefixed task").isEqualTo("parse-logs");
        assertThat(linked("org/build-docs")).as("the end of a longer name").isEqualTo("team/org/build-docs");
        assertThat(linked("build-docs")).isEqualTo("team/org/build-docs");
        assertThat(linked("crack-zip")).as("the exact name over a prefixed one").isEqualTo("crack-zip");
    }

    @Test
    void namesAreComparedExactlyNotAsPatterns() throws Exception {
        assertThat(linked("fix_git")).as("an underscore is not a wildcard").isNull();
        assertThat(linked("Fix-Git")).isNull();
        assertThat(linked("git")).as("the whole part after a slash, not its end").isNull();
        assertThat(linked("other/fix-git")).isNull();
        assertThat(linked("")).isNull();
    }

    @Test
    void theLookupFindsTasksThroughIndexesInsteadOfReadingEveryTask() throws Exception {
        List<String> plan = db.read(connection -> {
            List<String> details = new ArrayList<>();
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + TaskLinks.TASK_BY_NAME)) {
                explain.setString(1, "fix-git");
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        details.add(rows.getString("detail"));
                    }
                }
            }
            return details;
        });
        assertThat(plan).anyMatch(step -> step.contains("tasks_name_tail"))
                .noneMatch(step -> step.startsWith("SCAN tasks"));
    }

    private String linked(String taskName) throws SQLException {
        return db.read(connection -> {
            try (PreparedStatement find = connection.prepareStatement(TaskLinks.TASK_BY_NAME)) {
                Long id = TaskLinks.find(find, taskName);
                return id == null ? null : name(connection, id);
            }
        });
    }

    private static String name(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT name FROM tasks WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
