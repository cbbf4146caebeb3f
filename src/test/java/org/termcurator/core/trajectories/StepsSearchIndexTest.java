package org.termcurator.core.trajectories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.jobs.JobCancelledException;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.search.FullTextQuery;

/** The steps' search index: its upgrade from schema 3, its backlog, and its entries when a run is imported again. */
class StepsSearchIndexTest {

    /** Searches that reach every indexed part: message, reasoning, commands, observation; words, phrases, prefixes. */
    private static final List<String> SEARCHES = List.of("hello", "echo hello", "\"echo hello\"", "hello.txt",
            "Simple", "wc", "hel*", "\"Write the file\"", "root@box", "nothing-like-this");

    @TempDir
    Path dir;

    @Test
    void projectAtSchema3WithImportedRunsFindsTheSameStepsAfterTheUpgrade() throws Exception {
        Path project = dir.resolve("schema3.curator");
        Path rows = Fixtures.copy("sft/rows.jsonl", dir);
        ProjectDb.create(project).close();
        Map<String, Set<Long>> before;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project)) {
            try (Statement statement = connection.createStatement()) {
                // schema 3 differs from schema 4 only in steps_fts, which schema 1 made an ordinary FTS5 table
                statement.execute("DROP TABLE steps_fts");
                statement.execute("CREATE VIRTUAL TABLE steps_fts USING fts5(message, commands, observation, "
                        + "tokenize = 'unicode61')");
                statement.execute("PRAGMA user_version = 3");
            }
            importWithTheWriter(connection, rows);
            try (Statement statement = connection.createStatement()) {
                // schema 3 had no backlog (the import indexed every step as it wrote it), nor the later index
                statement.execute("DROP TABLE search_backlog");
                statement.execute("DROP INDEX tasks_name_tail");
                for (String sortIndex : List.of("trajectories_resolved", "trajectories_reward", "trajectories_turns",
                        "trajectories_tokens", "trajectories_duration", "trajectories_agent", "trajectories_date",
                        "trajectories_failure", "trajectories_trial", "trajectories_format",
                        "tasks_instruction_length", "tasks_agent_timeout", "tasks_updated")) {
                    statement.execute("DROP INDEX IF EXISTS " + sortIndex);
                }
            }
            before = search(connection);
        }
        assertThat(before.get("hello")).hasSizeGreaterThan(1);
        assertThat(before).allSatisfy((search, steps) -> {
            if (!search.equals("nothing-like-this")) {
                assertThat(steps).as(search).isNotEmpty();
            }
        });

        try (ProjectDb db = ProjectDb.open(project)) {
            assertThat(db.schemaVersion()).isEqualTo(ProjectDb.latestSchemaVersion());
            assertThat(StepsSearchIndex.backlog(db)).as("an upgraded project's steps are all indexed").isZero();
            Map<String, Set<Long>> after = db.read(StepsSearchIndexTest::search);
            assertThat(after).isEqualTo(before);
            assertThat(new TrajectoryQueries(db).page(TrajectoryFilter.all().withQuery("\"echo hello\""), 0, 10).total())
                    .isEqualTo(trajectoriesOf(db, before.get("\"echo hello\"")));
            Set<String> tables = db.read(StepsSearchIndexTest::tableNames);
            assertThat(tables).as("the index no longer keeps its own copy of the text")
                    .contains("steps_fts").doesNotContain("steps_fts_content", "steps_fts_schema3");
        }
    }

    @Test
    void reimportOfAChangedRunLeavesNoSearchEntryOfItsOldText() throws Exception {
        Path rows = Fixtures.copy("sft/rows.jsonl", dir);
        try (ProjectDb db = ProjectDb.create(dir.resolve("p.curator"))) {
            RunImporter importer = new RunImporter(db);
            importer.importPaths(List.of(rows), JobContext.unobserved());
            StepsSearchIndex.catchUp(db, JobContext.unobserved());
            long stepCount = db.info().counts().get("steps");
            assertThat(indexedSteps(db, "hello.txt")).isNotEmpty();
            assertThat(indexedSteps(db, "goodbye.txt")).isEmpty();

            Files.writeString(rows, Files.readString(rows).replace("hello.txt", "goodbye.txt"));
            RunImportSummary again = importer.importPaths(List.of(rows), JobContext.unobserved());
            assertThat(indexedSteps(db, "hello.txt")).as("the replaced steps leave the index with the import").isEmpty();
            StepsSearchIndex.catchUp(db, JobContext.unobserved());

            assertThat(again.updated()).isPositive();
            assertThat(indexedSteps(db, "hello.txt")).as("entries of the replaced steps are gone from the index").isEmpty();
            assertThat(indexedSteps(db, "goodbye.txt")).isNotEmpty();
            assertThat(db.info().counts().get("steps")).isEqualTo(stepCount);
            Set<Long> stepIds = db.read(connection -> ids(connection, "SELECT id FROM steps"));
            Set<Long> indexed = db.read(connection -> ids(connection, "SELECT rowid FROM steps_fts"));
            assertThat(indexed).as("one index entry per stored step, none left over").isEqualTo(stepIds);
            integrityCheck(db);
        }
    }

    @Test
    void aRunChangedAndImportedAgainBeforeItWasIndexedIsIndexedOnceWithItsNewText() throws Exception {
        Path rows = Fixtures.copy("sft/rows.jsonl", dir);
        try (ProjectDb db = ProjectDb.create(dir.resolve("p.curator"))) {
            RunImporter importer = new RunImporter(db);
            importer.importPaths(List.of(rows), JobContext.unobserved());
            long listed = StepsSearchIndex.backlog(db);
            assertThat(listed).isPositive();
            Files.writeString(rows, Files.readString(rows).replace("hello.txt", "goodbye.txt"));
            importer.importPaths(List.of(rows), JobContext.unobserved());
            assertThat(StepsSearchIndex.backlog(db)).as("listed once each").isEqualTo(listed);

            assertThat(StepsSearchIndex.catchUp(db, JobContext.unobserved())).isEqualTo(listed);

            assertThat(indexedSteps(db, "hello.txt")).isEmpty();
            assertThat(indexedSteps(db, "goodbye.txt")).isNotEmpty();
            assertOneEntryPerStep(db);
            integrityCheck(db);
        }
    }

    @Test
    void aCancelledCatchUpKeepsTheBatchesItIndexedAndTheNextOneDoesTheRest() throws Exception {
        Path rows = Fixtures.copy("sft/rows.jsonl", dir);
        try (ProjectDb db = ProjectDb.create(dir.resolve("p.curator"))) {
            new RunImporter(db).importPaths(List.of(rows), JobContext.unobserved());
            long listed = StepsSearchIndex.backlog(db);
            assertThat(listed).isGreaterThan(2);
            AtomicLong reported = new AtomicLong();
            JobContext cancelAfterOneBatch = new JobContext() {
                @Override
                public void progress(long done, long total) {
                    reported.set(done);
                }

                @Override
                public void message(String message) {
                }

                @Override
                public boolean isCancelled() {
                    return reported.get() > 0;
                }
            };

            assertThatThrownBy(() -> StepsSearchIndex.catchUp(db, cancelAfterOneBatch, 2))
                    .isInstanceOf(JobCancelledException.class);

            assertThat(reported.get()).isEqualTo(2);
            assertThat(StepsSearchIndex.backlog(db)).isEqualTo(listed - 2);
            Set<Long> indexedTrajectories = db.read(connection -> ids(connection,
                    "SELECT DISTINCT trajectory_id FROM steps WHERE id IN (SELECT rowid FROM steps_fts)"));
            Set<Long> stillListed = db.read(connection -> ids(connection, "SELECT trajectory_id FROM search_backlog"));
            assertThat(indexedTrajectories).hasSize(2).doesNotContainAnyElementsOf(stillListed);

            assertThat(StepsSearchIndex.catchUp(db, JobContext.unobserved(), 2)).isEqualTo(listed - 2);
            assertThat(StepsSearchIndex.backlog(db)).isZero();
            assertOneEntryPerStep(db);
            integrityCheck(db);
        }
    }

    @Test
    void theCommandsColumnHoldsEachCommandsKeystrokesNotTheJsonAroundThem() throws Exception {
        Path rows = Fixtures.copy("sft/rows.jsonl", dir);
        try (ProjectDb db = ProjectDb.create(dir.resolve("p.curator"))) {
            new RunImporter(db).importPaths(List.of(rows), JobContext.unobserved());
            StepsSearchIndex.catchUp(db, JobContext.unobserved());
            Set<Long> withCommands = db.read(connection -> ids(connection, "SELECT id FROM steps WHERE commands IS NOT NULL"));
            assertThat(withCommands).isNotEmpty();
            Set<Long> keystrokes = db.read(connection -> ids(connection,
                    "SELECT rowid FROM steps_fts WHERE steps_fts MATCH 'commands : \"echo hello\"'"));
            assertThat(keystrokes).isNotEmpty().isSubsetOf(withCommands);
            Set<Long> jsonKeys = db.read(connection -> ids(connection,
                    "SELECT rowid FROM steps_fts WHERE steps_fts MATCH 'commands : keystrokes OR commands : duration'"));
            assertThat(jsonKeys).as("the JSON's own keys are not searchable words").isEmpty();
        }
    }

    private static void assertOneEntryPerStep(ProjectDb db) throws SQLException {
        Set<Long> indexed = db.read(connection -> ids(connection, "SELECT rowid FROM steps_fts"));
        Set<Long> steps = db.read(connection -> ids(connection, "SELECT id FROM steps"));
        assertThat(indexed).isEqualTo(steps);
    }

    private static void integrityCheck(ProjectDb db) throws SQLException {
        db.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO steps_fts(steps_fts) VALUES ('integrity-check')");
            }
            return null;
        });
    }

    /** Writes the rows with the import's own writer and indexes them, on a plain connection, as an import at schema 3 did. */
    private static void importWithTheWriter(Connection connection, Path rows) throws Exception {
        connection.setAutoCommit(false);
        try (TrajectoryWriter writer = new TrajectoryWriter(connection)) {
            SftRowFiles.readJsonl(rows, new ItemSink() {
                @Override
                public void accept(Trajectory trajectory, long bytes) throws SQLException {
                    writer.write(trajectory);
                }

                @Override
                public void fail(String path, String message, long bytes) {
                    // the fixture has malformed lines on purpose; the import skips them too
                }
            });
        }
        while (StepsSearchIndex.indexBatch(connection, 3) > 0) {
            // every listed trajectory, a batch at a time
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    /** Each search's matching step ids, found the way the trajectory table searches. */
    private static Map<String, Set<Long>> search(Connection connection) throws SQLException {
        Map<String, Set<Long>> found = new LinkedHashMap<>();
        for (String search : SEARCHES) {
            found.put(search, matching(connection, search));
        }
        return found;
    }

    private static Set<Long> matching(Connection connection, String search) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT rowid FROM steps_fts WHERE steps_fts MATCH ?")) {
            statement.setString(1, FullTextQuery.expression(search, false));
            return ids(statement);
        }
    }

    private static Set<Long> indexedSteps(ProjectDb db, String search) throws SQLException {
        return db.read(connection -> matching(connection, search));
    }

    private static long trajectoriesOf(ProjectDb db, Set<Long> stepIds) throws SQLException {
        return db.read(connection -> {
            Set<Long> trajectories = new TreeSet<>();
            for (long id : stepIds) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT trajectory_id FROM steps WHERE id = ?")) {
                    statement.setLong(1, id);
                    trajectories.addAll(ids(statement));
                }
            }
            return (long) trajectories.size();
        });
    }

    private static Set<Long> ids(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return ids(statement);
        }
    }

    private static Set<Long> ids(PreparedStatement statement) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static Set<String> tableNames(Connection connection) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
