package org.termcurator.core.rollouts.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerTestSupport;
import org.termcurator.core.docker.FileChange;
import org.termcurator.core.llm.ChatClient;
import org.termcurator.core.llm.ChatEndpoint;
import org.termcurator.core.llm.FakeChatServer;
import org.termcurator.core.llm.RetryPolicy;
import org.termcurator.core.llm.TokenUsage;
import org.termcurator.core.rollouts.RolloutEngineExtension;
import org.termcurator.core.rollouts.RolloutRequest;
import org.termcurator.core.rollouts.RolloutResult;
import org.termcurator.core.rollouts.RolloutRunner;
import org.termcurator.core.rollouts.RolloutStatus;
import org.termcurator.core.rollouts.SampleTasks;
import org.termcurator.core.rollouts.images.BaseImageMap;
import org.termcurator.core.rollouts.images.TaskImages;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;

@Tag("docker")
class TerminusAgentTest {

    private static final String KEY = "sk-test-do-not-leak-4711";

    @TempDir
    Path dir;

    @RegisterExtension
    final RolloutEngineExtension docker = new RolloutEngineExtension();

    private DockerEngine engine;
    private FakeChatServer server;

    @BeforeEach
    void start() throws Exception {
        engine = docker.engine();
        server = new FakeChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String turn(String analysis, String keystrokes, boolean complete) {
        String commands = keystrokes == null ? "[]"
                : "[{\"keystrokes\": \"" + keystrokes.replace("\n", "\\n") + "\", \"duration\": 5}]";
        return "{\"analysis\": \"" + analysis + "\", \"plan\": \"p\", \"commands\": " + commands
                + ", \"task_complete\": " + complete + "}";
    }

    @Test
    void solvesATaskThroughParseErrorsARateLimitAndATimeoutAndRecordsEveryTurn() throws Exception {
        Path task = SampleTasks.minimal(dir, "write-ok", "[agent]\ntimeout_sec = 120\n[verifier]\ntimeout_sec = 30\n",
                "FROM " + DockerTestSupport.DEBIAN_IMAGE + "\nWORKDIR /app\n", """
                        mkdir -p /logs/verifier
                        if [ "$(cat /app/done.txt 2>/dev/null)" = ok ]; then
                            echo "PASSED tests/test.sh::test_done"; echo 1 > /logs/verifier/reward.txt
                        else
                            echo "FAILED tests/test.sh::test_done - no ok in /app/done.txt"; echo 0 > /logs/verifier/reward.txt
                        fi
                        """, "exit 0\n");
        server.then(FakeChatServer.Reply.answer("Sure! {\"analysis\": \"start\", \"plan\": \"write\", \"commands\": [", 100, 10, 50),
                FakeChatServer.Reply.status(429, Map.of("Retry-After", "1")),
                FakeChatServer.Reply.answer("I will write the file.\n```json\n"
                        + turn("write it", "echo ok > /app/done.txt\n", false) + "\n```", 200, 20, 100),
                FakeChatServer.Reply.answer(turn("late", null, true), 1, 1, 0).delayed(3000),
                FakeChatServer.Reply.answer(turn("check", "cat /app/done.txt\n", true), 300, 30, 150),
                FakeChatServer.Reply.answer(turn("sure", null, true), 400, 40, 200));
        ChatClient client = new ChatClient(new ChatEndpoint(server.baseUrl(), "scripted-model", "CURATOR_TEST_KEY"),
                new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(1)),
                name -> name.equals("CURATOR_TEST_KEY") ? KEY : null, new TokenUsage());
        TerminusAgent agent = new TerminusAgent(client, TerminusAgent.Options.DEFAULTS.withPrices(1.0, 2.0));
        RolloutRunner runner = new RolloutRunner(engine, new TaskImages(engine), BaseImageMap.empty(), dir.resolve("work"));

        RolloutResult result = runner.run(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), agent, 1),
                event -> { });

        assertThat(result.status()).as(result.error() + "\n" + result.agentOutput()).isEqualTo(RolloutStatus.PASSED);
        assertThat(result.reward()).isEqualTo(1.0);
        assertThat(result.agentKind()).isEqualTo("llm");
        assertThat(result.model()).isEqualTo("scripted-model");

        List<FakeChatServer.Request> requests = server.requests();
        assertThat(requests).hasSize(6);
        assertThat(requests).allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer " + KEY));
        assertThat(requests.get(0).lastMessage()).contains("Task Description:\nDo the thing in /app.")
                .contains("Current terminal state:\n").contains(":/app#"); // the shell's screen, prompt included
        assertThat(requests.get(1).lastMessage()).startsWith("Previous response had parsing errors:");
        assertThat(requests.get(3).lastMessage()).startsWith("Previous response had warnings:")
                .contains("Extra text detected");
        assertThat(requests.get(5).lastMessage()).contains("Are you sure you want to mark the task as complete?");

        List<RolloutStep> steps = result.steps();
        assertThat(steps).extracting(RolloutStep::source).containsExactly("system", "agent", "agent", "agent", "agent");
        assertThat(steps.get(1).parseStatus()).isEqualTo("parse_error");
        RolloutStep write = steps.get(2);
        assertThat(write.toolCalls()).singleElement().satisfies(call ->
                assertThat(call.arguments()).containsEntry("keystrokes", "echo ok > /app/done.txt\n"));
        assertThat(write.filesChanged()).contains(new FileChange("/app/done.txt", FileChange.Kind.ADDED));
        assertThat(write.extra().get("retries").toString()).contains("HTTP 429");
        assertThat(write.castTime()).isNotNull().isPositive();
        assertThat(steps.get(3).extra().get("retries").toString()).contains("no answer from").contains("within 1 s");
        assertThat(steps.get(3).toolCalls()).extracting(RolloutStep.ToolCall::functionName)
                .containsExactly("bash_command", "mark_task_complete");
        assertThat(steps.get(3).observation()).contains("Are you sure").contains("ok");
        assertThat(steps.get(4).extra()).containsEntry("confirmed", true);

        assertThat(result.usage().calls()).isEqualTo(4);
        assertThat(result.usage().promptTokens()).isEqualTo(100 + 200 + 300 + 400);
        assertThat(result.usage().completionTokens()).isEqualTo(10 + 20 + 30 + 40);
        assertThat(result.usage().cachedTokens()).isEqualTo(50 + 100 + 150 + 200);
        assertThat(result.usage().costUsd()).isCloseTo((1000 * 1.0 + 100 * 2.0) / 1e6, org.assertj.core.data.Offset.offset(1e-12));

        String cast = Files.readString(result.agentCast());
        assertThat(cast).contains("echo ok > /app/done.txt");
        assertThat(cast.lines().skip(1)).anySatisfy(line -> assertThat(line).contains("\"m\"", "step 2"));
        assertThat(Files.readString(result.trajectoryFile())).contains("\"mark_task_complete\"")
                .contains("\"total_prompt_tokens\" : 1000");
        try (Stream<Path> files = Files.walk(result.workDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(KEY);
            }
        }
    }

    private ChatClient client() {
        return new ChatClient(new ChatEndpoint(server.baseUrl(), "m", null), RetryPolicy.standard(), name -> null,
                new TokenUsage());
    }

    private Path writeOkTask() throws Exception {
        return SampleTasks.minimal(dir, "write-ok", "[agent]\ntimeout_sec = 120\n",
                "FROM " + DockerTestSupport.DEBIAN_IMAGE + "\nWORKDIR /app\n", """
                        mkdir -p /logs/verifier
                        if [ "$(cat /app/done.txt 2>/dev/null)" = ok ]; then echo 1 > /logs/verifier/reward.txt
                        else echo 0 > /logs/verifier/reward.txt; fi
                        """, "exit 0\n");
    }

    @Test
    void runningOutOfTurnsLeavesTheVerdictToTheVerifier() throws Exception {
        Path task = writeOkTask();
        server.then(FakeChatServer.Reply.answer(turn("look", "ls\n", false)),
                FakeChatServer.Reply.answer(turn("look again", "ls -la\n", false)));
        TerminusAgent agent = new TerminusAgent(client(), TerminusAgent.Options.DEFAULTS.withMaxTurns(2));
        RolloutRunner runner = new RolloutRunner(engine, new TaskImages(engine), BaseImageMap.empty(), dir.resolve("work"));

        RolloutResult result = runner.run(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), agent, 1), event -> { });

        assertThat(result.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(result.reward()).isEqualTo(0.0);
        assertThat(result.steps()).hasSize(3);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void anEndpointThatRefusesEndsTheRolloutAsAnErrorWithoutVerifying() throws Exception {
        Path task = writeOkTask();
        server.then(FakeChatServer.Reply.status(401, Map.of()));
        TerminusAgent agent = new TerminusAgent(client(), TerminusAgent.Options.DEFAULTS);
        RolloutRunner runner = new RolloutRunner(engine, new TaskImages(engine), BaseImageMap.empty(), dir.resolve("work"));

        RolloutResult result = runner.run(new RolloutRequest(RolloutTaskSpec.fromTaskDir(task), agent, 1), event -> { });

        assertThat(result.status()).isEqualTo(RolloutStatus.ERROR);
        assertThat(result.failureMode()).isEqualTo(org.termcurator.core.rollouts.FailureMode.AGENT_ERROR);
        assertThat(result.error()).contains("HTTP 401").contains("scripted 401");
        assertThat(result.testsCast()).isNull();
        assertThat(result.reward()).isNull();
    }
}
