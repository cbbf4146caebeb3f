package org.termcurator.core.generation;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.termcurator.core.docker.ContainerSpec;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.docker.ExecResult;
import org.termcurator.core.verifier.Rewards;

/**
 * Oracle-free validation of a generated task: build its environment, run its tests against
 * the untouched environment, and read the reward. Tests that already pass before any work
 * mean the task is trivial; tests that cannot even produce a reward mean they are broken.
 * The image and container are removed afterwards.
 */
public final class OracleFreeValidator {

    private final DockerEngine engine;
    private final Duration buildTimeout;
    private final Duration testTimeout;

    public enum Verdict {
        /** The tests fail on the untouched environment, as they should. */
        OK,
        /** The tests already pass: nothing is left for an agent to do. */
        TRIVIAL,
        /** The environment does not build. */
        BUILD_FAILED,
        /** test.sh ran but wrote no readable reward. */
        TESTS_BROKEN
    }

    public record Validation(Verdict verdict, Double reward, String detail) {
    }

    public OracleFreeValidator(DockerEngine engine, Duration buildTimeout, Duration testTimeout) {
        this.engine = engine;
        this.buildTimeout = buildTimeout;
        this.testTimeout = testTimeout;
    }

    public Validation validate(Path taskFolder) throws DockerEngineException, InterruptedException {
        Path environment = taskFolder.resolve("environment");
        Path tests = taskFolder.resolve("tests");
        if (!Files.isRegularFile(environment.resolve("Dockerfile"))) {
            return new Validation(Verdict.BUILD_FAILED, null, taskFolder + " has no environment/Dockerfile");
        }
        if (!Files.isRegularFile(tests.resolve("test.sh"))) {
            return new Validation(Verdict.TESTS_BROKEN, null, taskFolder + " has no tests/test.sh");
        }
        DockerClient client = engine.client();
        String tag = "curator-validate/" + taskFolder.getFileName().toString().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_.-]+", "-") + ":" + UUID.randomUUID().toString().substring(0, 8);
        try {
            engine.streamingClient().buildImageCmd(environment.toFile()).withTags(Set.of(tag))
                    .withLabels(Map.of(DockerEngine.MANAGED_LABEL, "true")).withPull(false).withRemove(true)
                    .exec(new BuildImageResultCallback()).awaitImageId(buildTimeout.toSeconds(), TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            return new Validation(Verdict.BUILD_FAILED, null, "the environment does not build: " + message(e));
        }
        String container = null;
        try {
            container = engine.createContainer(ContainerSpec.idle(tag));
            engine.start(container);
            try {
                client.copyArchiveToContainerCmd(container).withHostResource(tests.toString()).withRemotePath("/").exec();
            } catch (RuntimeException e) {
                throw new DockerEngineException("cannot copy the tests into the container: " + message(e), false, e);
            }
            ExecResult run = engine.exec(container, List.of("bash", "-c", "mkdir -p /logs/verifier && bash /tests/test.sh"),
                    testTimeout);
            ExecResult reward = engine.exec(container, List.of("cat", "/logs/verifier/reward.txt"), Duration.ofSeconds(30));
            if (!reward.succeeded()) {
                return new Validation(Verdict.TESTS_BROKEN, null, "test.sh wrote no /logs/verifier/reward.txt"
                        + (run.timedOut() ? " (it ran out of time)" : " (exit " + run.exitCode() + "): " + tail(run.stderr() + run.stdout())));
            }
            Double value = Rewards.rewardText(reward.stdout());
            if (value == null) {
                return new Validation(Verdict.TESTS_BROKEN, null, "reward.txt holds '" + reward.stdout().strip() + "', not a number");
            }
            return value >= 1.0
                    ? new Validation(Verdict.TRIVIAL, value, "the tests pass on the untouched environment (reward " + value + ")")
                    : new Validation(Verdict.OK, value, "the tests fail on the untouched environment (reward " + value + ")");
        } finally {
            if (container != null) {
                engine.remove(container);
            }
            try {
                client.removeImageCmd(tag).withForce(true).exec();
            } catch (RuntimeException ignored) {
                // the image may not exist when the build failed half-way
            }
        }
    }

    private static String message(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.strip();
    }

    private static String tail(String text) {
        String stripped = text.strip();
        return stripped.length() > 400 ? "…" + stripped.substring(stripped.length() - 400) : stripped;
    }
}
