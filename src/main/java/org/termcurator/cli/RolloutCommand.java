package org.termcurator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectAccess;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.LeftoverRollouts;
import org.termcurator.core.rollouts.ProjectRollouts;
import org.termcurator.core.rollouts.ProjectTaskFolders;
import org.termcurator.core.rollouts.RolloutConfig;
import org.termcurator.core.rollouts.RolloutEvent;
import org.termcurator.core.rollouts.RolloutResult;
import org.termcurator.core.rollouts.RolloutStatus;
import org.termcurator.core.rollouts.RolloutWorkRoot;
import org.termcurator.core.rollouts.agents.Agent;
import org.termcurator.core.rollouts.agents.AgentChoice;
import org.termcurator.core.rollouts.agents.AgentKind;
import org.termcurator.core.settings.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code curator rollout}: runs tasks in local Docker containers with an agent, verifies and records them. */
@Command(name = "rollout", description = {
        "Run tasks in Docker with an agent (oracle, replay or an LLM), verify them and record the results in the project.",
        "The tasks: folders given with --task-dir, or the project's own, chosen with --tasks QUERY or all of them with "
                + "--all (a project of up to " + RolloutCommand.FEW_TASKS + " tasks needs no choice).",
        "Exit code 0 when every rollout reached a verdict (passed or failed), 1 when a rollout could not run "
                + "(error, cancelled) or a task folder is unusable, 2 on usage errors."})
final class RolloutCommand extends ProjectSubcommand {

    /** Up to this many tasks, a project's tasks roll out without a selection; more need --all. */
    static final int FEW_TASKS = 3;

    @Option(names = "--agent", required = true, paramLabel = "oracle|replay|llm", converter = AgentKindConverter.class,
            description = "oracle: the task's solution; replay: --replay FILE's commands; llm: a Terminus-style agent.")
    AgentKind agent;

    @Option(names = "--tasks", paramLabel = "QUERY",
            description = "Full-text query selecting the project's tasks (name, instruction, tags, test files).")
    String tasks;

    @Option(names = "--all", description = "Roll out every task of the project. Needed when it has more than "
            + FEW_TASKS + " tasks and neither --tasks nor --task-dir chooses some.")
    boolean all;

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

    RolloutCommand() {
        super(ProjectAccess.WRITE);
    }

    @Override
    public Integer call() throws Exception {
        if (attempts < 1) {
            throw new CliFailure("--attempts must be at least 1", ExitCodes.USAGE);
        }
        if (concurrency != null && concurrency < 1) {
            throw new CliFailure("--concurrency must be at least 1", ExitCodes.USAGE);
        }
        if (!taskDirs.isEmpty() && tasks != null) {
            throw new CliFailure("use either --tasks or --task-dir", ExitCodes.USAGE);
        }
        if (all && (tasks != null || !taskDirs.isEmpty())) {
            throw new CliFailure("--all rolls out every task of the project: leave out --tasks and --task-dir, "
                    + "or leave out --all", ExitCodes.USAGE);
        }
        Settings settings = CliCommands.userSettings();
        RolloutConfig config = config(settings);
        try {
            RolloutWorkRoot.prepare(config.workRoot());
        } catch (java.io.IOException e) {
            throw new CliFailure(e.getMessage());
        }
        Agent chosen = agent(settings);
        PrintWriter err = cli().err();
        try (ProjectDb db = openProject();
             ProjectRollouts rollouts = new ProjectRollouts(db, () -> config, event -> report(event, err))) {
            // the project's tasks are chosen first: a selection that will not do is said before Docker is asked
            List<ProjectTaskFolders.Entry> projectTasks = taskDirs.isEmpty() ? projectTasks(rollouts) : null;
            try {
                rollouts.engine().ping();
            } catch (DockerEngineException e) {
                throw new CliFailure(e.getMessage());
            }
            String cleaned = LeftoverRollouts.clean(db, rollouts.engine()).describe();
            if (cleaned != null) {
                err.println(cleaned);
            }
            ProjectTaskFolders.Prepared prepared = projectTasks == null
                    ? rollouts.prepareFolders(taskDirs, chosen, attempts)
                    : rollouts.prepare(projectTasks, chosen, attempts);
            prepared.problems().forEach(problem -> err.println("skipped: " + problem));
            int slots = concurrency != null ? concurrency : config.defaultConcurrency();
            Thread stopper = new Thread(rollouts::close, "rollout-interrupt");
            Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C must not leave containers behind
            List<RolloutResult> results;
            try {
                rollouts.submit(prepared.requests(), slots);
                results = rollouts.awaitAll(JobContext.unobserved());
            } finally {
                removeHook(stopper);
            }
            return summarize(results, prepared.problems(), config.workRoot());
        }
    }

    /** Settings, with --docker-host, --work-root and --image-map on top. */
    private RolloutConfig config(Settings settings) {
        RolloutConfig config = RolloutConfig.fromSettings(settings).withDockerAddress(docker.address(settings))
                .withWorkRoot(workRoot);
        for (String assignment : imageMap) {
            try {
                config.baseImages().put(assignment);
            } catch (IllegalArgumentException e) {
                throw new CliFailure("--image-map: " + e.getMessage(), ExitCodes.USAGE);
            }
        }
        return config;
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

    /**
     * The project's tasks that --tasks selects, or all of them: without a selection, a project
     * of more than a few tasks needs --all, so that a forgotten option does not start hundreds.
     */
    private List<ProjectTaskFolders.Entry> projectTasks(ProjectRollouts rollouts) throws SQLException {
        List<ProjectTaskFolders.Entry> entries;
        try {
            entries = rollouts.tasksMatching(tasks);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--tasks " + e.getMessage(), ExitCodes.USAGE);
        }
        if (entries.isEmpty()) {
            throw new CliFailure(tasks == null ? "the project has no tasks; import some, or give --task-dir DIR"
                    : "no task of the project matches '" + tasks + "'");
        }
        if (tasks == null && !all && entries.size() > FEW_TASKS) {
            throw new CliFailure("the project has " + entries.size() + " tasks: roll out all of them with --all, "
                    + "or choose some with --tasks QUERY or --task-dir DIR", ExitCodes.USAGE);
        }
        return entries;
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
            row.put("limits", result.limits() == null ? null : result.limits().describe());
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
