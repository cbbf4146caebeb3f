package org.termcurator.core.rollouts;

import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.rollouts.container.RolloutContainer;

/**
 * Cancelling one rollout from another thread: the flag is checked between phases, the
 * thread is interrupted out of its waits, and the container is removed at once so that any
 * Docker call blocked on it returns.
 */
public final class RolloutControl {

    private volatile boolean cancelled;
    private volatile Thread thread;
    private volatile RolloutContainer container;

    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        cancelled = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
        removeContainer();
    }

    void runningOn(Thread current) {
        this.thread = current;
        if (cancelled) {
            current.interrupt();
        }
    }

    void finished() {
        this.thread = null;
    }

    /**
     * The rollout's container from now on. When cancel came first, the rollout's next
     * {@link #checkCancelled()} throws and its teardown removes the container.
     */
    void attach(RolloutContainer started) {
        this.container = started;
    }

    void checkCancelled() throws InterruptedException {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("rollout cancelled");
        }
    }

    private void removeContainer() {
        RolloutContainer current = container;
        if (current != null) {
            try {
                current.close();
            } catch (DockerEngineException ignored) {
                // the rollout's own teardown tries again and reports
            }
        }
    }
}
