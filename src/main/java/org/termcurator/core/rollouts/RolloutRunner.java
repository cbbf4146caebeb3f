package org.termcurator.core.rollouts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.docker.ImageBuildException;
import org.termcurator.core.rollouts.agents.Agent;
import org.termcurator.core.rollouts.agents.AgentContext;
import org.termcurator.core.rollouts.agents.AgentException;
import org.termcurator.core.rollouts.agents.AgentTimeoutException;
import org.termcurator.core.rollouts.container.ContainerLimits;
import org.termcurator.core.rollouts.container.RolloutContainer;
import org.termcurator.core.rollouts.images.BaseImageMap;
import org.termcurator.core.rollouts.images.TaskImage;
import org.termcurator.core.rollouts.images.TaskImages;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;
import org.termcurator.core.rollouts.task.TaskSpecException;

/**
 * Runs one rollout from start to end: image, container, agent, verifier, then the files, and
 * always removes the container. Every outcome, failures included, ends as a
 * {@link RolloutResult}; nothing but a bug throws.
 */
public final class RolloutRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutRunner.class);
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DockerEngine engine;
    private final TaskImages images;
    private final BaseImageMap baseImages;
    private final Path workRoot;
    private final RolloutPolicy policy;

    /** With the built-in policy (Harbor's default limits). */
    public RolloutRunner(DockerEngine engine, TaskImages images, BaseImageMap baseImages, Path workRoot) {
        this(engine, images, baseImages, workRoot, RolloutPolicy.DEFAULT);
    }

    public RolloutRunner(DockerEngine engine, TaskImages images, BaseImageMap baseImages, Path workRoot,
                         RolloutPolicy policy) {
        this.engine = engine;
        this.images = images;
        this.baseImages = baseImages;
        this.workRoot = workRoot.toAbsolutePath().normalize();
        this.policy = policy;
    }

    /**
     * The default work root: a folder of this user's under the system temp folder, made private
     * (0700) and refused when it is a link or someone else's ({@link RolloutWorkRoot}).
     */
    public static Path defaultWorkRoot() {
        String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9._-]+", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "terminal-curator-rollouts" + (user.isEmpty() ? "" : "-" + user));
    }

    public DockerEngine engine() {
        return engine;
    }

    /** A new unique rollout key: time, task, attempt and a random suffix; safe as a folder name and a label. */
    public static String newKey(RolloutRequest request) {
        String task = request.task().name().replaceAll("[^A-Za-z0-9._-]+", "-");
        if (task.length() > 60) {
            task = task.substring(0, 60);
        }
        return KEY_TIME.format(Instant.now()) + "-" + task + "-a" + request.attempt() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    }

    public RolloutResult run(RolloutRequest request, RolloutListener listener) {
        return run(request, newKey(request), null, Instant.now(), new RolloutControl(), listener);
    }

    /**
     * Runs the rollout on the calling thread; {@code control} cancels it from elsewhere.
     * {@code rolloutId} and {@code createdAt} are its stored row's, written into result.json so
     * that an import of the work folder finds the row again.
     */
    public RolloutResult run(RolloutRequest request, String key, Long rolloutId, Instant createdAt,
                             RolloutControl control, RolloutListener listener) {
        RolloutTaskSpec task = request.task();
        Agent agent = request.agent();
        RolloutResult.Builder result = new RolloutResult.Builder();
        result.key = key;
        result.rolloutId = rolloutId;
        result.createdAt = createdAt;
        result.task = task.name();
        result.taskDir = task.dir();
        result.agentKind = agent.kind();
        result.agentName = agent.name();
        result.model = agent.model();
        result.attempt = request.attempt();
        result.status = RolloutStatus.RUNNING;
        result.startedAt = Instant.now();
        Path workDir = workRoot.resolve(key);
        result.workDir = workDir;
        PhaseClock clock = new PhaseClock(result, key, listener);
        control.runningOn(Thread.currentThread());
        RolloutContainer container = null;
        try {
            RolloutWorkRoot.prepare(workRoot);
            Files.createDirectories(workDir);
            control.checkCancelled();

            clock.start(RolloutPhase.IMAGE);
            TaskImage image = images.ensure(task, baseImages, line -> listener.onEvent(new RolloutEvent.BuildOutput(key, line)));
            result.imageId = image.id();
            result.imageReference = image.reference();
            result.imageCached = image.cached();
            result.buildLog = image.log();
            control.checkCancelled();

            clock.start(RolloutPhase.CONTAINER);
            ContainerLimits limits = ContainerLimits.of(task, policy.limits(), engine.hostResources(),
                    RolloutContainer.PIDS_LIMIT);
            result.limits = limits;
            container = RolloutContainer.start(engine, image.id(), task, key, limits);
            result.limits = container.limits();
            control.attach(container);
            control.checkCancelled();

            clock.start(RolloutPhase.AGENT);
            boolean verify = runAgent(request, key, container, workDir, listener, result);
            control.checkCancelled();

            if (verify) {
                clock.start(RolloutPhase.VERIFIER);
                verify(container, task, workDir, key, listener, result);
            }
        } catch (TaskSpecException e) {
            result.fail(RolloutStatus.ERROR, FailureMode.TASK_INVALID, e.getMessage());
        } catch (ImageBuildException e) {
            result.buildLog = e.log();
            result.fail(RolloutStatus.ERROR, FailureMode.BUILD_FAILED, e.getMessage());
        } catch (InterruptedException e) {
            result.fail(RolloutStatus.CANCELLED, FailureMode.CANCELLED, "cancelled");
        } catch (DockerEngineException e) {
            if (control.isCancelled()) {
                result.fail(RolloutStatus.CANCELLED, FailureMode.CANCELLED, "cancelled");
            } else {
                result.fail(RolloutStatus.ERROR, FailureMode.ENGINE_ERROR, e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            if (control.isCancelled()) {
                result.fail(RolloutStatus.CANCELLED, FailureMode.CANCELLED, "cancelled");
            } else {
                LOG.warn("rollout {} failed", key, e);
                result.fail(RolloutStatus.ERROR, FailureMode.ENGINE_ERROR, String.valueOf(e.getMessage()));
            }
        } finally {
            // A cancel interrupts this thread; Docker calls made while interrupted fail, and the
            // container must still go.
            Thread.interrupted();
            clock.start(RolloutPhase.TEARDOWN);
            if (container != null) {
                try {
                    container.close();
                } catch (DockerEngineException e) {
                    LOG.warn("container of rollout {} could not be removed; the reaper will: {}", key, e.getMessage());
                }
            }
            control.finished();
            Thread.interrupted(); // nor may a cancel that came during teardown leak into the caller
            clock.finish();
            writeFiles(result, workDir);
        }
        RolloutResult done = result.build();
        listener.onEvent(new RolloutEvent.Finished(key, done));
        return done;
    }

    /** Runs the agent; false when the outcome must not be verified (the agent broke). */
    private boolean runAgent(RolloutRequest request, String key, RolloutContainer container, Path workDir,
                             RolloutListener listener, RolloutResult.Builder result)
            throws DockerEngineException, InterruptedException {
        RolloutTaskSpec task = request.task();
        long deadline = System.nanoTime() + Math.round(task.agentTimeoutSec() * 1e9);
        AgentContext context = new AgentContext(task, container, key, workDir.resolve("agent.cast"), deadline,
                (seconds, code, data) -> listener.onEvent(new RolloutEvent.TerminalOutput(key, "agent", seconds, code, data)),
                step -> listener.onEvent(new RolloutEvent.StepRecorded(key, step)));
        try {
            request.agent().run(context);
            return true;
        } catch (AgentTimeoutException e) {
            result.fail(RolloutStatus.FAILED, FailureMode.AGENT_TIMEOUT, e.getMessage());
            container.stopAllProcesses();
            return true;
        } catch (AgentException e) {
            result.fail(RolloutStatus.ERROR, FailureMode.AGENT_ERROR, e.getMessage());
            return false;
        } finally {
            context.close();
            result.steps = context.steps();
            result.usage = context.usage();
            result.agentExitCode = context.exitCode();
            result.agentCast = context.castFile();
            result.agentOutput = context.output();
        }
    }

    private void verify(RolloutContainer container, RolloutTaskSpec task, Path workDir, String key,
                        RolloutListener listener, RolloutResult.Builder result)
            throws DockerEngineException, InterruptedException, IOException {
        Verifier.Outcome outcome = Verifier.run(container, task, workDir,
                (seconds, code, data) -> listener.onEvent(new RolloutEvent.TerminalOutput(key, "tests", seconds, code, data)));
        result.testsCast = outcome.castFile();
        result.verifierExitCode = outcome.exitCode();
        result.verifierOutput = outcome.output();
        result.verifierStderr = outcome.stderr();
        result.tests = outcome.tests();
        if (outcome.timedOut()) {
            result.fail(RolloutStatus.FAILED, FailureMode.VERIFIER_TIMEOUT,
                    "the verifier ran out of time after " + AgentContext.seconds(task.verifierTimeoutSec()));
            return;
        }
        if (outcome.rewardError() != null) {
            result.fail(RolloutStatus.ERROR, FailureMode.NO_REWARD, outcome.rewardError());
            return;
        }
        result.reward = outcome.rewards().reward();
        result.rewards = outcome.rewards().all();
        result.status = result.reward >= 1.0 ? RolloutStatus.PASSED : RolloutStatus.FAILED;
    }

    private static void writeFiles(RolloutResult.Builder result, Path workDir) {
        try {
            if (Files.isDirectory(workDir)) {
                if (!result.buildLog.isEmpty()) {
                    RolloutFiles.writeText(workDir.resolve("build.log"), result.buildLog);
                }
                if (!result.steps.isEmpty()) {
                    result.trajectoryFile = workDir.resolve("trajectory.json");
                    RolloutFiles.writeTrajectory(result.trajectoryFile, result.build());
                }
                RolloutFiles.writeResult(workDir.resolve("result.json"), result.build());
            }
        } catch (IOException e) {
            LOG.warn("cannot write the files of rollout {} in {}: {}", result.key, workDir, e.getMessage());
            if (result.error == null) {
                result.error = "cannot write the rollout's files in " + workDir + ": " + e.getMessage();
            }
        }
    }

    /** Times the phases and tells the listener when one starts. */
    private static final class PhaseClock {
        private final RolloutResult.Builder result;
        private final String key;
        private final RolloutListener listener;
        private final long startNanos = System.nanoTime();
        private RolloutPhase current;
        private long currentStart;

        PhaseClock(RolloutResult.Builder result, String key, RolloutListener listener) {
            this.result = result;
            this.key = key;
            this.listener = listener;
        }

        void start(RolloutPhase phase) {
            stopCurrent();
            current = phase;
            currentStart = System.nanoTime();
            listener.onEvent(new RolloutEvent.PhaseStarted(key, phase));
        }

        void finish() {
            stopCurrent();
            result.timings.put("total", seconds(System.nanoTime() - startNanos));
            result.finishedAt = Instant.now();
        }

        private void stopCurrent() {
            if (current != null) {
                result.timings.merge(current.key(), seconds(System.nanoTime() - currentStart), Double::sum);
                current = null;
            }
        }

        private static double seconds(long nanos) {
            return Math.round(nanos / 1e6) / 1e3;
        }
    }
}
