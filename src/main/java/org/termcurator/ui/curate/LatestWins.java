package org.termcurator.ui.curate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.termcurator.core.jobs.JobCancelledException;
import org.termcurator.core.jobs.JobContext;

/**
 * Recomputes something from an input that changes often (settings being edited): a request
 * waits for the changes to pause, runs off the UI thread, and tells the one still running
 * that it is superseded; only the newest request's answer reaches the {@code ui} executor.
 */
final class LatestWins<I, R> implements AutoCloseable {

    /** The computation; it should call {@link JobContext#checkCancelled()} between units of work. */
    @FunctionalInterface
    interface Work<I, R> {
        R compute(I input, JobContext context) throws Exception;
    }

    private final long delayMs;
    private final Work<I, R> work;
    private final Executor ui;
    private final BiConsumer<R, Throwable> deliver;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "curate-preview-debounce");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong newest = new AtomicLong();
    private ScheduledFuture<?> waiting;
    private Run running;
    private CompletableFuture<Void> settled = CompletableFuture.completedFuture(null);

    /** {@code deliver} gets (result, null) or (null, failure) on the ui executor, for the newest request only. */
    LatestWins(long delayMs, Work<I, R> work, Executor ui, BiConsumer<R, Throwable> deliver) {
        this.delayMs = delayMs;
        this.work = work;
        this.ui = ui;
        this.deliver = deliver;
    }

    /** Asks for a computation once the input has not changed for the delay. */
    synchronized CompletableFuture<Void> request(I input) {
        return schedule(input, delayMs);
    }

    /** Asks for a computation at once. */
    synchronized CompletableFuture<Void> requestNow(I input) {
        return schedule(input, 0);
    }

    /** Completes once the newest request's answer has been delivered (or it was superseded by one that has). */
    synchronized CompletableFuture<Void> settled() {
        return settled;
    }

    private CompletableFuture<Void> schedule(I input, long delay) {
        long mine = newest.incrementAndGet();
        if (waiting != null) {
            waiting.cancel(false);
        }
        if (running != null) {
            running.superseded = true;
        }
        CompletableFuture<Void> previous = settled;
        CompletableFuture<Void> done = new CompletableFuture<>();
        done.whenComplete((ignored, failure) -> previous.complete(null));
        settled = done;
        waiting = timer.schedule(() -> start(mine, input, done), delay, TimeUnit.MILLISECONDS);
        return done;
    }

    private synchronized void start(long mine, I input, CompletableFuture<Void> done) {
        if (mine != newest.get()) {
            return;
        }
        Run run = new Run();
        running = run;
        Thread.ofVirtual().name("curate-preview").start(() -> {
            R result = null;
            Throwable failure = null;
            try {
                result = work.compute(input, run.context);
            } catch (JobCancelledException e) {
                return; // a newer request took over and completes the future
            } catch (Exception | Error e) {
                failure = e;
            }
            R answer = result;
            Throwable problem = failure;
            ui.execute(() -> {
                if (mine == newest.get()) {
                    deliver.accept(answer, problem);
                    done.complete(null);
                }
            });
        });
    }

    @Override
    public synchronized void close() {
        newest.incrementAndGet();
        if (running != null) {
            running.superseded = true;
        }
        timer.shutdownNow();
        settled.complete(null);
    }

    /** One computation: its context is cancelled as soon as a newer request arrives. */
    private static final class Run {
        volatile boolean superseded;
        final JobContext context = JobContext.cancelledWhen(() -> superseded);
    }
}
