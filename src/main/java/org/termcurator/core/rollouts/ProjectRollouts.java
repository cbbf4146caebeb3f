package org.termcurator.core.rollouts;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.agents.Agent;
import org.termcurator.core.rollouts.images.TaskImages;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;
import org.termcurator.core.rollouts.task.TaskSpecException;

/**
 * The rollouts of one open project, as both the CLI and the window run them: the tasks to
 * roll out (folders on disk, or the project's own tasks), the engine, image map and work
 * root from the settings, a scheduler per concurrency, every rollout recorded in the project
 * and its events told to one listener.
 *
 * <p>The configuration is asked for each time a scheduler is made, so a Docker host changed
 * in Settings applies to the next rollouts while running ones finish on the old engine.
 */
public final class ProjectRollouts implements AutoCloseable {

    private final ProjectDb project;
    private final Supplier<RolloutConfig> config;
    private final RolloutListener listener;

    /** A scheduler and the engine its runner talks to. */
    private record Slot(DockerEngine engine, RolloutScheduler scheduler) {
    }

    private final List<Slot> slots = new ArrayList<>();
    private final List<DockerEngine> engines = new ArrayList<>();
    private DockerEngine engine;
    private TaskImages images;
    private boolean closed;

    public ProjectRollouts(ProjectDb project, Supplier<RolloutConfig> config, RolloutListener listener) {
        this.project = project;
        this.config = config;
        this.listener = listener;
    }

    public ProjectDb project() {
        return project;
    }

    /** The configuration as it is now. */
    public RolloutConfig config() {
        return config.get();
    }

    /** The engine at the configured address, connected on first use and again when the address changed. */
    public synchronized DockerEngine engine() {
        RolloutConfig now = config.get();
        if (engine == null || !engine.address().equals(now.dockerAddress())) {
            engine = DockerEngine.connect(now.dockerAddress());
            engines.add(engine);
            images = new TaskImages(engine);
        }
        return engine;
    }

    /** {@code attempts} rollouts of each task folder; a folder that is not a usable task is a problem, the others go. */
    public ProjectTaskFolders.Prepared prepareFolders(List<Path> folders, Agent agent, int attempts) {
        List<RolloutRequest> requests = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path folder : folders) {
            try {
                requests.addAll(RolloutScheduler.attempts(List.of(RolloutTaskSpec.fromTaskDir(folder)), agent, attempts));
            } catch (TaskSpecException e) {
                problems.add(e.getMessage());
            }
        }
        return new ProjectTaskFolders.Prepared(requests, problems);
    }

    /**
     * The project's tasks whose name, instruction, tags or test files match a full-text query
     * (null or blank: every task), in import order.
     *
     * @throws IllegalArgumentException when the query is not a valid search
     */
    public List<ProjectTaskFolders.Entry> tasksMatching(String query) throws SQLException {
        try {
            return ProjectTaskFolders.select(project, query);
        } catch (SQLException e) {
            if (query == null || query.isBlank()) {
                throw e;
            }
            throw new IllegalArgumentException("'" + query + "' is not a valid search: " + e.getMessage(), e);
        }
    }

    /** These tasks of the project, in import order. */
    public List<ProjectTaskFolders.Entry> tasksWithIds(Collection<Long> ids) throws SQLException {
        return ProjectTaskFolders.selectIds(project, ids);
    }

    /**
     * {@code attempts} rollouts of each of the project's tasks. A task whose folder is gone is
     * written out from the project into the work root first; a task that cannot be is a
     * problem, and the others still go.
     */
    public ProjectTaskFolders.Prepared prepare(List<ProjectTaskFolders.Entry> tasks, Agent agent, int attempts) {
        return ProjectTaskFolders.prepare(project, tasks, config.get().workRoot(), agent, attempts);
    }

    /** Queues rollouts, at most {@code concurrency} of them (and of others queued with it) running at a time. */
    public synchronized List<RolloutHandle> submit(List<RolloutRequest> requests, int concurrency) {
        if (closed) {
            throw new IllegalStateException("the rollouts of " + project.file() + " are closed");
        }
        return scheduler(concurrency).submit(requests);
    }

    private RolloutScheduler scheduler(int concurrency) {
        DockerEngine current = engine();
        for (Slot slot : slots) {
            if (slot.scheduler().concurrency() == concurrency && slot.engine() == current) {
                return slot.scheduler();
            }
        }
        RolloutConfig now = config.get();
        RolloutRunner runner = new RolloutRunner(current, images, now.baseImages(), now.workRoot(), now.policy());
        RolloutScheduler scheduler = new RolloutScheduler(runner, concurrency, listener, new RolloutStore(project));
        slots.add(new Slot(current, scheduler));
        return scheduler;
    }

    /** Every rollout queued here, in the order they were queued. */
    public synchronized List<RolloutHandle> handles() {
        List<RolloutHandle> all = new ArrayList<>();
        slots.forEach(slot -> all.addAll(slot.scheduler().handles()));
        all.sort(Comparator.comparing(RolloutHandle::createdAt));
        return all;
    }

    public synchronized void cancelAll() {
        slots.forEach(slot -> slot.scheduler().cancelAll());
    }

    /** Runs again every finished rollout that did not pass (once each). */
    public synchronized List<RolloutHandle> retryFailed() {
        List<RolloutHandle> again = new ArrayList<>();
        for (Slot slot : slots) {
            again.addAll(slot.scheduler().retryFailed());
        }
        return again;
    }

    /** Waits for every rollout queued here, reporting progress; cancelling the job cancels them all. */
    public List<RolloutResult> awaitAll(JobContext context) throws InterruptedException {
        return RolloutScheduler.awaitAll(this::handles, this::cancelAll, context);
    }

    /**
     * Cancels what still runs, waits for the rollouts to remove their containers, and closes
     * the engines. The handles stay readable; nothing more can be queued.
     */
    @Override
    public void close() {
        List<RolloutScheduler> schedulers;
        List<DockerEngine> connected;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            schedulers = slots.stream().map(Slot::scheduler).toList();
            connected = List.copyOf(engines);
        }
        // outside the lock: a rollout's listener may ask for the handles while it ends
        schedulers.forEach(RolloutScheduler::close);
        connected.forEach(DockerEngine::close);
    }
}
