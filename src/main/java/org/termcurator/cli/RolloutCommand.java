package org.termcurator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.ProjectTaskFolders;
import org.termcurator.core.rollouts.RolloutEvent;
import org.termcurator.core.rollouts.RolloutReaper;
import org.termcurator.core.rollouts.RolloutRequest;
import org.termcurator.core.rollouts.RolloutResult;
import org.termcurator.core.rollouts.RolloutRunner;
import org.termcurator.core.rollouts.RolloutScheduler;
import org.termcurator.core.rollouts.RolloutSettings;
import org.termcurator.core.rollouts.RolloutStatus;
import org.termcurator.core.rollouts.RolloutStore;
import org.termcurator.core.rollouts.agents.Agent;
import org.termcurator.core.rollouts.agents.AgentChoice;
import org.termcurator.core.rollouts.agents.AgentKind;
import org.termcurator.core.rollouts.images.BaseImageMap;
import org.termcurator.core.rollouts.images.TaskImages;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;
import org.termcurator.core.rollouts.task.TaskSpecException;
import org.termcurator.core.settings.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code curator rollout}: runs tasks in local Docker containers with an agent, verifies and records them. */
@Command(name = "rollout", description = {
        "Run tasks in Docker with an agent (oracle, replay or an LLM), verify them and record the results in the project.",
        "Exit code 0 when every rollout reached a verdict (passed or failed), 1 when a rollout could not run "
                + "(error, cancelled) or a task folder is unusable, 2 on usage errors."})
final class RolloutCommand extends ProjectSubcommand {

    @Option(names = "--agent", required = true, paramLabel = "oracle|replay|llm", converter = AgentKindConverter.class,
            description = "oracle: the task's solution; replay: --replay FILE's commands; llm: a Terminus-style agent.")
    AgentKind agent;

    @Option(names = "--tasks", paramLabel = "QUERY",
            description = "Full-text query selecting the project's tasks (default: every task of the project).")
    String tasks;

    @Option(names = "--task-dir", paramLabel = "DIR", arity = "1..*",
            description = "Harbor task folders to roll out instead of the project's tasks.")
    List<Path> taskDirs = new ArrayList<>();

    @Option(names = "--attempts", paramLabel = "K", defaultValue = "1", description = "Attempts per task (default 1).")
    int attempts;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Rollouts at once (default: the setting, which defaults to the number of processors).")
    Integer concurrency;

    @Option(names = "--image-map", paramLabel = "PATTERN=IMAGE",
            description = "Adds to the base-image map from settings, e.g. 'ubuntu:24.04=curator/debian:bookworm'.")
    List<String> imageMap = new ArrayList<>();

    @Option(names = "--endpoint", paramLabel = "URL", description = "llm: the OpenAI-compatible base URL (default: settings).")
    String endpoint;

    @Option(names = "--model", paramLabel = "M", description = "llm: the model (default: settings).")
    String model;

    @Option(names = "--api-key-env", paramLabel = "NAME",
            description = "llm: the NAME of the environment variable holding the API key (default: settings).")
    String apiKeyEnv;

