package org.termcurator.core.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.llm.ChatClient;
import org.termcurator.core.llm.ChatEndpoint;
import org.termcurator.core.llm.FakeChatServer;
import org.termcurator.core.llm.TokenUsage;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.seeds.Seed;
import org.termcurator.core.seeds.SeedImporter;
import org.termcurator.core.seeds.SeedQuery;
import org.termcurator.core.seeds.SeedStore;
import org.termcurator.core.skills.SkillCoverage;
import org.termcurator.core.skills.SkillStore;
import org.termcurator.core.skills.TaxonomyFormat;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.core.tasks.query.TaskFacet;
import org.termcurator.core.tasks.query.TaskQueries;
import org.termcurator.core.tasks.query.TaskQuery;

/**
 * The acceptance, as a new user would try it: import a JSONL of seed problems, edit
 * one, generate five tasks from seeds and five from sampled skills against a local endpoint;
 * the ten tasks are in the project with their lineage, lint findings and prompts, and the
 * coverage shows which skills have no tasks yet.
 */
class GenerationAcceptanceTest {

    @TempDir
    Path dir;

    @Test
    void seedsImportedAndEditedThenTenGeneratedTasksAreInTheProjectWithLineageAndCoverageShowsTheGaps() throws Exception {
        Path jsonl = dir.resolve("seeds.jsonl");
        Files.writeString(jsonl, """
                {"prompt": "Sum the amount column of sales.csv", "solution": "awk -F, '{s+=$2} END {print s}' sales.csv", "domain": "data processing"}
                {"prompt": "Find the five biggest files under /var", "domain": "system administration"}
                {"prompt": "Rotate the logs in /var/log/app keeping seven days", "domain": "system administration"}
                {"prompt": "Deduplicate the lines of names.txt keeping their order", "domain": "data processing"}
                {"prompt": "Count the distinct IP addresses in access.log", "domain": "security"}
                """);
        try (ProjectDb db = ProjectDb.create(dir.resolve("project.curator"));
             FakeChatServer server = new FakeChatServer()) {
            SeedStore seeds = new SeedStore(db);
            SkillStore skills = new SkillStore(db);
            skills.importTaxonomy(TaxonomyFormat.defaultTaxonomy());
            SeedImporter.Report imported = new SeedImporter(seeds).importFile(jsonl, JobContext.unobserved());
            assertThat(imported.imported()).hasSize(5);

            Seed toEdit = seeds.list(SeedQuery.text("biggest")).getFirst();
            seeds.update(toEdit.withProblem("Find the ten biggest files under /srv, largest first").withTitle("Biggest files"));

            for (int i = 1; i <= 10; i++) {
                server.then(FakeChatServer.Reply.answer(GenerationRunTest.goodAnswer("task-" + i,
                        "Task number " + i + ": write the requested result to /app/result-" + i + ".txt.")));
            }
            GenerationStore store = new GenerationStore(db, new LintContext(Set.of("curator/debian:bookworm"), true, Map.of()));
            GenerationRun.Result fromSeeds = run(db, seeds, skills, store, server, GenerationMode.SEED, null);
            GenerationRun.Result fromSkills = run(db, seeds, skills, store, server, GenerationMode.SKILL, "security");

            assertThat(fromSeeds.failures()).isEmpty();
            assertThat(fromSkills.failures()).isEmpty();
            TaskQueries queries = new TaskQueries(db);
            assertThat(queries.count(TaskQuery.all())).isEqualTo(10);
            assertThat(queries.count(TaskQuery.all().withFilter(TaskFacet.ORIGIN, Set.of("generated")))).isEqualTo(10);

            List<String[]> rows = db.read(c -> {
                List<String[]> found = new ArrayList<>();
                try (PreparedStatement statement = c.prepareStatement("SELECT t.name, t.seed_id, "
                        + "json_extract(t.lineage, '$.prompt'), json_extract(t.lineage, '$.raw_answer'), "
                        + "json_extract(t.lineage, '$.model'), (SELECT count(*) FROM task_skills s WHERE s.task_id = t.id), "
                        + "(SELECT group_concat(rule) FROM task_lint l WHERE l.task_id = t.id), t.origin FROM tasks t ORDER BY t.id");
                     ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        found.add(new String[] {result.getString(1), result.getString(2), result.getString(3),
                                result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                                result.getString(8)});
                    }
                }
                return found;
            });
            assertThat(rows).hasSize(10).allSatisfy(row -> {
                assertThat(row[2]).as("prompt").isNotBlank();
                assertThat(row[3]).as("raw answer").contains("\"instruction\"");
                assertThat(row[4]).isEqualTo("fake-model");
                assertThat(row[6]).as("lint findings").contains("unknown-base-image");
                assertThat(row[7]).isEqualTo("generated");
            });
            List<String[]> seedTasks = rows.stream().filter(row -> row[1] != null).toList();
            List<String[]> skillTasks = rows.stream().filter(row -> !row[5].equals("0")).toList();
            assertThat(seedTasks).hasSize(5).extracting(row -> row[1]).doesNotHaveDuplicates();
            assertThat(skillTasks).hasSize(5).allSatisfy(row -> assertThat(Integer.parseInt(row[5])).isBetween(3, 5));
            assertThat(seedTasks).extracting(row -> row[2]).anySatisfy(prompt ->
                    assertThat(prompt).contains("Find the ten biggest files under /srv, largest first"));
            assertThat(seeds.tasksFrom(toEdit.id())).hasSize(1);

            SkillCoverage.Report coverage = SkillCoverage.compute(db);
            SkillCoverage.DomainRow security = coverage.domains().stream()
                    .filter(domain -> domain.domain().equals("security")).findFirst().orElseThrow();
            assertThat(security.counts().tasks()).isEqualTo(5);
            long coveredSkills = security.skills().stream().filter(skill -> skill.counts().tasks() > 0).count();
            assertThat(coveredSkills).isBetween(3L, 25L);
            assertThat(coverage.skillsWithoutTasks()).isNotEmpty()
                    .anySatisfy(gap -> assertThat(gap.domain()).isEqualTo("security"))
                    .anySatisfy(gap -> assertThat(gap.domain()).isNotEqualTo("security"));
            assertThat(security.skillsWithoutTasks()).isEqualTo(security.skills().size() - coveredSkills);
        }
    }

    private GenerationRun.Result run(ProjectDb db, SeedStore seeds, SkillStore skills, GenerationStore store,
                                     FakeChatServer server, GenerationMode mode, String domain) throws Exception {
        GenerationConfig config = GenerationConfig.of(mode, 5, domain, null, 11, 2,
                new ChatEndpoint(server.baseUrl(), "fake-model", null), dir.resolve("generated-" + mode.key()));
        TokenUsage usage = new TokenUsage();
        ChatClient client = new ChatClient(config.endpoint(), config.retry(), name -> null, usage);
        return new GenerationRun(config, seeds, skills, new PromptTemplates(db), client, usage, store)
                .run(JobContext.unobserved());
    }
}
