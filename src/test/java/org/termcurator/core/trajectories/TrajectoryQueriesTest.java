package org.termcurator.core.trajectories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;

/** The table's queries: pages, full-text search over steps, facet counts. */
class TrajectoryQueriesTest {

    @TempDir
    Path dir;

    private ProjectDb db;
    private TrajectoryQueries store;

    @BeforeEach
    void importEverything() throws Exception {
        db = ProjectDb.create(dir.resolve("p.curator"));
        store = new TrajectoryQueries(db);
        new RunImporter(db).importPaths(List.of(Fixtures.copy("tb1-run", dir), Fixtures.copy("harbor-job", dir),
                Fixtures.copy("sft/rows.jsonl", dir)), JobContext.unobserved());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Map<String, Long> counts(List<FacetCount> facet) {
        return facet.stream().collect(java.util.stream.Collectors.toMap(FacetCount::label, FacetCount::count));
    }

    @Test
    void facetsCountEveryLabelOfTheMatchingTrajectories() throws Exception {
        Map<TrajectoryFacet, List<FacetCount>> facets = store.facets(TrajectoryFilter.all());
        assertThat(counts(facets.get(TrajectoryFacet.OUTCOME)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("resolved", 3L, "unresolved", 3L, "unknown", 4L));
        assertThat(counts(facets.get(TrajectoryFacet.AGENT)))
                .containsEntry("terminus", 4L).containsEntry("terminus-2", 4L).containsEntry("(unknown)", 2L);
        assertThat(counts(facets.get(TrajectoryFacet.TASK))).containsEntry("fix-permissions", 2L);
        assertThat(counts(facets.get(TrajectoryFacet.FAILURE_MODE)))
                .containsEntry("agent_timeout", 1L).containsEntry("AgentTimeoutError", 1L);
        assertThat(counts(facets.get(TrajectoryFacet.TURNS))).containsEntry("0", 2L).containsEntry("1-5", 8L);
        assertThat(counts(facets.get(TrajectoryFacet.TOKENS))).containsExactlyInAnyOrderEntriesOf(Map.of("<8k", 6L, "8k-16k", 1L, "16k-32k", 2L, "32k-64k", 1L));
        assertThat(counts(facets.get(TrajectoryFacet.SOURCE)).keySet())
                .contains("tb1-run · terminal-bench-core", "harbor-trial · sample-tasks", "sft-row · sample-adapter");
        assertThat(facets.values()).allSatisfy(labels ->
                assertThat(labels.stream().mapToLong(FacetCount::count).sum()).isEqualTo(10));
    }

    @Test
    void choosingAFacetNarrowsTheOthersButKeepsItsOwnLabels() throws Exception {
        TrajectoryFilter harbor = TrajectoryFilter.all().with(TrajectoryFacet.AGENT, "terminus-2");
        assertThat(store.page(harbor, 0, 50).total()).isEqualTo(4);
        Map<TrajectoryFacet, List<FacetCount>> facets = store.facets(harbor);
        assertThat(counts(facets.get(TrajectoryFacet.AGENT))).containsEntry("terminus", 4L);
        assertThat(counts(facets.get(TrajectoryFacet.MODEL)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("gpt-5-mini", 2L, "qwen3-8b", 2L));

        TrajectoryFilter failedHarbor = harbor.with(TrajectoryFacet.OUTCOME, "unresolved");
        TrajectoryPage page = store.page(failedHarbor, 0, 50);
        assertThat(page.rows()).extracting(TrajectoryRow::trialName).containsExactly("parse-logs__e4f5g6h");
        assertThat(store.page(failedHarbor.with(TrajectoryFacet.OUTCOME, null), 0, 50).total()).isEqualTo(4);
    }

    @Test
    void searchBeforeTheIndexCaughtUpSaysHowManyTrajectoriesItCouldNotLookAt() throws Exception {
        TrajectoryPage before = store.page(TrajectoryFilter.all().withQuery("chown"), 0, 10);
        assertThat(before.total()).as("the import wrote the steps but left the index to catch up").isZero();
        assertThat(before.unsearched()).isEqualTo(10);
        assertThat(store.page(TrajectoryFilter.all(), 0, 10).unsearched()).as("only a search misses them").isZero();

        assertThat(StepsSearchIndex.catchUp(db, JobContext.unobserved())).isEqualTo(10);

        TrajectoryPage after = store.page(TrajectoryFilter.all().withQuery("chown"), 0, 10);
        assertThat(after.total()).isEqualTo(1);
        assertThat(after.unsearched()).isZero();
        assertThat(StepsSearchIndex.catchUp(db, JobContext.unobserved())).as("nothing left to index").isZero();
    }

    @Test
    void fullTextSearchFindsMessagesCommandsAndObservations() throws Exception {
        StepsSearchIndex.catchUp(db, JobContext.unobserved());
        assertThat(trials("chown")).containsExactly("fix-permissions.1-of-2");   // a command
        assertThat(trials("1042")).containsExactly("count-lines__a1b2c3d");        // terminal output
        assertThat(trials("\"Extract every ERROR\"")).containsExactly("parse-logs__e4f5g6h"); // a prompt, as a phrase
        assertThat(trials("redirect")).containsExactly("hello-file__x1y2z3a");    // reasoning
        assertThat(trials("chmod app")).containsExactly("fix-permissions.1-of-2", "fix-permissions.2-of-2");
        assertThat(trials("unlikelyword")).isEmpty();
        assertThat(trials("chm*")).hasSize(2);
        assertThat(trials("OR ( \" NEAR")).isEmpty(); // never a syntax error
        TrajectoryFilter searchedAndFaceted = TrajectoryFilter.all().withQuery("chmod")
                .with(TrajectoryFacet.OUTCOME, "resolved");
        assertThat(store.page(searchedAndFaceted, 0, 10).total()).isEqualTo(1);
        assertThat(counts(store.facets(searchedAndFaceted).get(TrajectoryFacet.OUTCOME)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("resolved", 1L, "unresolved", 1L));
    }

    @Test
    void pagesAreSlicesOfTheWholeInImportOrder() throws Exception {
        TrajectoryPage first = store.page(TrajectoryFilter.all(), 0, 4);
        TrajectoryPage second = store.page(TrajectoryFilter.all(), 4, 4);
        TrajectoryPage last = store.page(TrajectoryFilter.all(), 8, 4);
        assertThat(first.total()).isEqualTo(10);
        assertThat(first.rows()).hasSize(4);
        assertThat(last.rows()).hasSize(2);
        assertThat(second.rows().getFirst().id()).isGreaterThan(first.rows().getLast().id());
    }

    @Test
    void sortsByEveryColumnBothWaysInTheDatabaseWithTheIdBreakingTies() throws Exception {
        for (TrajectorySort sort : TrajectorySort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                List<TrajectoryRow> all = store.page(TrajectoryFilter.all(), sort, descending, 0, 50).rows();
                assertThat(all).as(sort + " " + descending).hasSize(10);
                // pages are slices of the same order: a boundary never moves between two reads
                List<TrajectoryRow> paged = new java.util.ArrayList<>();
                for (int offset = 0; offset < 10; offset += 3) {
                    paged.addAll(store.page(TrajectoryFilter.all(), sort, descending, offset, 3).rows());
                }
                assertThat(paged).as(sort + " " + descending).isEqualTo(all);
            }
        }
        java.util.Comparator<Double> nullsFirst = java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());
        assertThat(store.page(TrajectoryFilter.all(), TrajectorySort.REWARD, false, 0, 50).rows())
                .extracting(TrajectoryRow::reward).isSortedAccordingTo(nullsFirst).contains(0.0, 1.0);
        assertThat(store.page(TrajectoryFilter.all(), TrajectorySort.REWARD, true, 0, 50).rows())
                .extracting(TrajectoryRow::reward).isSortedAccordingTo(nullsFirst.reversed());
        List<TrajectoryRow> byTurns = store.page(TrajectoryFilter.all(), TrajectorySort.TURNS, true, 0, 50).rows();
        assertThat(byTurns).extracting(TrajectoryRow::turns).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        for (int i = 1; i < byTurns.size(); i++) {
            if (byTurns.get(i).turns() == byTurns.get(i - 1).turns()) {
                assertThat(byTurns.get(i).id()).as("ties in the column's direction by id").isLessThan(byTurns.get(i - 1).id());
            }
        }
        assertThat(store.page(TrajectoryFilter.all(), TrajectorySort.DATE, false, 0, 50).rows())
                .extracting(TrajectoryRow::date).doesNotContainNull().isSorted();
        assertThat(store.page(TrajectoryFilter.all(), TrajectorySort.DURATION, true, 0, 50).rows())
                .extracting(TrajectoryRow::durationSec).filteredOn(java.util.Objects::nonNull).isNotEmpty()
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // a filtered page sorts too
        assertThat(store.page(TrajectoryFilter.all().with(TrajectoryFacet.OUTCOME, "resolved"), TrajectorySort.TASK,
                true, 0, 50).rows()).extracting(TrajectoryRow::taskName)
                .isSortedAccordingTo(java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder()).reversed());
    }

    @Test
    void everySortColumnIsReadThroughAnIndex() throws Exception {
        for (TrajectorySort sort : TrajectorySort.values()) {
            String plan = db.read(connection -> {
                StringBuilder text = new StringBuilder();
                try (var statement = connection.prepareStatement("EXPLAIN QUERY PLAN SELECT id FROM trajectories"
                        + sort.orderBy(true) + " LIMIT 100");
                     var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        text.append(rows.getString(4)).append('\n');
                    }
                }
                return text.toString();
            });
            assertThat(plan).as(sort.name()).doesNotContain("USE TEMP B-TREE");
        }
    }

    private List<String> trials(String query) throws Exception {
        return store.page(TrajectoryFilter.all().withQuery(query), 0, 50).rows().stream()
                .map(TrajectoryRow::trialName).toList();
    }
}
