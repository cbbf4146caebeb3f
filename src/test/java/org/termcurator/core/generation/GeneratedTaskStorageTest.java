package org.termcurator.core.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.llm.ChatClient;
import org.termcurator.core.llm.ChatEndpoint;
import org.termcurator.core.llm.FakeChatServer;
import org.termcurator.core.llm.RetryPolicy;
import org.termcurator.core.llm.TokenUsage;
import org.termcurator.core.seeds.Seed;
import org.termcurator.core.seeds.SeedStore;
import org.termcurator.core.skills.TaxonomyFormat;
import org.termcurator.core.tasks.ImportSummary;
import org.termcurator.core.tasks.TaskImporter;
import org.termcurator.core.tasks.TaskOrigin;
import org.termcurator.core.tasks.TaskProvenance;
import org.termcurator.core.tasks.TaskStore;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.core.tasks.query.TaskFacet;
import org.termcurator.core.tasks.query.TaskQueries;
import org.termcurator.core.tasks.query.TaskQuery;

/**
 * A generation run with a store, against a local chat-completions server: the tasks it makes
 * are tasks of the project (files, lint findings, search, origin, lineage, seed, skills) and
 * the answers it could not use are kept with their reasons.
 */
class GeneratedTaskStorageTest extends GenerationProjectTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofMillis(800));
    /** The engine has images, but not the generated tasks' python base image: each gets that warning. */
    private static final LintContext LINT = new LintContext(Set.of("curator/debian:bookworm"), true, Map.of());

    private GenerationRun.Result generate(GenerationMode mode, int count, String domain) throws Exception {
        GenerationConfig config = GenerationConfig.of(mode, count, domain, null, 7, 1,
                new ChatEndpoint(server.baseUrl(), "fake-model", "CURATOR_TEST_KEY"), dir.resolve("out-" + mode.key()))
                .withRetry(FAST);
        TokenUsage usage = new TokenUsage();
        ChatClient client = new ChatClient(config.endpoint(), config.retry(), Map.of("CURATOR_TEST_KEY", "k")::get, usage);
        return new GenerationRun(config, seeds, skills, new PromptTemplates(db), client, usage,
                new GenerationStore(db, LINT)).run(JobContext.unobserved());
    }

    @Test
    void seedRunStoresGoodTasksWithLineageAndKeepsMalformedRateLimitedAndTimedOutAnswersWithTheirReasons() throws Exception {
        List<Seed> made = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            made.add(seeds.insert(Seed.of("Problem number " + i + ": total the sales.").withTitle("Seed " + i)));
        }
        String noTests = "{\"name\": \"no-tests\", \"instruction\": \"Do it.\"}";
        String ownTestWithoutReward = GenerationRunTest.goodAnswer("own-test", "Count the lines of /app/data/sales.csv.")
                .replace("\"test_outputs.py\"", "\"test.sh\" : \"#!/bin/bash\\necho ok\\n\", \"test_outputs.py\"");
        // one request at a time, so the replies go to the seeds in plan order
        server.then(
                FakeChatServer.Reply.answer(GenerationRunTest.goodAnswer("sales-total", "Write the total to /app/total.txt.")),
                FakeChatServer.Reply.answer("Sorry, I cannot write tasks today."),
                FakeChatServer.Reply.status(429, Map.of("Retry-After", "0")),
                FakeChatServer.Reply.answer(ownTestWithoutReward),
                FakeChatServer.Reply.answer(noTests));

        GenerationRun.Result result = generate(GenerationMode.SEED, 4, null);

        // requests run on their own threads: which plan got which reply is not fixed, only the replies are
        assertThat(result.tasks()).extracting(GenerationRun.GeneratedTask::name)
                .containsExactlyInAnyOrder("sales-total", "own-test");
        assertThat(result.tasks()).allSatisfy(task -> assertThat(task.taskId()).isNotNull());
        assertThat(result.failures()).extracting(GenerationRun.Failure::reason).satisfiesExactlyInAnyOrder(
                reason -> assertThat(reason).startsWith("unusable answer: the answer holds neither"),
                reason -> assertThat(reason).startsWith("unusable answer: the answer has no tests"));
        assertThat(result.usage().retries()).as("the 429 was retried").isGreaterThanOrEqualTo(1);

        GenerationRun.GeneratedTask first = named(result, "sales-total");
        TaskStore.StoredTask stored = db.read(c -> TaskStore.load(c, first.taskId())).orElseThrow();
        assertThat(stored.task().origin()).isEqualTo(TaskOrigin.GENERATED);
        assertThat(stored.task().name()).isEqualTo("sales-total");
        assertThat(stored.task().sourcePath()).isEqualTo(first.folder().toAbsolutePath().toString());
        assertThat(stored.task().files()).extracting(file -> file.path()).contains("instruction.md", "task.toml",
                "environment/Dockerfile", "environment/data/sales.csv", "tests/test.sh", "tests/test_outputs.py");
        assertThat(stored.task().category()).isEqualTo("data processing");

        TaskProvenance.Shown provenance = db.read(c -> TaskProvenance.load(c, first.taskId())).orElseThrow();
        long seedOfFirst = first.lineage().seedId();
        assertThat(provenance.seedId()).isEqualTo(seedOfFirst);
        assertThat(provenance.seedLabel()).startsWith("Seed ");
        JsonNode lineage = provenance.lineage();
        assertThat(lineage.path("run_id").asText()).isEqualTo(result.runId());
        assertThat(lineage.path("mode").asText()).isEqualTo("seed");
        assertThat(lineage.path("model").asText()).isEqualTo("fake-model");
        assertThat(lineage.path("endpoint").asText()).isEqualTo(server.baseUrl());
        assertThat(lineage.path("template").asText()).isEqualTo("seed (built-in)");
        assertThat(lineage.path("template_version").asText()).isEqualTo(PromptTemplates.builtIn(GenerationMode.SEED).version());
        assertThat(lineage.path("prompt").asText()).contains(seeds.find(seedOfFirst).orElseThrow().problem());
        assertThat(lineage.path("raw_answer").asText()).contains("\"sales-total\"");
        assertThat(lineage.toString()).doesNotContain("\"k\"");
        assertThat(status(first.taskId())).isEqualTo("generated");

        assertThat(findings(first.taskId())).containsExactly("unknown-base-image");
        assertThat(findings(named(result, "own-test").taskId())).containsExactlyInAnyOrder("unknown-base-image", "no-reward-file");

        TaskQueries queries = new TaskQueries(db);
        assertThat(queries.count(TaskQuery.all().withText("total"))).as("searchable like any task").isEqualTo(1);
        assertThat(queries.count(TaskQuery.all().withFilter(TaskFacet.ORIGIN, Set.of("generated")))).isEqualTo(2);
        assertThat(seeds.tasksFrom(seedOfFirst)).extracting(SeedStore.TaskRef::name).containsExactly("sales-total");

        List<GenerationStore.StoredFailure> failures = new GenerationStore(db, LINT).failures(result.runId());
        assertThat(failures).extracting(GenerationStore.StoredFailure::taskNumber)
                .containsExactlyInAnyOrderElementsOf(result.failures().stream().map(GenerationRun.Failure::number).toList());
        assertThat(failures).extracting(GenerationStore.StoredFailure::rawAnswer)
                .containsExactlyInAnyOrder("Sorry, I cannot write tasks today.", noTests);
        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.prompt()).contains("Problem number");
            assertThat(failure.seedId()).isNotNull();
        });
        assertThat(runRow(result.runId())).isEqualTo("seed 4 2 2 0");
    }

    @Test
    void answerThatNeverComesIsAFailureWithoutARawAnswerAndNothingIsStoredForIt() throws Exception {
        seeds.insert(Seed.of("A problem"));
        server.otherwise(FakeChatServer.Reply.answer("late").delayed(3000));

        GenerationRun.Result result = generate(GenerationMode.SEED, 1, null);

        assertThat(result.tasks()).isEmpty();
        assertThat(result.failures().getFirst().reason()).contains("within 800 ms").endsWith("(gave up after 3 attempts)");
        List<GenerationStore.StoredFailure> failures = new GenerationStore(db, LINT).failures(null);
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.rawAnswer()).isNull();
            assertThat(failure.reason()).isEqualTo(result.failures().getFirst().reason());
        });
        assertThat(db.read(TaskStore::count)).isZero();
        assertThat(runRow(result.runId())).isEqualTo("seed 1 0 1 0");
    }

    @Test
    void skillRunLinksEachTaskToItsSampledSkills() throws Exception {
        skills.importTaxonomy(TaxonomyFormat.defaultTaxonomy());
        server.otherwise(FakeChatServer.Reply.answer(GenerationRunTest.goodAnswer("harden-ssh",
                "Harden the SSH daemon configuration in /app/sshd_config so that only key based logins work and root cannot log in.")));

        GenerationRun.Result result = generate(GenerationMode.SKILL, 3, "security");

        assertThat(result.tasks()).hasSize(3);
        for (GenerationRun.GeneratedTask task : result.tasks()) {
            TaskProvenance.Shown provenance = db.read(c -> TaskProvenance.load(c, task.taskId())).orElseThrow();
            assertThat(provenance.seedId()).isNull();
            assertThat(provenance.skills()).extracting(TaskProvenance.Skill::id)
                    .containsExactlyInAnyOrderElementsOf(task.lineage().skillIds()).hasSizeBetween(3, 5);
            assertThat(provenance.skills()).allSatisfy(skill -> assertThat(skill.path()).startsWith("security › "));
            assertThat(provenance.lineage().path("skill_ids")).hasSize(task.lineage().skillIds().size());
        }
        assertThat(result.tasks()).extracting(GenerationRun.GeneratedTask::name)
                .containsExactlyInAnyOrder("harden-ssh", "harden-ssh-2", "harden-ssh-3");
        assertThat(findings(result.tasks().get(1).taskId())).as("the cross-task rules ran after the run")
                .contains("near-duplicate-instruction");
    }

    @Test
    void theRunsFolderImportedAgainIsUnchangedAndAnEditedTaskStaysGeneratedWithItsLineage() throws Exception {
        seeds.insert(Seed.of("A problem"));
        server.otherwise(FakeChatServer.Reply.answer(GenerationRunTest.goodAnswer("edited-later", "Write the total.")));
        GenerationRun.Result result = generate(GenerationMode.SEED, 1, null);
        GenerationRun.GeneratedTask task = result.tasks().getFirst();
        TaskImporter importer = new TaskImporter(db, TaskImporter.Options.defaults(LINT));

        ImportSummary again = importer.importPaths(List.of(task.folder().getParent()), JobContext.unobserved());
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.imported()).isZero();

        java.nio.file.Files.writeString(task.folder().resolve("instruction.md"), "Write the grand total.\n");
        ImportSummary edited = importer.importPaths(List.of(task.folder()), JobContext.unobserved());
        assertThat(edited.updated()).isEqualTo(1);
        TaskStore.StoredTask stored = db.read(c -> TaskStore.load(c, task.taskId())).orElseThrow();
        assertThat(stored.task().instruction()).startsWith("Write the grand total.");
        assertThat(stored.task().origin()).isEqualTo(TaskOrigin.GENERATED);
        assertThat(db.read(c -> TaskProvenance.load(c, task.taskId())).orElseThrow().lineage().path("run_id").asText())
                .isEqualTo(result.runId());
    }

    private static GenerationRun.GeneratedTask named(GenerationRun.Result result, String name) {
        return result.tasks().stream().filter(task -> task.name().equals(name)).findFirst().orElseThrow();
    }

    private List<String> findings(long taskId) throws Exception {
        return db.read(c -> {
            try (PreparedStatement statement = c.prepareStatement("SELECT rule FROM task_lint WHERE task_id = ? ORDER BY rule")) {
                statement.setLong(1, taskId);
                List<String> rules = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rules.add(rows.getString(1));
                    }
                }
                return rules;
            }
        });
    }

    private String status(long taskId) throws Exception {
        return db.read(c -> {
            try (PreparedStatement statement = c.prepareStatement("SELECT status FROM tasks WHERE id = ?")) {
                statement.setLong(1, taskId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        });
    }

    private String runRow(String runId) throws Exception {
        return db.read(c -> {
            try (PreparedStatement statement = c.prepareStatement(
                    "SELECT mode, requested, generated, failed, cancelled FROM generation_runs WHERE id = ? AND finished_at IS NOT NULL")) {
                statement.setString(1, runId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getString(1) + " " + rows.getInt(2) + " " + rows.getInt(3) + " "
                            + rows.getInt(4) + " " + rows.getInt(5) : null;
                }
            }
        });
    }
}
