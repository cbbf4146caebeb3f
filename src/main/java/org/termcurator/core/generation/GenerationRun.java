package org.termcurator.core.generation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.termcurator.core.jobs.JobCancelledException;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.llm.ChatClient;
import org.termcurator.core.llm.ChatException;
import org.termcurator.core.llm.TokenUsage;
import org.termcurator.core.seeds.BulkEdit;
import org.termcurator.core.seeds.SeedStatus;
import org.termcurator.core.seeds.SeedStore;
import org.termcurator.core.skills.SkillNode;
import org.termcurator.core.skills.SkillStore;

/**
 * One generation run: plans the tasks, asks the model for each (a few at a time), parses the
 * answers into Harbor task folders under the output folder, checks them for leaks of the
 * seed's reference solution, and writes a manifest (generation-run.json) with every task's
 * full lineage and every failure's raw answer and reason. With a {@link GenerationStore},
 * each task is also stored in the project as it is made (and each failure with it), so a
 * cancelled run keeps what it made.
 */
public final class GenerationRun {

    public static final String MANIFEST = "generation-run.json";
    private static final String SYSTEM_PROMPT = "You write tasks for training and evaluating terminal agents. "
            + "Follow the answer format exactly.";

    private final GenerationConfig config;
    private final SeedStore seeds;
    private final SkillStore skills;
    private final PromptTemplates templates;
    private final ChatClient client;
    private final TokenUsage usage;
    private final GenerationStore store;
    private final String runId = UUID.randomUUID().toString();

    /**
     * A task folder the run wrote, its lineage and any warnings (leaks of the reference solution).
     *
     * @param taskId the task's id in the project, or null when the run stores nothing
     */
    public record GeneratedTask(int number, String name, Path folder, ParsedTask task, Lineage lineage,
                                List<String> warnings, Long taskId) {
    }

    /** A task the run could not make: why, and the raw answer when there was one. */
    public record Failure(int number, String reason, Lineage lineage) {
        public String rawAnswer() {
            return lineage == null ? null : lineage.rawAnswer();
        }
    }

    public record Result(String runId, List<GeneratedTask> tasks, List<Failure> failures, TokenUsage usage,
                         Path manifest, boolean cancelled) {
    }

    /** A run that writes task folders and the manifest only. */
    public GenerationRun(GenerationConfig config, SeedStore seeds, SkillStore skills,
                         PromptTemplates templates, ChatClient client, TokenUsage usage) {
        this(config, seeds, skills, templates, client, usage, null);
    }

    /** A run that also stores its tasks and failures in the project through {@code store}. */
    public GenerationRun(GenerationConfig config, SeedStore seeds, SkillStore skills,
                         PromptTemplates templates, ChatClient client, TokenUsage usage, GenerationStore store) {
        this.store = store;
        this.config = config;
        this.seeds = seeds;
        this.skills = skills;
        this.templates = templates;
        this.client = client;
        this.usage = usage;
    }

    public String runId() {
        return runId;
    }

