package org.termcurator.core.rollouts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.rollouts.agents.Agent;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;

/**
 * Runs rollouts side by side, at most {@code concurrency} at a time, first come first served.
 * Each rollout has its own virtual thread (they mostly wait on Docker); queued ones wait for a
 * slot. Events of every rollout go to one listener; each rollout is recorded as it goes.
 */
public final class RolloutScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutScheduler.class);

    private final RolloutRunner runner;
    private final Semaphore slots;
    private final int concurrency;
    private final RolloutListener listener;
    private final RolloutRecorder recorder;
    private final List<RolloutHandle> handles = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public RolloutScheduler(RolloutRunner runner, int concurrency, RolloutListener listener, RolloutRecorder recorder) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.runner = runner;
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency, true);
        this.listener = listener;
        this.recorder = recorder;
    }

    /** The number of processors: the default concurrency. */
    public static int defaultConcurrency() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public int concurrency() {
        return concurrency;
    }

    /** One request per task and attempt: {@code attempts} attempts of each task. */
    public static List<RolloutRequest> attempts(List<RolloutTaskSpec> tasks, Agent agent, int attempts) {
        List<RolloutRequest> requests = new ArrayList<>();
        for (RolloutTaskSpec task : tasks) {
            for (int attempt = 1; attempt <= attempts; attempt++) {
                requests.add(new RolloutRequest(task, agent, attempt));
            }
        }
        return requests;
    }

    public List<RolloutHandle> submit(List<RolloutRequest> requests) {
        List<RolloutHandle> submitted = new ArrayList<>();
        for (RolloutRequest request : requests) {
            submitted.add(submit(request));
        }
        return submitted;
    }

    public RolloutHandle submit(RolloutRequest request) {
        RolloutHandle handle = new RolloutHandle(RolloutRunner.newKey(request), request);
        try {
            handle.rolloutId(recorder.queued(request, handle.key(), handle.createdAt()));
        } catch (Exception e) {
            LOG.warn("rollout {} could not be recorded: {}", handle.key(), e.getMessage());
        }
        handles.add(handle);
        listener.onEvent(new RolloutEvent.Queued(handle.key(), request.task().name(), request.attempt(),
                request.agent().kind()));
        Thread thread = Thread.ofVirtual().name("rollout-" + handle.key()).unstarted(() -> runOne(handle));
        threads.add(thread);
        thread.start();
        return handle;
    }

    private void runOne(RolloutHandle handle) {
        RolloutListener tracking = event -> {
            if (event instanceof RolloutEvent.PhaseStarted started) {
                handle.phase(started.phase());
            }
            listener.onEvent(event);
        };
        RolloutResult result;
        boolean acquired = false;
        try {
            slots.acquire();
            acquired = true;
            if (handle.control().isCancelled()) {
                throw new InterruptedException("cancelled while queued");
            }
            handle.status(RolloutStatus.RUNNING);
            record(() -> recorder.started(handle.rolloutId(), Instant.now()), handle);
            result = runner.run(handle.request(), handle.key(), handle.rolloutId(), handle.createdAt(), handle.control(),
                    tracking);
        } catch (InterruptedException e) {
            result = cancelledBeforeStart(handle);
            listener.onEvent(new RolloutEvent.Finished(handle.key(), result));
        } catch (RuntimeException e) {
            LOG.error("rollout {} failed unexpectedly", handle.key(), e);
            result = failedUnexpectedly(handle, e);
            listener.onEvent(new RolloutEvent.Finished(handle.key(), result));
        } finally {
            if (acquired) {
                slots.release();
            }
        }
        RolloutResult finished = result;
        record(() -> recorder.finished(handle.rolloutId(), finished), handle);
        handle.status(finished.status());
        handle.result().complete(finished);
    }

    private static RolloutResult cancelledBeforeStart(RolloutHandle handle) {
        return skeleton(handle).fail(RolloutStatus.CANCELLED, FailureMode.CANCELLED, "cancelled before it started")
                .build();
    }

    private static RolloutResult failedUnexpectedly(RolloutHandle handle, RuntimeException e) {
        return skeleton(handle).fail(RolloutStatus.ERROR, FailureMode.ENGINE_ERROR, String.valueOf(e)).build();
    }

    private static RolloutResult.Builder skeleton(RolloutHandle handle) {
        RolloutResult.Builder builder = new RolloutResult.Builder();
        RolloutRequest request = handle.request();
        builder.key = handle.key();
        builder.rolloutId = handle.rolloutId();
        builder.createdAt = handle.createdAt();
        builder.task = request.task().name();
        builder.taskDir = request.task().dir();
        builder.agentKind = request.agent().kind();
        builder.agentName = request.agent().name();
        builder.model = request.agent().model();
        builder.attempt = request.attempt();
        builder.finishedAt = Instant.now();
        builder.timings.put("total", 0.0);
        return builder;
    }

    private interface Recording {
        void run() throws Exception;
    }

    private static void record(Recording recording, RolloutHandle handle) {
        try {
            recording.run();
        } catch (Exception e) {
            LOG.warn("rollout {} could not be recorded: {}", handle.key(), e.getMessage());
        }
    }

    /** Every rollout submitted so far, in order. */
    public List<RolloutHandle> handles() {
        return List.copyOf(handles);
    }

    public void cancelAll() {
        handles.forEach(RolloutHandle::cancel);
    }

    /** Runs again, as new rollouts, every finished one that did not pass (once per rollout). */
    public List<RolloutHandle> retryFailed() {
        List<RolloutHandle> again = new ArrayList<>();
        for (RolloutHandle handle : handles) {
            if (handle.isDone() && handle.status() != RolloutStatus.PASSED && handle.markRetried()) {
                again.add(submit(handle.request()));
            }
        }
        return again;
    }

    /** Counts by status, for progress lines. */
    public Progress progress() {
        return Progress.of(handles);
    }

    /** How far the submitted rollouts are. */
    public record Progress(int total, int queued, int running, int passed, int failed, int errors) {

        /** The counts of these rollouts by status. */
        public static Progress of(java.util.Collection<RolloutHandle> rollouts) {
            int queued = 0;
            int running = 0;
            int passed = 0;
            int failed = 0;
            int other = 0;
            for (RolloutHandle handle : rollouts) {
                switch (handle.status()) {
                    case QUEUED -> queued++;
                    case RUNNING -> running++;
                    case PASSED -> passed++;
                    case FAILED -> failed++;
                    default -> other++;
                }
            }
            return new Progress(rollouts.size(), queued, running, passed, failed, other);
        }

        public int finished() {
            return passed + failed + errors;
        }

        public String describe() {
            return finished() + "/" + total + " done (" + passed + " passed, " + failed + " failed, " + errors
                    + " errors/cancelled), " + running + " running, " + queued + " queued";
        }
    }

    /**
     * Waits until every submitted rollout (including ones submitted meanwhile) is done,
     * reporting progress; a cancel of the job cancels every rollout. Results in submission order.
     */
    public List<RolloutResult> awaitAll(JobContext context) throws InterruptedException {
        return awaitAll(this::handles, this::cancelAll, context);
    }

    /**
     * Waits until every rollout that {@code handles} lists (asked again as it goes, so ones
     * submitted meanwhile count) is done, reporting progress; a cancel of the job calls
     * {@code cancelAll}. Results in the order listed.
     */
    static List<RolloutResult> awaitAll(Supplier<List<RolloutHandle>> handles, Runnable cancelAll, JobContext context)
            throws InterruptedException {
        while (true) {
            List<RolloutHandle> now = handles.get();
            Progress progress = Progress.of(now);
            context.progress(progress.finished(), progress.total());
            context.message(progress.describe());
            if (context.isCancelled()) {
                cancelAll.run();
            }
            RolloutHandle pending = now.stream().filter(handle -> !handle.isDone()).findFirst().orElse(null);
            if (pending == null) {
                return now.stream().map(handle -> handle.result().join()).toList();
            }
            try {
                pending.result().get(250, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException ignored) {
                // check progress and cancel again
            }
        }
    }

    /** Cancels whatever still runs and waits for the rollouts to clean up. */
    @Override
    public void close() {
        cancelAll();
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
