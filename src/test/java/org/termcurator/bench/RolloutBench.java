package org.termcurator.bench;

import static org.termcurator.bench.BenchArgs.intArg;
import static org.termcurator.bench.BenchArgs.stringArg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.rollouts.RolloutRecorder;
import org.termcurator.core.rollouts.RolloutRequest;
import org.termcurator.core.rollouts.RolloutResult;
import org.termcurator.core.rollouts.RolloutRunner;
import org.termcurator.core.rollouts.RolloutScheduler;
import org.termcurator.core.rollouts.RolloutStatus;
import org.termcurator.core.rollouts.agents.OracleAgent;
import org.termcurator.core.rollouts.agents.ReplayAgent;
import org.termcurator.core.rollouts.images.BaseImageMap;
import org.termcurator.core.rollouts.images.TaskImage;
import org.termcurator.core.rollouts.images.TaskImages;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;
import org.termcurator.core.terminus.TerminalCommand;

/**
 * Rollout overhead against the docker CLI doing the same steps, side by side in one run:
 * a one-command task (oracle) and a multi-step task (replayed commands), each iteration
 * alternating the two paths; then eight concurrent oracle rollouts of the sample tasks.
 * The commands themselves are trivial, so each total is the overhead of its path.
 *
 * <pre>scripts/bench.sh RolloutBench [--iterations N] [--steps S] [--docker /usr/bin/docker]</pre>
 */
public final class RolloutBench {

    private static final String BASE_IMAGE = "curator/debian:bookworm";

    private final DockerEngine engine;
    private final String docker;
    private final Path dir;
    private final RolloutRunner runner;

    private RolloutBench(DockerEngine engine, String docker, Path dir) {
        this.engine = engine;
        this.docker = docker;
        this.dir = dir;
        this.runner = new RolloutRunner(engine, new TaskImages(engine), BaseImageMap.empty(), dir.resolve("work"));
    }

    public static void main(String[] args) throws Exception {
        int iterations = intArg(args, "--iterations", 10);
        int steps = intArg(args, "--steps", 10);
        String docker = stringArg(args, "--docker", "/usr/bin/docker");
        Path dir = Files.createTempDirectory("rollout-bench");
        try (DockerEngine engine = DockerEngine.connect(DockerAddress.local())) {
            engine.ping();
            new RolloutBench(engine, docker, dir).run(iterations, steps);
        }
    }

    private void run(int iterations, int steps) throws Exception {
        Path one = task("bench-one", "echo done > /app/out\n", "[ -f /app/out ]");
        Path multi = task("bench-multi", "exit 0\n", "[ \"$(wc -l < /app/log)\" -eq " + steps + " ]");
        TaskImages images = new TaskImages(engine);
        TaskImage oneImage = images.ensure(RolloutTaskSpec.fromTaskDir(one), BaseImageMap.empty(), line -> { });
        TaskImage multiImage = images.ensure(RolloutTaskSpec.fromTaskDir(multi), BaseImageMap.empty(), line -> { });
        List<TerminalCommand> commands = new ArrayList<>();
        for (int i = 1; i <= steps; i++) {
            commands.add(new TerminalCommand("echo step " + i + " >> /app/log\n", 5.0));
        }
        ReplayAgent replay = ReplayAgent.ofCommands(commands);

        System.out.printf(Locale.ROOT, "Rollout overhead: %d iterations (after 2 warm-ups), multi-step = %d commands%n",
                iterations, steps);
        List<Double> curatorOne = new ArrayList<>();
        List<Double> cliOne = new ArrayList<>();
        List<Double> cliOneBare = new ArrayList<>();
        List<Double> curatorMulti = new ArrayList<>();
        List<Double> cliMulti = new ArrayList<>();
        List<Double> cliMultiBare = new ArrayList<>();
        for (int i = -2; i < iterations; i++) {
            boolean keep = i >= 0;
            record(keep, curatorOne, () -> rollout(one, new OracleAgent()));
            record(keep, cliOne, () -> cliOneCommand(oneImage.id(), one, true));
            record(keep, cliOneBare, () -> cliOneCommand(oneImage.id(), one, false));
            record(keep, curatorMulti, () -> rollout(multi, replay));
            record(keep, cliMulti, () -> cliMultiStep(multiImage.id(), multi, steps, true));
            record(keep, cliMultiBare, () -> cliMultiStep(multiImage.id(), multi, steps, false));
        }
        System.out.println();
        System.out.println("| task | curator rollout | docker CLI, same steps | ratio | docker CLI, run/exec/cp only | ratio |");
        System.out.println("|---|---|---|---|---|---|");
        row("one command (oracle)", curatorOne, cliOne, cliOneBare);
        row(steps + " steps (replay)", curatorMulti, cliMulti, cliMultiBare);
        System.out.println("(medians; p90: curator " + p90(curatorOne) + " / " + p90(curatorMulti) + ", CLI same steps "
                + p90(cliOne) + " / " + p90(cliMulti) + ", CLI bare " + p90(cliOneBare) + " / " + p90(cliMultiBare) + ")");
        concurrent();
        if (!engine.ownContainers().isEmpty()) {
            throw new IllegalStateException("containers left behind: " + engine.ownContainers());
        }
    }

