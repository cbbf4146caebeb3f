package org.termcurator.core.rollouts.agents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.docker.FileChange;
import org.termcurator.core.rollouts.container.AgentTerminal;
import org.termcurator.core.rollouts.container.CastRecorder;
import org.termcurator.core.rollouts.container.RecordedCommand;
import org.termcurator.core.rollouts.container.RolloutContainer;
import org.termcurator.core.rollouts.container.ShellTerminal;
import org.termcurator.core.rollouts.container.TmuxTerminal;
import org.termcurator.core.rollouts.container.Transcript;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;
import org.termcurator.core.terminal.TerminalSize;
import org.termcurator.core.terminal.TerminalText;

/**
 * What an agent works with during one rollout: the task, the container, its time, a recorded
 * terminal, and the step log (each recorded step gets the files it changed, from docker diff).
 */
public final class AgentContext implements AutoCloseable {

    /**
     * What the harness puts into a container (the copied solution and tests, the logs folder,
     * tmux's socket folder, the keep-alive's lease file): never an agent's change. Saves a docker diff per rollout, which on
     * a busy engine costs more than everything else an oracle rollout does.
     */
    static final List<String> HARNESS_PATHS = List.of("/solution", "/tests", "/logs", "/tmp/tmux-",
            RolloutContainer.LEASE_FILE);

    private final RolloutTaskSpec task;
    private final RolloutContainer container;
    private final String rolloutKey;
    private final Path castFile;
    private final long deadlineNanos;
    private final CastRecorder.Listener castListener;
    private final Consumer<RolloutStep> stepListener;
    private final Transcript transcript;
    private final long recordingBudget;
    private CastRecorder cast;
    private AgentTerminal terminal;
    private final List<RolloutStep> steps = new ArrayList<>();
    private Map<String, FileChange.Kind> lastDiff = Map.of();
    private ModelUsage usage = ModelUsage.NONE;
    private Integer exitCode;

    public AgentContext(RolloutTaskSpec task, RolloutContainer container, String rolloutKey, Path castFile,
                 long deadlineNanos, long recordingBudget, CastRecorder.Listener castListener,
                 Consumer<RolloutStep> stepListener) {
        this.recordingBudget = recordingBudget;
        this.task = task;
        this.container = container;
        this.rolloutKey = rolloutKey;
        this.castFile = castFile;
        this.deadlineNanos = deadlineNanos;
        this.castListener = castListener;
        this.stepListener = stepListener;
        this.transcript = new Transcript(castListener);
    }

    public RolloutTaskSpec task() {
        return task;
    }

    public RolloutContainer container() {
        return container;
    }

    public String rolloutKey() {
        return rolloutKey;
    }

