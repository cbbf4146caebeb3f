package org.termcurator.core.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.llm.ChatClient;
import org.termcurator.core.llm.ChatEndpoint;
import org.termcurator.core.llm.FakeChatServer;
import org.termcurator.core.llm.RetryPolicy;
import org.termcurator.core.llm.TokenUsage;
import org.termcurator.core.seeds.Seed;
import org.termcurator.core.seeds.SeedStatus;
import org.termcurator.core.skills.TaxonomyFormat;

/** Generation end to end against a local server that speaks the chat-completions protocol. */
public class GenerationRunTest extends GenerationProjectTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofSeconds(10));

    private Path out;

    @BeforeEach
    void chooseOutputFolder() {
        out = dir.resolve("out");
    }

    public static String goodAnswer(String name, String instruction) {
        ObjectNode task = JSON.createObjectNode();
        task.put("name", name).put("difficulty", "medium").put("category", "data processing");
        task.putArray("tags").add("csv").add("awk");
        task.put("instruction", instruction);
        task.putObject("environment_files").put("data/sales.csv", "region,amount\nnorth,10\nsouth,5\n");
        task.putObject("tests").put("test_outputs.py", "def test_total():\n    assert open('/app/total.txt').read().strip() == '15'\n"
                + "\ndef test_format():\n    assert True\n");
        task.putObject("test_weights").put("test_total", 3.0).put("test_format", 1.0);
        return task.toPrettyString();
    }

    private GenerationRun run(GenerationConfig config, Map<String, String> environment) {
        TokenUsage usage = new TokenUsage();
        ChatClient client = new ChatClient(config.endpoint(), config.retry(), environment::get, usage);
        return new GenerationRun(config, seeds, skills, new PromptTemplates(db), client, usage);
    }

    private GenerationConfig config(GenerationMode mode, int count, String domain) {
        return GenerationConfig.of(mode, count, domain, null, 42, 2,
                new ChatEndpoint(server.baseUrl(), "fake-model", "CURATOR_TEST_KEY"), out).withRetry(FAST);
    }

    @Test
    void seedRunWritesHarborTaskFoldersWithLineageAndSendsTheKeyFromTheNamedVariable() throws Exception {
        Seed seed = seeds.insert(Seed.of("Sum the amount column of a sales CSV.").withTitle("Sales total")
                .withDomain("data processing").withReferenceSolution("awk -F, 'NR>1{s+=$2} END{print s}' sales.csv > total.txt"));
        server.then(FakeChatServer.Reply.answer(goodAnswer("Sales Total!", "Write the total of /app/data/sales.csv to /app/total.txt.")),
                FakeChatServer.Reply.answer("Here you go:\n```json\n" + goodAnswer("sales-total", "Compute the sum into /app/total.txt.") + "\n```\n"));

        GenerationRun.Result result = run(config(GenerationMode.SEED, 2, null), Map.of("CURATOR_TEST_KEY", "sk-test-123"))
                .run(JobContext.unobserved());

        assertThat(result.failures()).isEmpty();
        assertThat(result.tasks()).extracting(GenerationRun.GeneratedTask::name).containsExactlyInAnyOrder("sales-total", "sales-total-2");
        GenerationRun.GeneratedTask first = result.tasks().stream()
                .filter(task -> task.task().instruction().startsWith("Write the total")).findFirst().orElseThrow();
        Path folder = first.folder();
        assertThat(folder.resolve("instruction.md")).content().startsWith("Write the total").endsWith("\n");
        assertThat(folder.resolve("environment/Dockerfile")).content()
                .isEqualTo("FROM python:3.12-slim-bookworm\n\nWORKDIR /app\nCOPY data /app/data\n");
        assertThat(folder.resolve("environment/data/sales.csv")).exists();
        assertThat(folder.resolve("tests/test_outputs.py")).exists();
        assertThat(Files.isExecutable(folder.resolve("tests/test.sh"))).isTrue();
        assertThat(folder.resolve("tests/reward.py")).exists();
        assertThat(JSON.readTree(folder.resolve("tests/weights.json").toFile()).path("test_total").asDouble()).isEqualTo(3.0);
        assertThat(folder.resolve("solution")).doesNotExist();

        JsonNode toml = new TomlMapper().readTree(folder.resolve("task.toml").toFile());
        assertThat(toml.path("version").asText()).isEqualTo("1.0");
        assertThat(toml.path("metadata").path("category").asText()).isEqualTo("data processing");
        assertThat(toml.path("metadata").path("difficulty").asText()).isEqualTo("medium");
        assertThat(toml.path("metadata").path("tags").toString()).isEqualTo("[\"csv\",\"awk\",\"generated\"]");
        JsonNode lineage = toml.path("metadata").path("lineage");
        assertThat(lineage.path("mode").asText()).isEqualTo("seed");
        assertThat(lineage.path("seed_id").asLong()).isEqualTo(seed.id());
        assertThat(lineage.path("model").asText()).isEqualTo("fake-model");
        assertThat(lineage.path("template").asText()).isEqualTo("seed (built-in)");
        assertThat(lineage.path("template_version").asText()).isEqualTo(PromptTemplates.builtIn(GenerationMode.SEED).version());

        assertThat(first.lineage().prompt()).contains("Sum the amount column of a sales CSV.")
                .contains("awk -F, 'NR>1{s+=$2} END{print s}'").doesNotContain("{{");
        assertThat(first.lineage().rawAnswer()).contains("\"name\"");
        assertThat(server.requests()).allSatisfy(request -> {
            assertThat(request.authorization()).isEqualTo("Bearer sk-test-123");
            assertThat(request.body().path("model").asText()).isEqualTo("fake-model");
        });
        assertThat(result.usage().totalTokens()).isEqualTo(280);
        assertThat(result.usage().requests()).isEqualTo(2);

        JsonNode manifest = JSON.readTree(result.manifest().toFile());
        assertThat(manifest.path("tasks")).hasSize(2);
        assertThat(manifest.path("tasks").path(0).path("lineage").path("raw_answer").asText()).contains("/app/total.txt");
        assertThat(manifest.toString()).doesNotContain("sk-test-123");
        assertThat(Files.readString(folder.resolve("task.toml"))).doesNotContain("sk-test-123");
        assertThat(seeds.find(seed.id()).orElseThrow().status()).isEqualTo(SeedStatus.USED);
    }

    @Test
    void skillRunSamplesThreeToFiveSkillsOfTheDomainRepeatablyAndReadsFencedFiles() throws Exception {
        skills.importTaxonomy(TaxonomyFormat.defaultTaxonomy());
        GenerationConfig config = config(GenerationMode.SKILL, 6, "security");
        List<TaskPlan> plans = GenerationPlanner.plan(config, seeds, skills);
        assertThat(GenerationPlanner.plan(config, seeds, skills)).isEqualTo(plans);
        List<String> securitySkills = skills.skillsOfDomain("security").stream().map(s -> s.name()).toList();
        assertThat(plans).allSatisfy(plan -> {
            assertThat(plan.skills()).hasSizeBetween(3, 5).doesNotHaveDuplicates();
            assertThat(plan.skills()).allSatisfy(skill -> assertThat(securitySkills).contains(skill.name()));
            assertThat(plan.domain()).isEqualTo("security");
        });

        String fenced = """
                ### instruction.md
                ```markdown
                Harden /app/sshd_config: keys only, no root login.
                ```

                File: environment/sshd_config
                ```
                PermitRootLogin yes
                ```

                `tests/test_outputs.py`
                ```python
                def test_root():
                    assert "PermitRootLogin no" in open("/app/sshd_config").read()
                ```
                """;
        server.otherwise(FakeChatServer.Reply.answer(fenced));
        GenerationRun.Result result = run(config(GenerationMode.SKILL, 1, "security"), Map.of("CURATOR_TEST_KEY", "k"))
                .run(JobContext.unobserved());

        assertThat(result.failures()).isEmpty();
        GenerationRun.GeneratedTask task = result.tasks().getFirst();
        assertThat(task.name()).isEqualTo("generated-task-1");
        assertThat(task.folder().resolve("environment/sshd_config")).content().isEqualTo("PermitRootLogin yes\n");
        assertThat(task.lineage().skillIds()).hasSizeBetween(3, 5);
        assertThat(server.requests().getFirst().userPrompt()).contains(task.lineage().skillNames().getFirst())
                .contains("\"security\"");
        JsonNode toml = new TomlMapper().readTree(task.folder().resolve("task.toml").toFile());
        assertThat(toml.path("metadata").path("category").asText()).isEqualTo("security");
        assertThat(toml.path("metadata").path("lineage").path("skill_ids")).hasSize(task.lineage().skillIds().size());
    }

    @Test
    void malformedAnswersAreReportedWithTheirRawTextAndWriteNothing() throws Exception {
        seeds.insert(Seed.of("Problem one"));
        String noTests = "{\"name\": \"x\", \"instruction\": \"Do it.\"}";
        String escapes = goodAnswer("bad-path", "Do it.").replace("data/sales.csv", "../../etc/cron.d/evil");
        server.then(FakeChatServer.Reply.answer("I cannot help with that."), FakeChatServer.Reply.answer(noTests),
                FakeChatServer.Reply.answer(escapes), FakeChatServer.Reply.answer("{\"name\": \"broken\", \"instruction\": "));

        GenerationConfig config = GenerationConfig.of(GenerationMode.SEED, 4, null, null, 1, 1,
                new ChatEndpoint(server.baseUrl(), "fake-model", null), out).withRetry(FAST);
        GenerationRun.Result result = run(config, Map.of()).run(JobContext.unobserved());

        assertThat(result.tasks()).isEmpty();
        // which task gets which answer follows the order the workers reach the server in
        assertThat(result.failures()).extracting(GenerationRun.Failure::reason).containsExactlyInAnyOrder(
                "unusable answer: the answer holds neither a JSON object nor files in fenced blocks",
                "unusable answer: the answer has no tests",
                "unusable answer: the file path 'environment/../../etc/cron.d/evil' leaves the task folder",
                "unusable answer: the answer holds neither a JSON object nor files in fenced blocks");
        assertThat(result.failures()).extracting(GenerationRun.Failure::rawAnswer)
                .containsExactlyInAnyOrder("I cannot help with that.", noTests, escapes, "{\"name\": \"broken\", \"instruction\": ");
        try (var files = Files.list(out)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(GenerationRun.MANIFEST);
        }
        assertThat(JSON.readTree(result.manifest().toFile()).path("failures").findValuesAsText("raw_answer"))
                .contains(noTests);
        assertThat(server.requests().getFirst().authorization()).isNull();
    }

    @Test
    void rateLimitIsRetriedAfterTheServersRetryAfter() throws Exception {
        seeds.insert(Seed.of("Problem"));
        server.then(FakeChatServer.Reply.status(429, Map.of("Retry-After", "1")),
                FakeChatServer.Reply.answer(goodAnswer("after-limit", "Do it.")));

        GenerationRun.Result result = run(config(GenerationMode.SEED, 1, null), Map.of("CURATOR_TEST_KEY", "k"))
                .run(JobContext.unobserved());

        assertThat(result.tasks()).hasSize(1);
        assertThat(server.requests()).hasSize(2);
        long waitedMillis = (server.requests().get(1).receivedAtNanos() - server.requests().get(0).receivedAtNanos()) / 1_000_000;
        assertThat(waitedMillis).as("Retry-After: 1 beats the 20 ms back-off").isGreaterThanOrEqualTo(950);
        assertThat(result.usage().retries()).isEqualTo(1);
    }

    @Test
    void timeoutsAndServerErrorsAreRetriedThenReportedButClientErrorsAreNot() throws Exception {
        for (int i = 1; i <= 4; i++) {
            seeds.insert(Seed.of("Problem " + i)); // a seed that made a task is marked used; each run takes a new one
        }
        RetryPolicy shortTimeout = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofMillis(300));
        server.then(FakeChatServer.Reply.answer(goodAnswer("slow", "x")).delayed(3000),
                FakeChatServer.Reply.answer(goodAnswer("second-try", "Do it.")));
        GenerationRun.Result recovered = run(config(GenerationMode.SEED, 1, null).withRetry(shortTimeout),
                Map.of("CURATOR_TEST_KEY", "k")).run(JobContext.unobserved());
        assertThat(recovered.tasks()).extracting(GenerationRun.GeneratedTask::name).containsExactly("second-try");

        server.otherwise(FakeChatServer.Reply.answer("late").delayed(3000));
        GenerationRun.Result timedOut = run(config(GenerationMode.SEED, 1, null).withRetry(shortTimeout),
                Map.of("CURATOR_TEST_KEY", "k")).run(JobContext.unobserved());
        assertThat(timedOut.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.reason()).startsWith("no answer from " + server.baseUrl() + "/chat/completions within 300 ms")
                    .endsWith("(gave up after 2 attempts)");
            assertThat(failure.rawAnswer()).isNull();
        });

        int before = server.requests().size();
        server.otherwise(FakeChatServer.Reply.status(503, Map.of()));
        GenerationRun.Result unavailable = run(config(GenerationMode.SEED, 1, null), Map.of("CURATOR_TEST_KEY", "k"))
                .run(JobContext.unobserved());
        assertThat(unavailable.failures().getFirst().reason()).startsWith("HTTP 503").contains("scripted 503");
        assertThat(server.requests().size() - before).isEqualTo(3);

        before = server.requests().size();
        server.otherwise(FakeChatServer.Reply.status(401, Map.of()));
        GenerationRun.Result refused = run(config(GenerationMode.SEED, 1, null), Map.of("CURATOR_TEST_KEY", "k"))
                .run(JobContext.unobserved());
        assertThat(refused.failures().getFirst().reason()).startsWith("HTTP 401");
        assertThat(server.requests().size() - before).as("no retry for a refused key").isEqualTo(1);
    }

    @Test
    void missingKeyVariableStopsTheRunBeforeItStartsAndNamesTheVariable() throws Exception {
        seeds.insert(Seed.of("Problem"));
        GenerationRun run = run(config(GenerationMode.SEED, 3, null), Map.of());
        assertThatThrownBy(() -> run.run(JobContext.unobserved()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the environment variable CURATOR_TEST_KEY (named in Settings for the API key) is not set");
        assertThat(server.requests()).isEmpty();
        assertThat(out).as("no task folders either").doesNotExist();
    }

    @Test
    void taskThatShowsTheReferenceSolutionGetsALeakWarning() throws Exception {
        seeds.insert(Seed.of("Find the biggest files").withReferenceSolution(
                "find /var -type f -printf '%s %p\\n' | sort -rn | head -n 5"));
        server.otherwise(FakeChatServer.Reply.answer(goodAnswer("leaky",
                "List the five biggest files. Hint: run find /var -type f -printf '%s %p\\n' | sort -rn | head -n 5")));
        GenerationRun.Result result = run(config(GenerationMode.SEED, 1, null), Map.of("CURATOR_TEST_KEY", "k"))
                .run(JobContext.unobserved());
        assertThat(result.tasks().getFirst().warnings()).singleElement().asString()
                .startsWith("instruction.md contains the reference solution's");
    }

    @Test
    void templateWithAnUnknownVariableFailsBeforeAnythingIsSent() throws Exception {
        seeds.insert(Seed.of("Problem"));
        new PromptTemplates(db).save(GenerationMode.SEED, null, "Write a task about {{seed_problem}} for {{audience}}.");
        GenerationRun.Result result = run(config(GenerationMode.SEED, 1, null), Map.of("CURATOR_TEST_KEY", "k"))
                .run(JobContext.unobserved());
        assertThat(result.failures().getFirst().reason()).isEqualTo("the template seed uses unknown variables: audience");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void cancelStopsTheRunAndKeepsWhatWasDone() throws Exception {
        seeds.insert(Seed.of("Problem"));
        server.otherwise(FakeChatServer.Reply.answer(goodAnswer("t", "x")).delayed(2000));
        var cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        JobContext context = JobContext.cancelledWhen(cancelled::get);
        Thread.ofVirtual().start(() -> {
            while (server.requests().isEmpty()) {
                Thread.onSpinWait();
            }
            cancelled.set(true);
        });
        GenerationRun.Result result = run(config(GenerationMode.SEED, 5, null), Map.of("CURATOR_TEST_KEY", "k")).run(context);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.tasks().size() + result.failures().size()).isLessThan(5);
        assertThat(server.requests().size()).isLessThanOrEqualTo(2);
    }
}