    private double rollout(Path task, org.termcurator.core.rollouts.agents.Agent agent) {
        try {
            long start = System.nanoTime();
            RolloutResult result = runner.run(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), agent, 1),
                    event -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            if (result.status() != RolloutStatus.PASSED) {
                throw new IllegalStateException(task + ": " + result.status() + " " + result.error());
            }
            return seconds;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same steps as an oracle rollout, with the docker CLI: run, exec, cp, and (when
     * {@code diffs}) the docker diff a rollout takes after each step for its "files changed".
     */
    private double cliOneCommand(String image, Path task, boolean diffs) {
        long start = System.nanoTime();
        String id = startContainer(image);
        docker("exec", id, "mkdir", "-p", "/logs/agent", "/logs/verifier");
        docker("cp", task.resolve("solution") + "/.", id + ":/solution");
        docker("exec", id, "bash", "/solution/solve.sh");
        if (diffs) {
            docker("diff", id);
        }
        verifyAndRemove(id, task);
        return (System.nanoTime() - start) / 1e9;
    }

    /** The same steps as a replay rollout, with the docker CLI: one exec (and one diff) per command. */
    private double cliMultiStep(String image, Path task, int steps, boolean diffs) {
        long start = System.nanoTime();
        String id = startContainer(image);
        docker("exec", id, "mkdir", "-p", "/logs/agent", "/logs/verifier");
        for (int i = 1; i <= steps; i++) {
            docker("exec", id, "sh", "-c", "echo step " + i + " >> /app/log");
            if (diffs) {
                docker("diff", id);
            }
        }
        verifyAndRemove(id, task);
        return (System.nanoTime() - start) / 1e9;
    }

    private String startContainer(String image) {
        return docker("run", "-d", "--network", "none", "--memory", "512m", "--memory-swap", "512m", "--cpus", "1",
                "--pids-limit", "4096", "--label", "org.termcurator.bench=cli", image, "sleep", "infinity").strip();
    }

    private void verifyAndRemove(String id, Path task) {
        try {
            docker("cp", task.resolve("tests") + "/.", id + ":/tests");
            docker("exec", id, "bash", "/tests/test.sh");
            Path out = Files.createTempDirectory(dir, "cli-logs");
            docker("cp", id + ":/logs", out.toString());
            String reward = Files.readString(out.resolve("logs/verifier/reward.txt")).strip();
            if (!reward.equals("1")) {
                throw new IllegalStateException("the CLI path did not pass: reward " + reward);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            docker("rm", "-f", id);
        }
    }

    private String docker(String... args) {
        List<String> command = new ArrayList<>(List.of(docker));
        command.addAll(Arrays.asList(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void concurrent() throws Exception {
        Path samples = Path.of("sample-data", "tasks");
        List<RolloutTaskSpec> tasks = new ArrayList<>();
        try (var list = Files.list(samples)) {
            for (Path task : list.sorted().toList()) {
                tasks.add(RolloutTaskSpec.fromTaskDir(task));
            }
        }
        List<RolloutRequest> requests = new ArrayList<>();
        for (int i = 0; requests.size() < 8; i++) {
            requests.add(new RolloutRequest(tasks.get(i % tasks.size()), new OracleAgent(), i / tasks.size() + 1));
        }
        // Build (or find) the images first: the figure is about running, not building.
        for (RolloutTaskSpec task : tasks) {
            new TaskImages(engine).ensure(task, BaseImageMap.empty(), line -> { });
        }
        long start = System.nanoTime();
        List<RolloutResult> results;
        try (RolloutScheduler scheduler = new RolloutScheduler(runner, 8, event -> { }, RolloutRecorder.NONE)) {
            scheduler.submit(requests);
            results = scheduler.awaitAll(JobContext.unobserved());
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long passed = results.stream().filter(RolloutResult::passed).count();
        double longest = results.stream().mapToDouble(RolloutResult::seconds).max().orElse(0);
        System.out.printf(Locale.ROOT, "%nEight concurrent oracle rollouts of the sample tasks (concurrency 8): "
                        + "%d/8 passed, wall %.2f s, longest rollout %.2f s, containers left: %d%n",
                passed, wall, longest, engine.ownContainers().size());
        for (RolloutResult result : results) {
            System.out.printf(Locale.ROOT, "  %-22s #%d %-7s %.2f s %s%n", result.task(), result.attempt(),
                    result.status().dbValue(), result.seconds(), result.timings());
        }
        if (passed != 8) {
            throw new IllegalStateException("not every concurrent rollout passed");
        }
    }

    private static void record(boolean keep, List<Double> into, Supplier<Double> measure) {
        double seconds = measure.get();
        if (keep) {
            into.add(seconds);
        }
    }

    private static void row(String name, List<Double> curator, List<Double> cli, List<Double> bare) {
        double a = percentile(curator, 50);
        double b = percentile(cli, 50);
        double c = percentile(bare, 50);
        System.out.printf(Locale.ROOT, "| %s | %.3f s | %.3f s | %.2fx | %.3f s | %.2fx |%n", name, a, b, a / b, c, a / c);
    }

    private static String p90(List<Double> values) {
        return String.format(Locale.ROOT, "%.3f s", percentile(values, 90));
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private Path task(String name, String solve, String check) throws IOException {
        Path task = dir.resolve(name);
        Files.createDirectories(task.resolve("environment"));
        Files.createDirectories(task.resolve("tests"));
        Files.createDirectories(task.resolve("solution"));
        Files.writeString(task.resolve("task.toml"), "[environment]\ncpus = 1\nmemory_mb = 512\n");
        Files.writeString(task.resolve("instruction.md"), "Benchmark task.\n");
        Files.writeString(task.resolve("environment/Dockerfile"), "FROM " + BASE_IMAGE + "\nWORKDIR /app\n");
        Files.writeString(task.resolve("solution/solve.sh"), solve);
        Files.writeString(task.resolve("tests/test.sh"), "mkdir -p /logs/verifier\nif " + check
                + "; then echo 'PASSED tests/test.sh::check'; echo 1 > /logs/verifier/reward.txt;"
                + " else echo 'FAILED tests/test.sh::check'; echo 0 > /logs/verifier/reward.txt; fi\n");
        return task;
    }

}
