package org.termcurator.ui.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.LeftoverRollouts;
import org.termcurator.core.rollouts.ProjectRollouts;
import org.termcurator.core.rollouts.RolloutConfig;
import org.termcurator.core.rollouts.RolloutEvent;
import org.termcurator.core.rollouts.RolloutHandle;
import org.termcurator.core.rollouts.RolloutListener;
import org.termcurator.core.rollouts.RolloutRequest;
import org.termcurator.core.settings.Settings;

/**
 * The window's side of the core's {@link ProjectRollouts}: one for the open project, made
 * when it opens (leftovers of a crashed session are cleaned up then) and closed with it;
 * events fan out to whoever listens, and each stored outcome is announced and indexed for
 * search.
 */
public final class RolloutService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutService.class);

    private final Settings settings;
    private final ProjectSession session;
    private final List<RolloutListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> storedListeners = new CopyOnWriteArrayList<>();
    private ProjectRollouts current;

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
        return RolloutConfig.fromSettings(settings).workRoot();
    }

    /** The rollouts of {@code db}, which must be the open project: read tasks through it, queue through {@link #submit}. */
    public synchronized ProjectRollouts forProject(ProjectDb db) {
        if (db == null || current == null || current.project() != db) {
            throw new IllegalStateException("rollouts are only run for the open project");
        }
        return current;
    }

    /** Queues rollouts of the open project {@code db}, at most {@code concurrency} of them running at a time. */
    public synchronized List<RolloutHandle> submit(ProjectDb db, List<RolloutRequest> requests, int concurrency) {
        List<RolloutHandle> handles = forProject(db).submit(requests, concurrency);
        handles.forEach(handle -> whenStored(handle, db));
        return handles;
    }

    private void whenStored(RolloutHandle handle, ProjectDb db) {
        handle.result().whenComplete((result, failure) -> {
            session.indexForSearch(db); // the rollout's trajectory is stored, its steps wait for the index
            stored();
        });
    }

    /** Every rollout queued in this project since it was opened, in order. */
    public synchronized List<RolloutHandle> handles() {
        return current == null ? List.of() : current.handles();
    }

    public synchronized void cancelAll() {
        if (current != null) {
            current.cancelAll();
        }
    }

    /** Runs again every finished rollout that did not pass (once each). */
    public synchronized List<RolloutHandle> retryFailed() {
        if (current == null) {
            return List.of();
        }
        List<RolloutHandle> again = current.retryFailed();
        again.forEach(handle -> whenStored(handle, current.project()));
        return again;
    }

    /**
     * A new project: what ran for the old one is cancelled (in the background: containers are
     * removed as the rollouts end). Containers a crashed session left are removed when a
     * project opens (its unfinished rollouts were marked interrupted by the open itself).
     */
    private synchronized void projectChanged(ProjectDb next) {
        ProjectRollouts old = current;
        current = next == null ? null
                : new ProjectRollouts(next, () -> RolloutConfig.fromSettings(settings), this::publish);
        if (old != null) {
            Thread.ofVirtual().name("rollouts-stop").start(old::close);
        }
        if (next != null) {
            DockerAddress address = DockerAddress.fromSettings(settings);
            Thread.ofVirtual().name("rollouts-reap").start(() -> LeftoverRollouts.removeOrphans(address));
        }
    }

    @Override
    public void close() {
        ProjectRollouts open;
        synchronized (this) {
            open = current;
        }
        if (open != null) {
            open.close();
        }
    }
}
