package org.termcurator.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.generation.GenerationConfig;
import org.termcurator.core.generation.GenerationMode;
import org.termcurator.core.generation.GenerationRun;
import org.termcurator.core.generation.GenerationStore;
import org.termcurator.core.generation.OracleFreeValidator;
import org.termcurator.core.generation.PromptTemplates;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.llm.ChatClient;
import org.termcurator.core.llm.ChatEndpoint;
import org.termcurator.core.llm.RetryPolicy;
import org.termcurator.core.llm.TokenUsage;
import org.termcurator.core.project.ProjectAccess;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.seeds.SeedStore;
import org.termcurator.core.settings.Settings;
import org.termcurator.core.skills.SkillStore;
import org.termcurator.core.tasks.lint.LintSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code curator generate}: tasks from seeds or sampled skills, through an OpenAI-compatible endpoint. */
@Command(name = "generate", description = "Generate Harbor tasks from seeds or sampled skills with an "
        + "OpenAI-compatible endpoint. The API key is read from the environment variable named by --api-key-env.")
final class GenerateCommand extends ProjectSubcommand {

    @Option(names = "--mode", required = true, paramLabel = "seed|skill", description = "Generate from seeds or from sampled skills.")
    String mode;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many tasks to generate.")
    int count;

    @Option(names = "--domain", paramLabel = "D", description = "Only this domain (seed mode: seeds of it; skill mode: skills of it).")
    String domain;

    @Option(names = "--seeds", paramLabel = "QUERY", description = "Seed mode: the seeds matching these words (default: all new seeds).")
    String seeds;

    @Option(names = "--skills", paramLabel = "MIN-MAX", defaultValue = "3-5", description = "Skill mode: skills per task (default 3-5).")
    String skillRange;

    @Option(names = "--endpoint", required = true, paramLabel = "URL", description = "Base URL, e.g. http://127.0.0.1:8000/v1.")
    String endpoint;

    @Option(names = "--model", required = true, paramLabel = "M", description = "The model name the endpoint serves.")
    String model;

    @Option(names = "--api-key-env", paramLabel = "NAME", description = "Environment variable holding the API key "
            + "(default: the one named in Settings; none is sent when it is empty).")
    String apiKeyEnv;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "Requests at a time (default 4).")
    int concurrency;

    @Option(names = "--random-seed", paramLabel = "N", description = "Makes seed and skill choices repeatable (default: random, reported).")
    Long randomSeed;

    @Option(names = "--base-image", paramLabel = "IMAGE", description = "FROM image for tasks without their own Dockerfile.")
    String baseImage;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the task folders go (default: generated/DATE-TIME beside the project).")
    Path out;

    @Mixin
    DockerOptions docker;

    @Option(names = "--validate", description = "Then run oracle-free validation of every task in Docker (flags trivial tasks).")
    boolean validate;

    GenerateCommand() {
        super(ProjectAccess.WRITE);
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = CliCommands.userSettings();
        GenerationConfig config;
        try {
            String[] range = skillRange.split("-", 2);
            int min = Integer.parseInt(range[0].strip());
            int max = range.length > 1 ? Integer.parseInt(range[1].strip()) : min;
            String keyVariable = apiKeyEnv != null ? apiKeyEnv : settings.getApiKeyEnvVar();
            Path outDir = out != null ? out : projectFile().toAbsolutePath().resolveSibling("generated")
                    .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            config = new GenerationConfig(GenerationMode.parse(mode), count, domain, seeds, min, max,
                    randomSeed != null ? randomSeed : ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
                    concurrency, new ChatEndpoint(endpoint, model, keyVariable), outDir, baseImage, 0.7, RetryPolicy.standard());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
        var err = cli().err();
        JobContext progress = new JobContext() {
            @Override
            public void progress(long done, long total) {
                if (done > 0) {
                    err.println("[" + done + "/" + total + "]");
                    err.flush();
                }
            }

            @Override
            public void message(String message) {
            }

            @Override
            public boolean isCancelled() {
                return Thread.currentThread().isInterrupted();
            }
        };
        GenerationRun.Result result;
        try (ProjectDb db = openProject()) {
            TokenUsage usage = new TokenUsage();
            ChatClient client = new ChatClient(config.endpoint(), config.retry(), System::getenv, usage);
            GenerationStore store = new GenerationStore(db, LintSetup.detect(db, docker.address(settings))
                    .withBuildNetwork(settings.isRolloutBuildNetwork()));
            GenerationRun run = new GenerationRun(config, new SeedStore(db), new SkillStore(db),
                    new PromptTemplates(db), client, usage, store);
            try {
                result = run.run(progress);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage());
            }
        }
        Map<String, OracleFreeValidator.Validation> validations = validate ? validateAll(result, settings) : Map.of();

        List<Map<String, Object>> tasks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        text.append("Generated ").append(result.tasks().size()).append(" of ").append(count)
                .append(" tasks into the project and ").append(config.outDir()).append(" (random seed ")
                .append(config.randomSeed()).append(")");
        for (GenerationRun.GeneratedTask task : result.tasks()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", task.number());
            row.put("name", task.name());
            row.put("folder", task.folder().toString());
            row.put("taskId", task.taskId());
            row.put("seedId", task.lineage().seedId());
            row.put("skills", task.lineage().skillNames());
            row.put("warnings", task.warnings());
            text.append("\n  ").append(task.name());
            OracleFreeValidator.Validation validation = validations.get(task.name());
            if (validation != null) {
                row.put("validation", Map.of("verdict", validation.verdict().name().toLowerCase(java.util.Locale.ROOT),
                        "detail", validation.detail()));
                text.append("  [").append(validation.verdict()).append("] ").append(validation.detail());
            }
            task.warnings().forEach(warning -> text.append("\n    warning: ").append(warning));
            tasks.add(row);
        }
        List<Map<String, Object>> failures = new ArrayList<>();
        for (GenerationRun.Failure failure : result.failures()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", failure.number());
            row.put("reason", failure.reason());
            row.put("rawAnswer", failure.rawAnswer());
            failures.add(row);
            text.append("\n  failed #").append(failure.number()).append(": ").append(failure.reason());
        }
        text.append("\nTokens: ").append(result.usage().totalTokens()).append(" (").append(result.usage().requests())
                .append(" requests, ").append(result.usage().retries()).append(" retries); manifest ").append(result.manifest());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", result.runId());
        json.put("out", config.outDir().toString());
        json.put("randomSeed", config.randomSeed());
        json.put("generated", result.tasks().size());
        json.put("tasks", tasks);
        json.put("failures", failures);
        json.put("usage", result.usage().toMap());
        json.put("manifest", result.manifest().toString());
        print(json, text.toString());
        return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private Map<String, OracleFreeValidator.Validation> validateAll(GenerationRun.Result result, Settings settings)
            throws Exception {
        Map<String, OracleFreeValidator.Validation> validations = new LinkedHashMap<>();
        try (DockerEngine engine = DockerEngine.connect(docker.address(settings))) {
            engine.ping();
            OracleFreeValidator validator = new OracleFreeValidator(engine, Duration.ofMinutes(10), Duration.ofMinutes(5));
            for (GenerationRun.GeneratedTask task : result.tasks()) {
                cli().err().println("validating " + task.name());
                validations.put(task.name(), validator.validate(task.folder()));
            }
        }
        return validations;
    }
}
