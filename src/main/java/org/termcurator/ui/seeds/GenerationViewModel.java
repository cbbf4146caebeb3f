package org.termcurator.ui.seeds;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.generation.GenerationConfig;
import org.termcurator.core.generation.GenerationMode;
import org.termcurator.core.generation.GenerationPlanner;
import org.termcurator.core.generation.GenerationRun;
import org.termcurator.core.generation.GenerationStore;
import org.termcurator.core.generation.OracleFreeValidator;
import org.termcurator.core.generation.PromptTemplate;
import org.termcurator.core.generation.PromptTemplates;
import org.termcurator.core.generation.TaskPlan;
import org.termcurator.core.generation.TemplateRenderer;
import org.termcurator.core.jobs.Job;
import org.termcurator.core.jobs.JobManager;
import org.termcurator.core.llm.ChatClient;
import org.termcurator.core.llm.ChatEndpoint;
import org.termcurator.core.llm.RetryPolicy;
import org.termcurator.core.llm.TokenUsage;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.seeds.SeedStore;
import org.termcurator.core.settings.Settings;
import org.termcurator.core.skills.SkillStore;
import org.termcurator.core.tasks.lint.LintSetup;

/**
 * The Generation tab: the template of a mode and domain with a rendered preview for a sample
 * seed or skill set, and the run form. Runs and validations are jobs; a run stores its tasks
 * in the project and then tells the window (so that Tasks, Seeds and Coverage read again).
 */
public final class GenerationViewModel {

    private final ProjectDb db;
    private final JobManager jobs;
    private final Settings settings;
    private final PromptTemplates templates;
    private final Runnable onTasksStored;
    private final Function<String, String> environment;

