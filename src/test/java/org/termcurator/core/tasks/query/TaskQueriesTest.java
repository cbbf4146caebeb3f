package org.termcurator.core.tasks.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.tasks.TaskFolders;
import org.termcurator.core.tasks.TaskImporter;
import org.termcurator.core.tasks.lint.LintContext;

class TaskQueriesTest {

    @TempDir
    static Path dir;

    static ProjectDb db;
    static TaskQueries queries;

    /** 5 samples + 12 generated tasks over three categories, two difficulties, with and without solutions. */
    @BeforeAll
    static void importTasks() throws Exception {
        db = ProjectDb.create(dir.resolve("p.curator"));
        Path set = dir.resolve("set");
        String[] categories = {"alpha", "beta", "gamma"};
        for (int i = 0; i < 12; i++) {
            TaskFolders task = TaskFolders.harbor(set, String.format("gen-%02d", i))
                    .file("instruction.md", "Task number " + i + ": rotate the " + (i % 2 == 0 ? "zebra" : "yak")
                            + " logs in /app/logs and compress them " + "padding ".repeat(i))
                    .file("task.toml", "[metadata]\ncategory = \"" + categories[i % 3] + "\"\n"
                            + (i < 10 ? "difficulty = \"" + (i % 2 == 0 ? "easy" : "hard") + "\"\n" : "")
                            + "tags = [\"t" + (i % 4) + "\", \"common\"]\n");
            if (i % 3 == 0) {
                task.without("solution/solve.sh");
            }
            task.write();
        }
        new TaskImporter(db, TaskImporter.Options.defaults(new LintContext(Set.of("curator/debian:bookworm"), true,
                Map.of()))).importPaths(List.of(set, Path.of("sample-data/tasks")), JobContext.unobserved());
        queries = new TaskQueries(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everySingleValuedFacetAddsUpToTheTotal() throws Exception {
        TaskQuery all = TaskQuery.all();
        assertThat(queries.count(all)).isEqualTo(17);
        Map<TaskFacet, List<FacetValue>> facets = queries.facets(all);
        assertThat(facets).doesNotContainKey(TaskFacet.PASS_RATE); // no rollouts yet
        for (Map.Entry<TaskFacet, List<FacetValue>> facet : facets.entrySet()) {
            if (!facet.getKey().isMultiValued()) {
                assertThat(facet.getValue().stream().mapToLong(FacetValue::count).sum()).as(facet.getKey().name())
                        .isEqualTo(17);
            }
        }
        assertThat(facets.get(TaskFacet.CATEGORY)).contains(new FacetValue("alpha", 4), new FacetValue("debugging", 1));
        assertThat(facets.get(TaskFacet.DIFFICULTY)).contains(new FacetValue(TaskFacet.NONE, 2), new FacetValue("easy", 7));
        assertThat(facets.get(TaskFacet.HAS_SOLUTION)).containsExactlyInAnyOrder(new FacetValue("yes", 13),
                new FacetValue("no", 4));
        assertThat(facets.get(TaskFacet.TAG)).contains(new FacetValue("common", 12), new FacetValue("t0", 3));
        assertThat(facets.get(TaskFacet.BASE_IMAGE)).containsExactly(new FacetValue("curator/debian:bookworm", 17));
    }

    @Test
    void filtersCombineAndEachFacetCountsUnderTheOtherFilters() throws Exception {
        TaskQuery query = TaskQuery.all().withFilter(TaskFacet.CATEGORY, Set.of("alpha", "beta"))
                .withFilter(TaskFacet.DIFFICULTY, Set.of("easy"));

        assertThat(queries.page(query, 0, 100)).extracting(TaskRow::name)
                .containsExactly("gen-00", "gen-04", "gen-06");
        assertThat(queries.count(query)).isEqualTo(3);
        // categories are counted among the easy tasks, difficulties among alpha and beta
        assertThat(queries.facet(query, TaskFacet.CATEGORY)).containsExactlyInAnyOrder(new FacetValue("alpha", 2),
                new FacetValue("gamma", 2), new FacetValue("beta", 1), new FacetValue("data-processing", 1),
                new FacetValue("debugging", 1));
        assertThat(queries.facet(query, TaskFacet.DIFFICULTY)).containsExactlyInAnyOrder(new FacetValue("hard", 4),
                new FacetValue("easy", 3), new FacetValue(TaskFacet.NONE, 1));
        // "no value" is a value one can filter on
        assertThat(queries.page(TaskQuery.all().withFilter(TaskFacet.DIFFICULTY, Set.of(TaskFacet.NONE)), 0, 10))
                .extracting(TaskRow::name).containsExactly("gen-10", "gen-11");
        assertThat(queries.count(TaskQuery.all().withFilter(TaskFacet.TAG, Set.of("t1", "t2")))).isEqualTo(6);
        assertThat(queries.count(TaskQuery.all().withFilter(TaskFacet.HAS_SOLUTION, Set.of("no")))).isEqualTo(4);
        assertThat(queries.count(TaskQuery.all().withFilter(TaskFacet.TAG, Set.of(TaskFacet.NONE)))).isZero();
    }

    @Test
    void fullTextSearchMatchesWordsOfNameInstructionTagsAndTestFiles() throws Exception {
        assertThat(queries.count(TaskQuery.all().withText("zebra"))).isEqualTo(6);
        assertThat(queries.count(TaskQuery.all().withText("ZEBRA logs"))).isEqualTo(6);
        assertThat(queries.count(TaskQuery.all().withText("zebr"))).as("the last word is a prefix").isEqualTo(6);
        assertThat(queries.count(TaskQuery.all().withText("zeb"))).as("but not a very short one").isZero();
        assertThat(queries.count(TaskQuery.all().withText("zebra yak"))).isZero();
        assertThat(queries.count(TaskQuery.all().withText("refunded"))).isEqualTo(1);
        assertThat(queries.count(TaskQuery.all().withText("\"number 3\""))).isEqualTo(1);
        assertThat(queries.count(TaskQuery.all().withText("t3"))).as("a tag").isEqualTo(3);
        assertThat(queries.count(TaskQuery.all().withText("gen"))).as("the name").isEqualTo(12);
        // text that is not FTS syntax is searched as words, never an error
        assertThat(queries.count(TaskQuery.all().withText("zebra (\" * - ^:"))).isEqualTo(6);
        assertThat(queries.count(TaskQuery.all().withText("  ---  "))).isEqualTo(17);
        TaskQuery zebraEasy = TaskQuery.all().withText("zebra").withFilter(TaskFacet.CATEGORY, Set.of("alpha"));
        assertThat(queries.page(zebraEasy, 0, 10)).extracting(TaskRow::name).containsExactly("gen-00", "gen-06");
        assertThat(queries.facet(zebraEasy, TaskFacet.CATEGORY).stream().mapToLong(FacetValue::count).sum()).isEqualTo(6);
    }

    @Test
    void sortsByAnyColumnBothWaysAndPagesThroughTheSameOrder() throws Exception {
        TaskQuery byLength = TaskQuery.all().withFilter(TaskFacet.CATEGORY, Set.of("alpha", "beta", "gamma"))
                .withSort(TaskSort.INSTRUCTION_LENGTH, true);
        List<TaskRow> rows = queries.page(byLength, 0, 100);
        assertThat(rows).extracting(TaskRow::instructionLength).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(rows.getFirst().name()).isEqualTo("gen-11");

        long[] ids = queries.ids(byLength);
        assertThat(ids).hasSize(12);
        assertThat(queries.page(byLength, 4, 3)).extracting(TaskRow::id)
                .containsExactly(ids[4], ids[5], ids[6]);
        assertThat(queries.rows(Arrays.copyOfRange(ids, 9, 12))).extracting(TaskRow::id)
                .containsExactly(ids[9], ids[10], ids[11]);
        assertThat(queries.page(TaskQuery.all().withSort(TaskSort.NAME, false), 0, 1).getFirst().name())
                .isEqualTo("curator-samples/access-log-report");
        assertThat(queries.page(TaskQuery.all().withSort(TaskSort.NAME, true), 0, 1).getFirst().name())
                .isEqualTo("gen-11");
        for (TaskSort sort : TaskSort.values()) {
            assertThat(queries.ids(TaskQuery.all().withSort(sort, true))).as(sort.name()).hasSize(17);
        }
        assertThat(queries.page(TaskQuery.all().withSort(TaskSort.SOLUTION, true), 0, 17))
                .extracting(TaskRow::hasSolution).isSortedAccordingTo(java.util.Comparator.reverseOrder())
                .contains(true, false);
        assertThat(queries.page(TaskQuery.all().withSort(TaskSort.SOLUTION, false), 0, 17))
                .extracting(TaskRow::hasSolution).isSorted();
    }

    @Test
    void walkingTheSortIndexGivesTheSameAnswersAsSortingTheMatches() throws Exception {
        TaskQueries walking = new TaskQueries(db, 0); // every search counts as dense
        List<TaskQuery> probes = List.of(
                TaskQuery.all().withText("logs"),
                TaskQuery.all().withText("logs").withSort(TaskSort.NAME, true),
                TaskQuery.all().withText("zebra").withFilter(TaskFacet.DIFFICULTY, Set.of("easy", TaskFacet.NONE)),
                TaskQuery.all().withText("logs").withFilter(TaskFacet.HAS_SOLUTION, Set.of("no"))
                        .withSort(TaskSort.CATEGORY, false),
                TaskQuery.all().withText("rotate").withFilter(TaskFacet.TAG, Set.of("t1", "t3"))
                        .withSort(TaskSort.DIFFICULTY, true),
                TaskQuery.all().withText("logs").withSort(TaskSort.INSTRUCTION_LENGTH, true));
        for (TaskQuery probe : probes) {
            assertThat(walking.ids(probe)).as(probe.toString()).containsExactly(queries.ids(probe));
            assertThat(walking.page(probe, 2, 3)).as(probe.toString()).isEqualTo(queries.page(probe, 2, 3));
            assertThat(walking.count(probe)).as(probe.toString()).isEqualTo(queries.count(probe));
        }
        assertThat(walking.ids(probes.get(2))).hasSize(6);
    }

    @Test
    void theChartCountsTasksPerCategoryAndDifficulty() throws Exception {
        List<CategoryDifficultyCount> counts = queries.categoryDifficulty(TaskQuery.all());
        assertThat(counts).contains(new CategoryDifficultyCount("alpha", "easy", 2),
                new CategoryDifficultyCount("beta", TaskFacet.NONE, 1), new CategoryDifficultyCount("security", "hard", 1));
        assertThat(counts.stream().mapToLong(CategoryDifficultyCount::count).sum()).isEqualTo(17);
    }

    @Test
    void passRateBecomesAFacetOnceRolloutsExistAndTheDetailShowsThem(@TempDir Path own) throws Exception {
        for (int i = 0; i < 4; i++) {
            TaskFolders.harbor(own.resolve("set"), "run-" + i).write();
        }
        try (ProjectDb project = ProjectDb.create(own.resolve("runs.curator"))) {
            new TaskImporter(project, TaskImporter.Options.defaults(LintContext.withoutDocker(Map.of())))
                    .importPaths(List.of(own.resolve("set")), JobContext.unobserved());
            TaskQueries runs = new TaskQueries(project);
            assertThat(runs.facets(TaskQuery.all())).doesNotContainKey(TaskFacet.PASS_RATE);
            long[] ids = runs.ids(TaskQuery.all());
            project.write(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rollouts(task_id, agent, "
                        + "status, reward, created_at) VALUES (?, 'oracle', ?, ?, '2026-01-01')")) {
                    Object[][] rollouts = {{ids[0], "passed", 1.0}, {ids[0], "passed", 1.0}, {ids[1], "passed", 1.0},
                        {ids[1], "failed", 0.0}, {ids[1], "failed", 0.0}, {ids[2], "failed", 0.0}};
                    for (Object[] rollout : rollouts) {
                        for (int column = 0; column < 3; column++) {
                            insert.setObject(column + 1, rollout[column]);
                        }
                        insert.executeUpdate();
                    }
                }
                return null;
            });

            assertThat(runs.facets(TaskQuery.all()).get(TaskFacet.PASS_RATE)).containsExactlyInAnyOrder(
                    new FacetValue("100%", 1), new FacetValue("1-49%", 1), new FacetValue("0%", 1),
                    new FacetValue("no rollouts", 1));
            assertThat(runs.count(TaskQuery.all().withFilter(TaskFacet.PASS_RATE, Set.of("100%", "0%")))).isEqualTo(2);
            TaskDetail detail = runs.detail(ids[1]).orElseThrow();
            assertThat(detail.stored().task().name()).isEqualTo("tests/run-1");
            assertThat(detail.runs()).hasSize(3);
            assertThat(detail.passRate()).isEqualTo(1.0 / 3);
        }
    }

    @Test
    void aSearchCountFollowsTasksImportedAfterIt(@TempDir Path own) throws Exception {
        try (ProjectDb project = ProjectDb.create(own.resolve("q.curator"))) {
            TaskQueries counting = new TaskQueries(project);
            TaskImporter importer = new TaskImporter(project, TaskImporter.Options.defaults(
                    new LintContext(Set.of("curator/debian:bookworm"), true, Map.of())));
            TaskQuery walrus = TaskQuery.all().withText("walrus");
            for (int n = 1; n <= 2; n++) {
                TaskFolders.harbor(own.resolve("set-" + n), "walrus-" + n)
                        .file("instruction.md", "Feed the walrus number " + n + " in /app.").write();
                importer.importPaths(List.of(own.resolve("set-" + n)), JobContext.unobserved());

                assertThat(counting.count(walrus)).isEqualTo(n);
                assertThat(counting.page(walrus, 0, 10)).hasSize(n);
            }
        }
    }
}