    /** Time left before the agent's timeout (never negative). */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** Throws once the agent's time is up, and when the rollout was cancelled. */
    public void checkTime() throws AgentTimeoutException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("rollout cancelled");
        }
        if (System.nanoTime() >= deadlineNanos) {
            throw timedOut();
        }
    }

    AgentTimeoutException timedOut() {
        return new AgentTimeoutException("the agent ran out of time after " + seconds(task.agentTimeoutSec()));
    }

    /** The agent cast, created on first use. */
    public synchronized CastRecorder cast() {
        if (cast == null) {
            try {
                cast = CastRecorder.create(castFile, TerminalSize.DEFAULT, task.name() + " (agent)", null, transcript,
                        recordingBudget);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the agent cast " + castFile, e);
            }
        }
        return cast;
    }

    /** The interactive terminal (tmux when the image has it, else a shell), opened on first use. */
    public synchronized AgentTerminal terminal() throws DockerEngineException, InterruptedException {
        if (terminal == null) {
            Set<String> tools = container.tools(List.of("tmux", "bash"));
            CastRecorder recorder = cast();
            terminal = tools.contains("tmux") ? TmuxTerminal.open(container, recorder)
                    : ShellTerminal.open(container, recorder, transcript, tools.contains("bash"));
        }
        return terminal;
    }

    /**
     * Runs a command (not interactive) in the agent's recorded terminal until it ends; throws
     * {@link AgentTimeoutException} when the agent's time runs out first.
     */
    public RecordedCommand.Outcome runCommand(List<String> command)
            throws DockerEngineException, InterruptedException, AgentTimeoutException {
        RecordedCommand.Outcome outcome = RecordedCommand.run(container, command, String.join(" ", command), cast(),
                transcript, deadlineNanos);
        if (outcome.timedOut()) {
            throw timedOut();
        }
        return outcome;
    }

    /**
     * Records a step; a step with tool calls gets the files changed since the previous such
     * step (or since the container started), without the harness's own paths.
     */
    public RolloutStep record(RolloutStep.Draft draft) throws DockerEngineException {
        List<FileChange> changed = List.of();
        if (draft.toolCallCount() > 0) {
            Map<String, FileChange.Kind> now = snapshot(container.diff());
            changed = changesBetween(lastDiff, now);
            lastDiff = now;
        }
        RolloutStep step;
        synchronized (this) {
            step = draft.toStep(steps.size() + 1, changed);
            steps.add(step);
            usage = usage.plus(step.metrics());
        }
        stepListener.accept(step);
        return step;
    }

    /** The agent's own exit code, where it has one (the oracle's solve.sh). */
    public void exitCode(Integer code) {
        this.exitCode = code;
    }

    public synchronized List<RolloutStep> steps() {
        return List.copyOf(steps);
    }

    public synchronized ModelUsage usage() {
        return usage;
    }

    public Integer exitCode() {
        return exitCode;
    }

    /** The agent cast file, or null when the agent never used a terminal. */
    public synchronized Path castFile() {
        return cast == null ? null : castFile;
    }

    public String output() {
        return TerminalText.plain(transcript.all());
    }

    public static String seconds(double value) {
        return (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)) + " s";
    }

    /**
     * The changes between two cumulative docker diffs: paths that appeared or changed kind, and
     * paths that vanished (added earlier, deleted again). Parent folders that only show as
     * "changed" because something inside changed are left out, and so are the paths the harness
     * itself creates ({@link #HARNESS_PATHS}). docker diff is cumulative, so a file changed again
     * after an earlier step is not seen a second time.
     */
    public static List<FileChange> changesBetween(Map<String, FileChange.Kind> before, Map<String, FileChange.Kind> after) {
        List<FileChange> changes = new ArrayList<>();
        after.forEach((path, kind) -> {
            if (before.get(path) != kind) {
                changes.add(new FileChange(path, kind));
            }
        });
        before.forEach((path, kind) -> {
            if (!after.containsKey(path)) {
                changes.add(new FileChange(path, FileChange.Kind.DELETED));
            }
        });
        List<FileChange> result = new ArrayList<>();
        for (FileChange change : changes) {
            boolean parentOnly = change.kind() == FileChange.Kind.MODIFIED && changes.stream()
                    .anyMatch(other -> other != change && other.path().startsWith(change.path().equals("/")
                            ? "/" : change.path() + "/"));
            if (!parentOnly && !isHarnessPath(change.path())) {
                result.add(change);
            }
        }
        result.sort(Comparator.comparing(FileChange::path));
        return result;
    }

    private static boolean isHarnessPath(String path) {
        for (String harness : HARNESS_PATHS) {
            if (path.equals(harness) || path.startsWith(harness.endsWith("-") ? harness : harness + "/")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, FileChange.Kind> snapshot(List<FileChange> diff) {
        Map<String, FileChange.Kind> map = new LinkedHashMap<>();
        for (FileChange change : diff) {
            map.put(change.path(), change.kind());
        }
        return map;
    }

    /** Closes the terminal and the cast. */
    @Override
    public synchronized void close() {
        if (terminal != null) {
            terminal.close();
        }
        if (cast != null) {
            try {
                cast.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish the agent cast " + castFile, e);
            }
        }
    }
}