    private final ObjectProperty<GenerationMode> mode = new SimpleObjectProperty<>(this, "mode", GenerationMode.SEED);
    private final StringProperty templateDomain = new SimpleStringProperty(this, "templateDomain", "");
    private final StringProperty templateText = new SimpleStringProperty(this, "templateText", "");
    private final StringProperty templateInfo = new SimpleStringProperty(this, "templateInfo", "");
    private final StringProperty preview = new SimpleStringProperty(this, "preview", "");
    private final StringProperty previewProblems = new SimpleStringProperty(this, "previewProblems", "");

    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", 5);
    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final StringProperty seedQuery = new SimpleStringProperty(this, "seedQuery", "");
    private final StringProperty randomSeed = new SimpleStringProperty(this, "randomSeed", "");
    private final IntegerProperty concurrency = new SimpleIntegerProperty(this, "concurrency", 4);
    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "http://127.0.0.1:8000/v1");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty apiKeyEnvVar = new SimpleStringProperty(this, "apiKeyEnvVar", "");
    private final StringProperty outDir = new SimpleStringProperty(this, "outDir", "");
    private final StringProperty baseImage = new SimpleStringProperty(this, "baseImage", GenerationConfig.DEFAULT_BASE_IMAGE);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObservableList<RunOutcome> results = FXCollections.observableArrayList();
    private volatile GenerationRun.Result lastResult;

    /**
     * @param onTasksStored called on the FX thread after a run stored tasks in the project
     * @param environment   where the API key variable is looked up (the process environment)
     */
    /**
     * One line of the run's results: a task made or an answer that was not usable, with the
     * prompt sent and the raw answer (null when there is none to show).
     */
    public record RunOutcome(int number, String text, String prompt, String rawAnswer) {
        @Override
        public String toString() {
            return text;
        }
    }

    public GenerationViewModel(ProjectDb db, JobManager jobs, Settings settings, Runnable onTasksStored,
                               Function<String, String> environment) {
        this.db = db;
        this.jobs = jobs;
        this.settings = settings;
        this.onTasksStored = onTasksStored;
        this.environment = environment;
        this.templates = new PromptTemplates(db);
        this.apiKeyEnvVar.set(settings.getApiKeyEnvVar() == null ? "" : settings.getApiKeyEnvVar());
        this.outDir.set(db.file().toAbsolutePath().resolveSibling("generated").toString());
        mode.addListener((observable, before, after) -> loadTemplate());
        templateText.addListener((observable, before, after) -> checkTemplate());
    }

    /** Loads the template that applies to the chosen mode and domain. */
    public CompletableFuture<Void> loadTemplate() {
        GenerationMode chosen = mode.get();
        String chosenDomain = templateDomain.get();
        return SeedsViewModel.background(() -> templates.resolve(chosen, chosenDomain)).thenAccept(template -> {
            templateText.set(template.text());
            templateInfo.set(describe(template));
        });
    }

    private static String describe(PromptTemplate template) {
        return (template.builtIn() ? "Built-in template " : "Project template ") + template.key()
                + ", version " + template.version();
    }

    private void checkTemplate() {
        List<String> unknown = TemplateRenderer.unknownVariables(templateText.get());
        previewProblems.set(unknown.isEmpty() ? "" : "Unknown variables: " + String.join(", ", unknown));
    }

    public CompletableFuture<Void> saveTemplate() {
        GenerationMode chosen = mode.get();
        String chosenDomain = templateDomain.get();
        String text = templateText.get();
        return SeedsViewModel.background(() -> {
            templates.save(chosen, chosenDomain, text);
            return templates.resolve(chosen, chosenDomain);
        }).thenAccept(template -> {
            templateInfo.set(describe(template));
            status.set("Saved the template " + template.key());
        });
    }

    public CompletableFuture<Void> resetTemplate() {
        GenerationMode chosen = mode.get();
        String chosenDomain = templateDomain.get();
        return SeedsViewModel.background(() -> {
            templates.reset(chosen, chosenDomain);
            return null;
        }).thenCompose(done -> loadTemplate());
    }

    /** Renders the template being edited for the first task a run would make now. */
    public CompletableFuture<Void> renderPreview() {
        String text = templateText.get();
        GenerationConfig config;
        try {
            config = config(1, "http://127.0.0.1/v1", "preview");
        } catch (IllegalArgumentException e) {
            previewProblems.set(e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return SeedsViewModel.background(() -> GenerationPlanner.plan(config, new SeedStore(db), new SkillStore(db)))
                .thenAccept(plans -> {
                    TaskPlan plan = plans.getFirst();
                    TemplateRenderer.Rendered rendered = TemplateRenderer.render(text, plan.variables(config.baseImage()));
                    preview.set(rendered.text());
                    previewProblems.set(rendered.complete() ? "" : "Unknown variables: " + String.join(", ", rendered.unknownVariables()));
                }).exceptionally(failure -> {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    previewProblems.set("No sample: " + cause.getMessage());
                    return null;
                });
    }

    private GenerationConfig config(int tasks, String url, String modelName) {
        long seed = randomSeed.get().isBlank() ? ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)
                : Long.parseLong(randomSeed.get().strip());
        Path out = Path.of(outDir.get().isBlank() ? "generated" : outDir.get())
                .resolve(java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return new GenerationConfig(mode.get(), tasks, domain.get(), seedQuery.get(), 3, 5, seed, concurrency.get(),
                new ChatEndpoint(url, modelName, apiKeyEnvVar.get()), out, baseImage.get(), 0.7, RetryPolicy.standard());
    }

    /** Starts a generation run as a job. */
    public Job<GenerationRun.Result> run() {
        GenerationConfig config;
        try {
            config = config(count.get(), endpoint.get(), model.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return null;
        }
        TokenUsage usage = new TokenUsage();
        ChatClient client = new ChatClient(config.endpoint(), config.retry(), environment::apply, usage);
        DockerAddress dockerAddress = DockerAddress.fromSettings(settings);
        boolean buildNetwork = settings.isRolloutBuildNetwork();
        Job<GenerationRun.Result> job = jobs.submit("Generate " + config.count() + " tasks (" + config.mode().key() + ")",
                context -> {
                    context.message("Looking up local images for the linter");
                    GenerationStore store = new GenerationStore(db,
                            LintSetup.detect(db, dockerAddress).withBuildNetwork(buildNetwork));
                    return new GenerationRun(config, new SeedStore(db), new SkillStore(db), templates, client,
                            usage, store).run(context);
                });
        status.set("Generating into " + config.outDir() + " (random seed " + config.randomSeed() + ")");
        job.completion().whenComplete((result, failure) -> Platform.runLater(() -> {
            // a cancelled or failed run may still have stored some tasks
            onTasksStored.run();
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                status.set("Generation stopped: " + cause.getMessage());
                return;
            }
            lastResult = result;
            results.clear();
            result.tasks().forEach(task -> results.add(new RunOutcome(task.number(), "✓ " + task.name()
                    + (task.warnings().isEmpty() ? "" : "  ⚠ " + String.join("; ", task.warnings())),
                    task.lineage().prompt(), task.lineage().rawAnswer())));
            result.failures().forEach(failed -> results.add(new RunOutcome(failed.number(),
                    "✗ #" + failed.number() + ": " + failed.reason(),
                    failed.lineage() == null ? "" : failed.lineage().prompt(), failed.rawAnswer())));
            status.set("Generated " + result.tasks().size() + " of " + config.count() + " tasks into the project ("
                    + config.outDir() + ")" + (result.failures().isEmpty() ? "" : "; " + result.failures().size()
                    + " answers unusable") + "; " + result.usage().totalTokens() + " tokens");
        }));
        return job;
    }

    /** Oracle-free validation of the last run's tasks, as a job. */
    public Job<Void> validateLastRun() {
        GenerationRun.Result result = lastResult;
        if (result == null || result.tasks().isEmpty()) {
            status.set("Generate tasks first");
            return null;
        }
        Job<Void> job = jobs.submit("Oracle-free validation of " + result.tasks().size() + " tasks", context -> {
            try (DockerEngine engine = DockerEngine.connect(DockerAddress.fromSettings(settings))) {
                engine.ping();
                OracleFreeValidator validator = new OracleFreeValidator(engine, Duration.ofMinutes(10), Duration.ofMinutes(5));
                int done = 0;
                for (GenerationRun.GeneratedTask task : result.tasks()) {
                    context.checkCancelled();
                    context.message(task.name());
                    OracleFreeValidator.Validation validation = validator.validate(task.folder());
                    Platform.runLater(() -> results.add(new RunOutcome(task.number(),
                            validation.verdict() + "  " + task.name() + ": " + validation.detail(), null, null)));
                    context.progress(++done, result.tasks().size());
                }
            }
            return null;
        });
        job.completion().whenComplete((ignored, failure) -> Platform.runLater(() -> status.set(failure == null
                ? "Validation finished" : "Validation stopped: " + (failure.getCause() != null ? failure.getCause() : failure).getMessage())));
        return job;
    }

    public ObjectProperty<GenerationMode> modeProperty() {
        return mode;
    }

    public StringProperty templateDomainProperty() {
        return templateDomain;
    }

    public StringProperty templateTextProperty() {
        return templateText;
    }

    public StringProperty templateInfoProperty() {
        return templateInfo;
    }

    public StringProperty previewProperty() {
        return preview;
    }

    public StringProperty previewProblemsProperty() {
        return previewProblems;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public StringProperty domainProperty() {
        return domain;
    }

    public StringProperty seedQueryProperty() {
        return seedQuery;
    }

    public StringProperty randomSeedProperty() {
        return randomSeed;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty outDirProperty() {
        return outDir;
    }

    public StringProperty baseImageProperty() {
        return baseImage;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty apiKeyEnvVarProperty() {
        return apiKeyEnvVar;
    }

    public ObservableList<RunOutcome> results() {
        return results;
    }
}
