package org.termcurator.ui.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.RolloutEvent;
import org.termcurator.core.rollouts.RolloutHandle;
import org.termcurator.core.rollouts.RolloutListener;
import org.termcurator.core.rollouts.RolloutReaper;
import org.termcurator.core.rollouts.RolloutRequest;
import org.termcurator.core.rollouts.RolloutRunner;
import org.termcurator.core.rollouts.RolloutScheduler;
import org.termcurator.core.rollouts.RolloutSettings;
import org.termcurator.core.rollouts.RolloutStore;
import org.termcurator.core.rollouts.images.TaskImages;
import org.termcurator.core.settings.Settings;

/**
 * The window's rollouts: one place that queues them for the open project (from the Tasks
 * view, retries from the Rollouts view), fans their events out to whoever listens, and stops
 * them when the project closes. Rollouts queued with another concurrency get a scheduler of
 * their own; cancel, retry and progress cover all of them.
 */
public final class RolloutService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutService.class);

    private final Settings settings;
    private final List<RolloutListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> storedListeners = new CopyOnWriteArrayList<>();
    /** A scheduler and the engine its runner talks to. */
    private record Slot(DockerEngine engine, RolloutScheduler scheduler) {
    }

    private final ProjectSession session;
    private final List<Slot> slots = new ArrayList<>();
    private final List<DockerEngine> engines = new ArrayList<>();
    private ProjectDb project;
    private DockerEngine engine;
    private TaskImages images;

    public RolloutService(Settings settings, ProjectSession session) {
        this.settings = settings;
        this.session = session;
        session.projectProperty().addListener((observable, before, after) -> projectChanged(after));
    }

    /** Hears every rollout's events, on worker threads. */
    public void addListener(RolloutListener listener) {
        listeners.add(listener);
    }

    public void removeListener(RolloutListener listener) {
        listeners.remove(listener);
    }

    /**
     * Runs {@code listener} (on a worker thread) each time a rollout's outcome is in the project,
     * with its trajectory: later than its Finished event, which comes before it is stored.
     */
    public void addStoredListener(Runnable listener) {
        storedListeners.add(listener);
    }

    private void stored() {
        for (Runnable listener : storedListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("a rollout listener failed", e);
            }
        }
    }

    private void publish(RolloutEvent event) {
        for (RolloutListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("a rollout listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    /** Where rollouts keep their work folders (and tasks without a folder are written out). */
    public Path workRoot() {
        return RolloutSettings.workRoot(settings);
    }

    /** Queues rollouts of the open project {@code db}, at most {@code concurrency} of them running at a time. */
    public synchronized List<RolloutHandle> submit(ProjectDb db, List<RolloutRequest> requests, int concurrency) {
        if (db != project) {
            throw new IllegalStateException("rollouts are only run for the open project");
        }
        List<RolloutHandle> handles = scheduler(db, concurrency).submit(requests);
        handles.forEach(handle -> whenStored(handle, db));
        return handles;
    }

    private void whenStored(RolloutHandle handle, ProjectDb db) {
        handle.result().whenComplete((result, failure) -> {
            session.indexForSearch(db); // the rollout's trajectory is stored, its steps wait for the index
            stored();
        });
    }

    private RolloutScheduler scheduler(ProjectDb db, int concurrency) {
        DockerAddress address = DockerAddress.fromSettings(settings);
        if (engine == null || !engine.address().equals(address)) {
            engine = DockerEngine.connect(address);
            engines.add(engine);
            images = new TaskImages(engine);
        }
        for (Slot slot : slots) {
            if (slot.scheduler().concurrency() == concurrency && slot.engine() == engine) {
                return slot.scheduler();
            }
        }
        RolloutRunner runner = new RolloutRunner(engine, images, RolloutSettings.baseImages(settings), workRoot());
        RolloutScheduler scheduler = new RolloutScheduler(runner, concurrency, this::publish, new RolloutStore(db));
        slots.add(new Slot(engine, scheduler));
        return scheduler;
    }

    /** Every rollout queued in this project since it was opened, in order. */
    public synchronized List<RolloutHandle> handles() {
        List<RolloutHandle> all = new ArrayList<>();
        slots.forEach(slot -> all.addAll(slot.scheduler().handles()));
        all.sort(java.util.Comparator.comparing(RolloutHandle::createdAt));
        return all;
    }

    public synchronized void cancelAll() {
        slots.forEach(slot -> slot.scheduler().cancelAll());
    }

    /** Runs again every finished rollout that did not pass (once each). */
    public synchronized List<RolloutHandle> retryFailed() {
        List<RolloutHandle> again = new ArrayList<>();
        for (Slot slot : List.copyOf(slots)) {
            List<RolloutHandle> retried = slot.scheduler().retryFailed();
            retried.forEach(handle -> whenStored(handle, project));
            again.addAll(retried);
        }
        return again;
    }

    /**
     * A new project: what ran for the old one is cancelled (in the background: containers are
     * removed as the rollouts end). Containers a crashed session left are removed when a
     * project opens (its unfinished rollouts were marked interrupted by the open itself).
     */
    private synchronized void projectChanged(ProjectDb next) {
        List<RolloutScheduler> old = slots.stream().map(Slot::scheduler).toList();
        List<DockerEngine> oldEngines = List.copyOf(engines);
        slots.clear();
        engines.clear();
        engine = null;
        images = null;
        project = next;
        if (!old.isEmpty()) {
            Thread.ofVirtual().name("rollouts-stop").start(() -> {
                old.forEach(RolloutScheduler::close);
                oldEngines.forEach(DockerEngine::close);
            });
        } else {
            oldEngines.forEach(DockerEngine::close);
        }
        if (next != null) {
            DockerAddress address = DockerAddress.fromSettings(settings);
            Thread.ofVirtual().name("rollouts-reap").start(() -> reapLeftovers(address));
        }
    }

    private static void reapLeftovers(DockerAddress address) {
        try (DockerEngine reaping = DockerEngine.connect(address)) {
            RolloutReaper.Report report = new RolloutReaper(reaping).reap();
            if (!report.removed().isEmpty()) {
                LOG.info("removed {} container(s) left behind by an earlier session", report.removed().size());
            }
        } catch (DockerEngineException e) {
            LOG.info("leftover containers not checked, Docker is not reachable: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("leftover rollouts could not be cleaned up: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        slots.forEach(slot -> slot.scheduler().close());
        engines.forEach(DockerEngine::close);
        slots.clear();
        engines.clear();
    }
}
