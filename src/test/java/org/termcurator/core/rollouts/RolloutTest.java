package org.termcurator.core.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.docker.ContainerOwner;
import org.termcurator.core.docker.ContainerSpec;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerTestSupport;
import org.termcurator.core.docker.ExecResult;
import org.termcurator.core.docker.FileChange;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.agents.OracleAgent;
import org.termcurator.core.rollouts.agents.ReplayAgent;
import org.termcurator.core.rollouts.agents.RolloutStep;
import org.termcurator.core.rollouts.container.RolloutContainer;
import org.termcurator.core.rollouts.images.BaseImageMap;
import org.termcurator.core.rollouts.images.TaskImage;
import org.termcurator.core.rollouts.images.TaskImages;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;
import org.termcurator.core.rollouts.task.TaskSpecException;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.trajectories.Attachment;
import org.termcurator.core.trajectories.TrajectoryDetail;
import org.termcurator.core.trajectories.TrajectoryQueries;
import org.termcurator.core.verifier.TestResult;
import org.termcurator.core.verifier.TestStatus;

@Tag("docker")
/** Rollouts end to end on the real engine: runner, scheduler, store, clean-up of leftovers. */
class RolloutTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final RolloutEngineExtension docker = new RolloutEngineExtension();

    private DockerEngine engine;
    private RolloutRunner runner;
    private final List<RolloutEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() {
        engine = docker.engine();
        runner = new RolloutRunner(engine, new TaskImages(engine), BaseImageMap.empty(), dir.resolve("work"));
    }

    private static final String CHECK_DONE_TEST = """
            mkdir -p /logs/verifier
            if [ -f /app/done ]; then echo "PASSED tests/test.sh::test_done"; echo 1 > /logs/verifier/reward.txt
            else echo "FAILED tests/test.sh::test_done - /app/done is missing"; echo 0 > /logs/verifier/reward.txt; fi
            """;

    private Path smallTask(String name, String toml, String testSh, String solveSh) throws Exception {
        return SampleTasks.minimal(dir, name, toml, "FROM " + DockerTestSupport.DEBIAN_IMAGE + "\nWORKDIR /app\n",
                testSh, solveSh);
    }

    @Test
    void theOracleSolvesASampleTaskAndEverythingIsRecorded() throws Exception {
        RolloutTaskSpec task = RolloutTaskSpec.fromTaskDir(SampleTasks.dir("sales-by-region"));
        RolloutResult result = runner.run(new RolloutRequest(task, new OracleAgent(), 1), events::add);

        assertThat(result.status()).as(result.error() + "\n" + result.verifierOutput()).isEqualTo(RolloutStatus.PASSED);
        assertThat(result.reward()).isEqualTo(1.0);
        assertThat(result.tests()).hasSize(6).allSatisfy(test ->
                assertThat(test.status()).isEqualTo(TestStatus.PASSED));
        assertThat(result.agentExitCode()).isZero();
        assertThat(result.verifierExitCode()).isZero();
        assertThat(result.timings()).containsKeys("image", "container", "agent", "verifier", "teardown", "total");
        assertThat(result.imageId()).startsWith("sha256:");
        assertThat(result.steps()).hasSize(1);
        RolloutStep step = result.steps().getFirst();
        assertThat(step.toolCalls().getFirst().arguments()).containsEntry("keystrokes", "bash /solution/solve.sh\n");
        assertThat(step.filesChanged()).contains(new FileChange("/app/summary.csv", FileChange.Kind.ADDED));
        assertThat(step.filesChanged()).noneMatch(change -> change.path().startsWith("/solution"));
        assertThat(result.verifierOutput()).contains("PASSED tests/test.sh::test_header");

        assertThat(result.workDir()).isDirectory();
        assertThat(Files.readString(result.agentCast()).lines().findFirst().orElseThrow()).contains("\"version\":2");
        assertThat(Files.readString(result.testsCast())).contains("PASSED tests/test.sh::test_total_line");
        assertThat(result.workDir().resolve("logs/verifier/reward.txt")).hasContent("1");
        assertThat(Files.readString(result.trajectoryFile())).contains("\"schema_version\" : \"ATIF-v1.4\"")
                .contains("\"files_changed\"").contains("/app/summary.csv");
        assertThat(Files.readString(result.workDir().resolve("result.json"))).contains("\"status\" : \"passed\"");

        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(RolloutEvent.Finished.class));
        assertThat(events).filteredOn(e -> e instanceof RolloutEvent.TerminalOutput t && t.cast().equals("tests"))
                .isNotEmpty();
    }

    @Test
    void everySampleTaskPassesWithTheOracleAndTheRowsAreStored() throws Exception {
        List<RolloutTaskSpec> tasks = SampleTasks.NAMES.stream().map(name -> {
            try {
                return RolloutTaskSpec.fromTaskDir(SampleTasks.dir(name));
            } catch (TaskSpecException e) {
                throw new AssertionError(e);
            }
        }).toList();
        try (ProjectDb db = ProjectDb.create(dir.resolve("p.curator"));
             RolloutScheduler scheduler = new RolloutScheduler(runner, 2, events::add, new RolloutStore(db))) {
            scheduler.submit(RolloutScheduler.attempts(tasks, new OracleAgent(), 1));
            List<RolloutResult> results = scheduler.awaitAll(JobContext.unobserved());

            assertThat(results).hasSize(5).allSatisfy(result -> assertThat(result.status())
                    .as(result.task() + ": " + result.error() + "\n" + result.verifierOutput())
                    .isEqualTo(RolloutStatus.PASSED));
            assertThat(results).extracting(RolloutResult::task).containsExactlyElementsOf(SampleTasks.NAMES);
            assertThat(results).allSatisfy(result -> assertThat(result.tests()).isNotEmpty()
                    .allSatisfy(test -> assertThat(test.status()).isEqualTo(TestStatus.PASSED)));

            List<RolloutStore.Row> rows = new RolloutStore(db).list();
            assertThat(rows).hasSize(5).allSatisfy(row -> {
                assertThat(row.status()).isEqualTo(RolloutStatus.PASSED);
                assertThat(row.agent()).isEqualTo("oracle");
                assertThat(row.reward()).isEqualTo(1.0);
                assertThat(row.exitCode()).isZero();
                assertThat(row.imageId()).startsWith("sha256:");
                assertThat(row.timingsJson()).contains("\"agent\"").contains("\"total\"");
                assertThat(row.createdAt()).isNotNull();
                assertThat(row.startedAt()).isNotNull();
                assertThat(row.finishedAt()).isNotNull();
                assertThat(row.trajectoryId()).isNotNull();
            });
            // each rollout is also a trajectory of the project: steps, tests, casts
            TrajectoryQueries trajectories = new TrajectoryQueries(db);
            TrajectoryDetail detail = trajectories.detail(rows.getFirst().trajectoryId()).orElseThrow();
            assertThat(detail.row().format()).isEqualTo("rollout");
            assertThat(detail.row().taskName()).isEqualTo("access-log-report");
            assertThat(detail.row().resolved()).isTrue();
            assertThat(detail.row().reward()).isEqualTo(1.0);
            assertThat(detail.steps()).singleElement().satisfies(step -> {
                assertThat(step.role()).isEqualTo("assistant");
                assertThat(step.commands()).extracting(TerminalCommand::keystrokes)
                        .containsExactly("bash /solution/solve.sh\n");
                assertThat(step.castTime()).isNotNull();
                assertThat(step.extra().path("extra").path("files_changed").toString()).contains("/app/report/top_ips.txt");
            });
            assertThat(detail.tests()).hasSize(5).allSatisfy(test ->
                    assertThat(test.status()).isEqualTo(TestStatus.PASSED));
            assertThat(detail.attachments()).extracting(TrajectoryDetail.AttachmentInfo::kind)
                    .contains(Attachment.Kind.AGENT_CAST, Attachment.Kind.TESTS_CAST, Attachment.Kind.LOG);
            TrajectoryDetail.AttachmentInfo testsCast = detail.attachments().stream()
                    .filter(info -> info.kind() == Attachment.Kind.TESTS_CAST).findFirst().orElseThrow();
            assertThat(new String(trajectories.attachmentData(testsCast.id()).orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("{\"version\":2").contains("tests/test.sh::test_logs_unchanged");
            assertThat(detail.extra().path("result.json").path("key").asText()).isEqualTo(results.getFirst().key());
            assertThat(detail.row().trialName()).isEqualTo(results.getFirst().key());
            // never more than two at once: phases of a third only start after one finished
            assertThat(scheduler.progress().passed()).isEqualTo(5);
        }
        assertThat(events).filteredOn(e -> e instanceof RolloutEvent.Queued).hasSize(5);
        assertThat(events).filteredOn(e -> e instanceof RolloutEvent.Finished).hasSize(5);
    }

    @Test
    void aBrokenSolutionFailsWithRewardZeroAndSaysWhichTestsFailed() throws Exception {
        Path task = SampleTasks.copy("sales-by-region", dir);
        Files.writeString(task.resolve("solution/solve.sh"), "#!/bin/bash\necho 'region,orders,units,revenue' > /app/summary.csv\n");
        RolloutResult result = runner.run(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), new OracleAgent(), 1),
                events::add);

        assertThat(result.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(result.failureMode()).isEqualTo(FailureMode.NONE);
        assertThat(result.reward()).isEqualTo(0.0);
        assertThat(result.tests()).extracting(TestResult::name, TestResult::status).contains(
                org.assertj.core.groups.Tuple.tuple("tests/test.sh::test_header", TestStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple("tests/test.sh::test_region_rows", TestStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple("tests/test.sh::test_total_line", TestStatus.FAILED));
        assertThat(result.tests()).filteredOn(test -> test.name().endsWith("test_total_line")).singleElement()
                .satisfies(test -> assertThat(test.message()).contains("expected last line"));
    }

    @Test
    void anAgentTimeoutStopsTheAgentAndTheVerifierStillJudges() throws Exception {
        Path task = smallTask("slow-solution", "[agent]\ntimeout_sec = 2\n", CHECK_DONE_TEST,
                "sleep 1000 && touch /app/done\n");
        RolloutResult result = runner.run(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), new OracleAgent(), 1),
                events::add);

        assertThat(result.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(result.failureMode()).isEqualTo(FailureMode.AGENT_TIMEOUT);
        assertThat(result.error()).contains("ran out of time after 2 s");
        assertThat(result.reward()).isEqualTo(0.0);
        assertThat(result.tests()).singleElement().satisfies(test ->
                assertThat(test.status()).isEqualTo(TestStatus.FAILED));
        assertThat(result.timings().get("agent")).isLessThan(30.0);
    }

    @Test
    void aVerifierTimeoutEndsTheRolloutWithoutAReward() throws Exception {
        Path task = smallTask("slow-tests", "[verifier]\ntimeout_sec = 2\n",
                "mkdir -p /logs/verifier; echo 1 > /logs/verifier/reward.txt; sleep 1000\n", "touch /app/done\n");
        RolloutResult result = runner.run(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), new OracleAgent(), 1),
                events::add);

        assertThat(result.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(result.failureMode()).isEqualTo(FailureMode.VERIFIER_TIMEOUT);
        assertThat(result.reward()).isNull();
        assertThat(result.verifierExitCode()).isNull();
        assertThat(result.testsCast()).exists();
    }

    @Test
    void cancelRemovesTheContainerAtOnce() throws Exception {
        Path task = smallTask("long-solution", "", CHECK_DONE_TEST, "sleep 1000\n");
        CountDownLatch agentStarted = new CountDownLatch(1);
        try (RolloutScheduler scheduler = new RolloutScheduler(runner, 1, event -> {
            events.add(event);
            if (event instanceof RolloutEvent.PhaseStarted started && started.phase() == RolloutPhase.AGENT) {
                agentStarted.countDown();
            }
        }, RolloutRecorder.NONE)) {
            RolloutHandle running = scheduler.submit(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), new OracleAgent(), 1));
            RolloutHandle queued = scheduler.submit(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), new OracleAgent(), 2));
            assertThat(agentStarted.await(60, TimeUnit.SECONDS)).isTrue();
            String container = engine.ownContainers().stream().findFirst().orElseThrow();

            running.cancel();
            queued.cancel();

            RolloutResult cancelled = running.result().get(30, TimeUnit.SECONDS);
            assertThat(cancelled.status()).isEqualTo(RolloutStatus.CANCELLED);
            assertThat(cancelled.failureMode()).isEqualTo(FailureMode.CANCELLED);
            assertThat(engine.ownContainers()).doesNotContain(container);
            assertThat(queued.result().get(30, TimeUnit.SECONDS).status()).isEqualTo(RolloutStatus.CANCELLED);
            assertThat(cancelled.seconds()).isLessThan(30.0);
        }
    }

    @Test
    void containersHaveNoNetworkTheMemoryLimitAndTheLabels() throws Exception {
        Path task = smallTask("inspect-me", "[environment]\nmemory_mb = 256\ncpus = 0.5\n", CHECK_DONE_TEST,
                "touch /app/done; ls /sys/class/net > /app/interfaces\n");
        RolloutTaskSpec spec = RolloutTaskSpec.fromTaskDir(task);
        TaskImage image = new TaskImages(engine).ensure(spec, BaseImageMap.empty(), line -> { });
        try (RolloutContainer container = RolloutContainer.start(engine, image.id(), spec, "test-key")) {
            var inspect = engine.client().inspectContainerCmd(container.id()).exec();
            assertThat(inspect.getHostConfig().getMemory()).isEqualTo(256L * 1024 * 1024);
            assertThat(inspect.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
            assertThat(inspect.getHostConfig().getPrivileged()).isFalse();
            assertThat(inspect.getHostConfig().getNetworkMode()).isEqualTo("none");
            assertThat(inspect.getHostConfig().getBinds()).isNullOrEmpty();
            assertThat(inspect.getMounts()).isEmpty();
            assertThat(inspect.getConfig().getLabels()).containsEntry(DockerEngine.MANAGED_LABEL, "true")
                    .containsEntry(RolloutContainer.ROLLOUT_LABEL, "test-key")
                    .containsEntry(RolloutContainer.TASK_LABEL, "inspect-me")
                    .containsEntry(DockerEngine.OWNER_LABEL, ContainerOwner.current().label());
            ExecResult interfaces = container.exec(List.of("ls", "/sys/class/net"));
            assertThat(interfaces.stdout().split("\\s+")).containsExactly("lo");
        }
        RolloutResult result = runner.run(new RolloutRequest(spec, new OracleAgent(), 1), events::add);
        assertThat(result.status()).isEqualTo(RolloutStatus.PASSED);
    }

    @Test
    void aContainerIsRemovedEvenWhenACancelHasInterruptedTheThread() throws Exception {
        Path task = smallTask("cancelled-start", "", CHECK_DONE_TEST, "touch /app/done\n");
        RolloutTaskSpec spec = RolloutTaskSpec.fromTaskDir(task);
        TaskImage image = new TaskImages(engine).ensure(spec, BaseImageMap.empty(), line -> { });
        RolloutContainer container = RolloutContainer.start(engine, image.id(), spec, "cancelled-key");
        Thread.currentThread().interrupt();
        boolean stillInterrupted;
        try {
            container.removeEvenIfInterrupted();
        } finally {
            stillInterrupted = Thread.interrupted();
        }
        assertThat(stillInterrupted).as("the cancel stays visible to the caller").isTrue();
        assertThat(engine.ownContainers()).doesNotContain(container.id());
    }

    @Test
    void cleaningUpRemovesLeftoversOfADeadProcessAndMarksTheirRolloutsInterrupted() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        ContainerOwner dead = new ContainerOwner(ContainerOwner.current().host(), gone.pid(),
                ContainerOwner.current().startMillis());
        String leftover = engine.createContainer(ContainerSpec.idle(DockerTestSupport.BUSYBOX_IMAGE)
                .withLabels(java.util.Map.of(DockerEngine.OWNER_LABEL, dead.label())));
        engine.start(leftover);
        String ours = engine.createContainer(ContainerSpec.idle(DockerTestSupport.BUSYBOX_IMAGE));
        try (ProjectDb db = ProjectDb.create(dir.resolve("p.curator"))) {
            RolloutStore store = new RolloutStore(db);
            RolloutTaskSpec spec = RolloutTaskSpec.fromTaskDir(SampleTasks.dir("sales-by-region"));
            Long crashed = store.queued(new RolloutRequest(spec, new OracleAgent(), 1), "k1", java.time.Instant.now());
            store.started(crashed, java.time.Instant.now());
            Long waiting = store.queued(new RolloutRequest(spec, new OracleAgent(), 2), "k2", java.time.Instant.now());

            LeftoverRollouts.Report report = LeftoverRollouts.clean(db, engine);

            assertThat(report.removed()).contains(leftover).doesNotContain(ours);
            assertThat(report.spared()).contains(ours);
            assertThat(report.interrupted()).isEqualTo(2);
            assertThat(engine.managedContainers()).doesNotContain(leftover).contains(ours);
            assertThat(store.list()).extracting(RolloutStore.Row::id, RolloutStore.Row::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(crashed, RolloutStatus.INTERRUPTED),
                    org.assertj.core.groups.Tuple.tuple(waiting, RolloutStatus.INTERRUPTED));
            assertThat(store.list()).allSatisfy(row -> assertThat(row.error()).isEqualTo(LeftoverRollouts.INTERRUPTED_MESSAGE));
        } finally {
            engine.remove(ours);
            engine.remove(leftover);
        }
    }

    @Test
    void retryRunsFailedRolloutsAgain() throws Exception {
        Path task = smallTask("flaky", "", CHECK_DONE_TEST, "exit 0\n");
        try (RolloutScheduler scheduler = new RolloutScheduler(runner, 2, events::add, RolloutRecorder.NONE)) {
            scheduler.submit(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), new OracleAgent(), 1));
            assertThat(scheduler.awaitAll(JobContext.unobserved())).singleElement()
                    .satisfies(result -> assertThat(result.status()).isEqualTo(RolloutStatus.FAILED));
            Files.writeString(task.resolve("solution/solve.sh"), "touch /app/done\n");

            List<RolloutHandle> again = scheduler.retryFailed();
            assertThat(again).hasSize(1);
            assertThat(scheduler.retryFailed()).as("retried only once").isEmpty();
            List<RolloutResult> all = scheduler.awaitAll(JobContext.unobserved());
            assertThat(all).extracting(RolloutResult::status).containsExactly(RolloutStatus.FAILED, RolloutStatus.PASSED);
        }
    }

    @Test
    void replayedCommandsRunInAShellWithStepsAndFilesChanged() throws Exception {
        Path task = smallTask("replay-me", "", CHECK_DONE_TEST, "exit 0\n");
        ReplayAgent replay = ReplayAgent.ofCommands(List.of(
                new TerminalCommand("cd /app\n", 5.0),
                new TerminalCommand("sleep 30", 0.0),
                new TerminalCommand("C-c", 5.0),
                new TerminalCommand("echo made > made.txt && touch done\n", 5.0)));
        RolloutResult result = runner.run(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), replay, 1), events::add);

        assertThat(result.status()).as(result.error() + "\n" + result.agentOutput()).isEqualTo(RolloutStatus.PASSED);
        assertThat(result.steps()).hasSize(4);
        assertThat(result.steps().get(3).filesChanged()).containsExactly(
                new FileChange("/app/done", FileChange.Kind.ADDED), new FileChange("/app/made.txt", FileChange.Kind.ADDED));
        assertThat(result.steps().get(0).filesChanged()).isEmpty();
        assertThat(result.agentOutput()).contains("^C");
        assertThat(result.timings().get("agent")).as("the shell's prompt ends each wait early").isLessThan(10.0);
        assertThat(Files.readString(result.agentCast())).contains("\"i\",\"C-c\"");
    }

    @Test
    void waitsNeverOutlastTheAgentsTime() throws Exception {
        Path task = smallTask("patient", "[agent]\ntimeout_sec = 1.5\n", CHECK_DONE_TEST, "exit 0\n");
        ReplayAgent replay = ReplayAgent.ofCommands(List.of(new TerminalCommand("", 60.0)));
        long start = System.nanoTime();
        RolloutResult result = runner.run(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), replay, 1), events::add);
        assertThat(result.failureMode()).isEqualTo(FailureMode.AGENT_TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(40));
    }
}
