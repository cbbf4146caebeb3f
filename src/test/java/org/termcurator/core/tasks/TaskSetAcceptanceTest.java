package org.termcurator.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.bench.TaskSetGenerator;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.core.tasks.query.FacetValue;
import org.termcurator.core.tasks.query.TaskFacet;
import org.termcurator.core.tasks.query.TaskQueries;
import org.termcurator.core.tasks.query.TaskQuery;

/**
 * The task import acceptance as a new user would try it: the sample tasks, then a folder of
 * a few thousand generated tasks, then the same folder again; the counts are right each time
 * and every facet adds up to the total.
 */
class TaskSetAcceptanceTest {

    private static final Path SAMPLES = Path.of("sample-data/tasks").toAbsolutePath();
    private static final int GENERATED = 2_000;

    @TempDir
    Path dir;

    @Test
    void samplesThenAFewThousandGeneratedTasksThenTheSameFolderAgainGiveTheRightCountsAndFacetsAddUp() throws Exception {
        Path set = dir.resolve("set");
        new TaskSetGenerator(7).generate(set, GENERATED);
        try (ProjectDb db = ProjectDb.create(dir.resolve("p.curator"))) {
            TaskImporter importer = new TaskImporter(db, TaskImporter.Options.defaults(
                    new LintContext(Set.of("curator/debian:bookworm"), true, Map.of())));
            TaskQueries queries = new TaskQueries(db);

            ImportSummary samples = importer.importPaths(List.of(SAMPLES), JobContext.unobserved());
            assertThat(samples).isEqualTo(new ImportSummary(5, 0, 0, 0, List.of()));
            assertFacetsAddUpTo(queries, 5);

            ImportSummary first = importer.importPaths(List.of(set), JobContext.unobserved());
            assertThat(first).isEqualTo(new ImportSummary(GENERATED, 0, 0, 0, List.of()));
            assertFacetsAddUpTo(queries, 5 + GENERATED);

            ImportSummary again = importer.importPaths(List.of(set), JobContext.unobserved());
            assertThat(again).isEqualTo(new ImportSummary(0, 0, GENERATED, 0, List.of()));
            assertFacetsAddUpTo(queries, 5 + GENERATED);
            assertThat(db.read(TaskStore::count)).isEqualTo(5 + GENERATED);
        }
    }

    private static void assertFacetsAddUpTo(TaskQueries queries, long total) throws Exception {
        assertThat(queries.count(TaskQuery.all())).isEqualTo(total);
        Map<TaskFacet, List<FacetValue>> facets = queries.facets(TaskQuery.all());
        assertThat(facets).containsKeys(TaskFacet.CATEGORY, TaskFacet.DIFFICULTY, TaskFacet.ORIGIN, TaskFacet.LINT_STATUS);
        for (Map.Entry<TaskFacet, List<FacetValue>> facet : facets.entrySet()) {
            if (!facet.getKey().isMultiValued()) {
                assertThat(facet.getValue().stream().mapToLong(FacetValue::count).sum())
                        .as("%s adds up to the total", facet.getKey().label()).isEqualTo(total);
            }
        }
    }
}