    @Option(names = "--max-turns", paramLabel = "N", description = "llm: most turns per rollout (default 100).")
    int maxTurns = AgentChoice.DEFAULT_MAX_TURNS;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "replay: an ATIF trajectory.json or a JSON list of {keystrokes, duration}.")
    Path replayFile;

    @Mixin
    DockerOptions docker;

    @Option(names = "--work-root", paramLabel = "DIR",
            description = "Where rollouts keep casts, logs and results (default: settings, else the temp folder).")
    Path workRoot;

    @Override
    public Integer call() throws Exception {
        if (attempts < 1) {
            throw new CliFailure("--attempts must be at least 1", ExitCodes.USAGE);
        }
        if (concurrency != null && concurrency < 1) {
            throw new CliFailure("--concurrency must be at least 1", ExitCodes.USAGE);
        }
        Settings settings = CliCommands.userSettings();
        BaseImageMap baseImages = baseImages(settings);
        Agent chosen = agent(settings);
        PrintWriter err = cli().err();
        try (ProjectDb db = ProjectDb.openOrCreate(projectFile.path());
             DockerEngine engine = DockerEngine.connect(docker.address(settings))) {
            try {
                engine.ping();
            } catch (DockerEngineException e) {
                throw new CliFailure(e.getMessage());
            }
            RolloutReaper.Report reaped = new RolloutReaper(engine).reap(db);
            if (!reaped.removed().isEmpty() || reaped.interrupted() > 0) {
                err.println("Removed " + reaped.removed().size() + " leftover container(s); marked "
                        + reaped.interrupted() + " unfinished rollout(s) interrupted.");
            }
            Path workFolder = workRoot != null ? workRoot : RolloutSettings.workRoot(settings);
            List<String> problems = new ArrayList<>();
            List<RolloutRequest> requests = requests(db, chosen, workFolder, problems);
            problems.forEach(problem -> err.println("skipped: " + problem));
            RolloutRunner runner = new RolloutRunner(engine, new TaskImages(engine), baseImages, workFolder);
            int slots = concurrency != null ? concurrency : settings.getDefaultConcurrency();
            List<RolloutResult> results;
            try (RolloutScheduler scheduler = new RolloutScheduler(runner, slots, event -> report(event, err),
                    new RolloutStore(db))) {
                Thread stopper = new Thread(scheduler::close, "rollout-interrupt");
                Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C must not leave containers behind
                try {
                    scheduler.submit(requests);
                    results = scheduler.awaitAll(JobContext.unobserved());
                } finally {
                    removeHook(stopper);
                }
            }
            return summarize(results, problems, workFolder);
        }
    }

    private BaseImageMap baseImages(Settings settings) {
        BaseImageMap map = RolloutSettings.baseImages(settings);
        for (String assignment : imageMap) {
            try {
                map.put(assignment);
            } catch (IllegalArgumentException e) {
                throw new CliFailure("--image-map: " + e.getMessage(), ExitCodes.USAGE);
            }
        }
        return map;
    }

    private Agent agent(Settings settings) {
        if (agent == AgentKind.REPLAY && replayFile == null) {
            throw new CliFailure("--agent replay needs --replay FILE", ExitCodes.USAGE);
        }
        try {
            return new AgentChoice(agent, replayFile, endpoint, model, apiKeyEnv, maxTurns).create(settings);
        } catch (IllegalArgumentException e) {
            if (agent == AgentKind.LLM) {
                throw new CliFailure("--agent llm: " + e.getMessage() + " (--endpoint URL --model M, or Settings)",
                        ExitCodes.USAGE);
            }
            throw new CliFailure(e.getMessage());
        }
    }

    /** --agent as people write it: oracle, replay, llm (or terminus). */
    static final class AgentKindConverter implements CommandLine.ITypeConverter<AgentKind> {
        @Override
        public AgentKind convert(String value) {
            return AgentKind.parse(value);
        }
    }

    private List<RolloutRequest> requests(ProjectDb db, Agent chosen, Path workFolder, List<String> problems)
            throws SQLException {
        List<RolloutRequest> requests = new ArrayList<>();
        if (!taskDirs.isEmpty()) {
            if (tasks != null) {
                throw new CliFailure("use either --tasks or --task-dir", ExitCodes.USAGE);
            }
            for (Path dir : taskDirs) {
                try {
                    RolloutTaskSpec spec = RolloutTaskSpec.fromTaskDir(dir);
                    for (int attempt = 1; attempt <= attempts; attempt++) {
                        requests.add(new RolloutRequest(spec, chosen, attempt));
                    }
                } catch (TaskSpecException e) {
                    problems.add(e.getMessage());
                }
            }
            return requests;
        }
        List<ProjectTaskFolders.Entry> entries;
        try {
            entries = ProjectTaskFolders.select(db, tasks);
        } catch (SQLException e) {
            throw new CliFailure("--tasks '" + tasks + "' is not a valid search: " + e.getMessage(), ExitCodes.USAGE);
        }
        if (entries.isEmpty()) {
            throw new CliFailure(tasks == null ? "the project has no tasks; import some, or give --task-dir DIR"
                    : "no task of the project matches '" + tasks + "'");
        }
        // tasks whose folder is gone are written out from the project into the work folder
        ProjectTaskFolders.Prepared prepared = ProjectTaskFolders.prepare(db, entries, workFolder, chosen, attempts);
        problems.addAll(prepared.problems());
        requests.addAll(prepared.requests());
        return requests;
    }

    private static void report(RolloutEvent event, PrintWriter err) {
        if (event instanceof RolloutEvent.Finished finished) {
            RolloutResult result = finished.result();
            String reward = result.reward() == null ? "-" : String.format(Locale.ROOT, "%.2f", result.reward());
            String line = String.format(Locale.ROOT, "%-9s %s #%d  reward %s  %.1f s", result.status().dbValue(),
                    result.task(), result.attempt(), reward, result.seconds());
            synchronized (err) {
                err.println(result.error() == null ? line : line + "  (" + firstLine(result.error()) + ")");
                err.flush();
            }
        }
    }

    private int summarize(List<RolloutResult> results, List<String> problems, Path workFolder) {
        int passed = 0;
        int failed = 0;
        int errors = 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RolloutResult result : results) {
            switch (result.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                default -> errors++;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("task", result.task());
            row.put("attempt", result.attempt());
            row.put("reward", result.reward());
            row.put("seconds", result.seconds());
            row.put("status", result.status().dbValue());
            row.put("error", result.error());
            row.put("workDir", result.workDir() == null ? null : result.workDir().toString());
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rollouts", results.size());
        json.put("passed", passed);
        json.put("failed", failed);
        json.put("errors", errors);
        json.put("results", rows);
        json.put("skipped", problems);
        String text = results.size() + " rollout(s): " + passed + " passed, " + failed + " failed, " + errors
                + " errors" + (problems.isEmpty() ? "" : "; " + problems.size() + " task folder(s) skipped")
                + "\nCasts, logs and results: " + workFolder;
        print(json, text);
        boolean allReachedAVerdict = results.stream().allMatch(result ->
                result.status() == RolloutStatus.PASSED || result.status() == RolloutStatus.FAILED);
        return allReachedAVerdict && problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running
        }
    }
}