    public Result run(JobContext context) throws SQLException, IOException, InterruptedException {
        try {
            client.requireApiKey();
        } catch (ChatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<TaskPlan> plans = GenerationPlanner.plan(config, seeds, skills);
        Files.createDirectories(config.outDir());
        if (store != null) {
            store.begin(runId, config);
        }
        Set<String> names = new HashSet<>();
        try (var existing = Files.list(config.outDir())) {
            existing.forEach(path -> names.add(path.getFileName().toString()));
        }
        List<GeneratedTask> tasks = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        Semaphore slots = new Semaphore(config.concurrency());
        boolean cancelled = false;
        context.progress(0, plans.size());
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> futures = new ArrayList<>();
            for (TaskPlan plan : plans) {
                futures.add(workers.submit(() -> {
                    slots.acquire();
                    try {
                        if (context.isCancelled()) {
                            throw new JobCancelledException();
                        }
                        Object outcome = stored(generate(plan, names));
                        context.progress(done.incrementAndGet(), plans.size());
                        context.message(done.get() + " of " + plans.size() + " answered");
                        return outcome;
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<Object> future : futures) {
                try {
                    while (true) {
                        try {
                            Object outcome = future.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                            if (outcome instanceof GeneratedTask task) {
                                tasks.add(task);
                            } else if (outcome instanceof Failure failure) {
                                failures.add(failure);
                            }
                            break;
                        } catch (java.util.concurrent.TimeoutException waiting) {
                            if (context.isCancelled()) {
                                throw new JobCancelledException();
                            }
                        }
                    }
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof JobCancelledException || e.getCause() instanceof InterruptedException)) {
                        throw new IllegalStateException("generation failed: " + e.getCause().getMessage(), e.getCause());
                    }
                    cancelled = true;
                } catch (JobCancelledException | java.util.concurrent.CancellationException e) {
                    cancelled = true;
                    futures.forEach(pending -> pending.cancel(true));
                }
            }
        }
        tasks.sort(Comparator.comparingInt(GeneratedTask::number));
        failures.sort(Comparator.comparingInt(Failure::number));
        markSeedsUsed(tasks);
        Path manifest = config.outDir().resolve(MANIFEST);
        TaskFolderWriter.writeJson(manifest, manifest(tasks, failures, cancelled));
        Result result = new Result(runId, tasks, failures, usage, manifest, cancelled);
        if (store != null) {
            store.finish(result);
        }
        return result;
    }

    /**
     * Stores a made task (a folder that does not read as a task becomes a failure, its folder
     * removed) or a failure in the project, when the run has a store.
     */
    private Object stored(Object outcome) throws SQLException {
        if (store == null) {
            return outcome;
        }
        if (outcome instanceof GeneratedTask task) {
            try {
                long id = store.storeTask(task.folder(), task.lineage(), task.warnings());
                return new GeneratedTask(task.number(), task.name(), task.folder(), task.task(), task.lineage(),
                        task.warnings(), id);
            } catch (org.termcurator.core.tasks.TaskDefinitionException e) {
                try {
                    TaskFolderWriter.deleteTree(task.folder());
                } catch (IOException ignored) {
                    // the folder stays behind; the failure below says why it is not in the project
                }
                outcome = new Failure(task.number(), "the written task does not read as a task: " + e.getMessage(),
                        task.lineage());
            }
        }
        store.storeFailure(runId, (Failure) outcome);
        return outcome;
    }

    /** Asks for one task; returns a GeneratedTask or a Failure. */
    private Object generate(TaskPlan plan, Set<String> names) throws SQLException, InterruptedException {
        PromptTemplate template = templates.resolve(plan.mode(), plan.domain());
        TemplateRenderer.Rendered prompt = TemplateRenderer.render(template.text(), plan.variables(config.baseImage()));
        Lineage lineage = new Lineage(runId, plan.number(), plan.mode(), plan.domain(),
                plan.seed() == null ? null : plan.seed().id(), plan.seed() == null ? null : plan.seed().label(),
                plan.skills().stream().map(SkillNode::id).toList(), plan.skills().stream().map(SkillNode::name).toList(),
                template.key() + (template.builtIn() ? " (built-in)" : ""), template.version(),
                config.endpoint().model(), config.endpoint().baseUrl(), config.randomSeed(), plan.difficulty(),
                Instant.now().toString(), prompt.text(), null, 0, 0);
        if (!prompt.complete()) {
            return new Failure(plan.number(), "the template " + template.key() + " uses unknown variables: "
                    + String.join(", ", prompt.unknownVariables()), lineage);
        }
        ChatClient.Answer answer;
        try {
            answer = client.complete(List.of(ChatClient.Message.system(SYSTEM_PROMPT), ChatClient.Message.user(prompt.text())),
                    config.temperature(), config.randomSeed() + plan.number());
        } catch (ChatException e) {
            return new Failure(plan.number(), e.getMessage(), lineage);
        }
        Lineage answered = lineage.withAnswer(answer.content(), answer.promptTokens(), answer.completionTokens());
        ParsedTask task;
        try {
            task = AnswerParser.parse(answer.content());
        } catch (AnswerParseException e) {
            return new Failure(plan.number(), "unusable answer: " + e.getMessage(), answered);
        }
        String name = reserveName(names, task.name(), plan.number());
        Path folder = config.outDir().resolve(name);
        try {
            TaskFolderWriter.write(folder, task, answered, config.baseImage());
        } catch (IOException e) {
            synchronized (names) {
                names.remove(name);
            }
            return new Failure(plan.number(), "cannot write " + folder + ": " + e.getMessage(), answered);
        }
        List<String> warnings = new ArrayList<>();
        if (plan.seed() != null) {
            for (LeakCheck.Leak leak : LeakCheck.find(plan.seed().referenceSolution(), visibleFiles(task), LeakCheck.DEFAULT_WORDS)) {
                warnings.add(leak.toString());
            }
        }
        return new GeneratedTask(plan.number(), name, folder, task, answered, warnings, null);
    }

    /** What the agent sees: the instruction, the Dockerfile and the input files (not the tests). */
    static Map<String, String> visibleFiles(ParsedTask task) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("instruction.md", task.instruction());
        if (task.dockerfile() != null) {
            files.put("environment/Dockerfile", task.dockerfile());
        }
        task.environmentFiles().forEach((path, content) -> files.put("environment/" + path, content));
        return files;
    }

    private static String reserveName(Set<String> names, String wanted, int number) {
        String base = slug(wanted);
        if (base.isEmpty()) {
            base = "generated-task-" + number;
        }
        synchronized (names) {
            String name = base;
            for (int i = 2; names.contains(name); i++) {
                name = base + "-" + i;
            }
            names.add(name);
            return name;
        }
    }

    static String slug(String text) {
        if (text == null) {
            return "";
        }
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }

    private void markSeedsUsed(List<GeneratedTask> tasks) throws SQLException {
        List<Long> used = tasks.stream().map(task -> task.lineage().seedId()).filter(java.util.Objects::nonNull)
                .distinct().toList();
        if (!used.isEmpty()) {
            seeds.bulkEdit(used, BulkEdit.status(SeedStatus.USED));
        }
    }

    private Map<String, Object> manifest(List<GeneratedTask> tasks, List<Failure> failures, boolean cancelled) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("runId", runId);
        manifest.put("mode", config.mode().key());
        manifest.put("requested", config.count());
        manifest.put("domain", config.domain());
        manifest.put("seedQuery", config.seedQuery());
        manifest.put("randomSeed", config.randomSeed());
        manifest.put("model", config.endpoint().model());
        manifest.put("endpoint", config.endpoint().baseUrl());
        manifest.put("baseImage", config.baseImage());
        manifest.put("cancelled", cancelled);
        manifest.put("usage", usage.toMap());
        List<Map<String, Object>> made = new ArrayList<>();
        for (GeneratedTask task : tasks) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", task.number());
            entry.put("name", task.name());
            entry.put("folder", task.folder().getFileName().toString());
            entry.put("taskId", task.taskId());
            entry.put("warnings", task.warnings());
            entry.put("lineage", task.lineage().toMap());
            made.add(entry);
        }
        manifest.put("tasks", made);
        List<Map<String, Object>> failed = new ArrayList<>();
        for (Failure failure : failures) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", failure.number());
            entry.put("reason", failure.reason());
            entry.put("lineage", failure.lineage() == null ? null : failure.lineage().toMap());
            failed.add(entry);
        }
        manifest.put("failures", failed);
        return manifest;
    }
}
