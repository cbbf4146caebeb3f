package org.termcurator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes run data shaped like real Terminal-Bench 1 runs, Harbor jobs and Terminal-Corpus rows:
 * trial folders with results, Terminus episodes, a tmux session cast with colours and prompts,
 * its raw log, pane captures and commands.txt; Harbor trials with ATIF trajectories, recordings
 * and verifier outputs; JSONL rows of Terminus conversations with {@code <think>} blocks and the
 * odd unparsable turn. Seeded, so every run makes the same bytes.
 */
public final class RunDataGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TASKS = {"fix-git", "csv-to-parquet", "nginx-config", "sqlite-migrate",
        "build-cython", "crack-zip", "log-summary", "cron-backup", "jq-report", "tmux-layout", "ssl-cert", "pip-freeze"};
    private static final String[] COMMANDS = {"ls -la /app", "cat /app/config.yaml", "python3 -m pytest -q tests/",
        "grep -rn 'ERROR' /var/log/app.log | head -50", "git status", "git log --oneline -10", "apt-get install -y jq",
        "find / -name '*.conf' 2>/dev/null | head", "sed -i 's/8080/9090/' /etc/nginx/sites-enabled/default",
        "pip install pandas==2.2.2", "make -j2", "sqlite3 /app/db.sqlite '.tables'", "cd /app && ls"};

    private final Random random;

    public RunDataGenerator(long seed) {
        random = new Random(seed);
    }

    /** One run folder with {@code trials} trial folders, each near {@code castBytes} of session cast. */
    public void tb1Run(Path run, int trials, int castBytes) throws IOException {
        Files.createDirectories(run);
        ObjectNode metadata = JSON.createObjectNode().put("run_id", run.getFileName().toString())
                .put("agent_name", "terminus").put("model_name", "anthropic/claude-sonnet-4")
                .put("dataset_name", "terminal-bench-core");
        JSON.writeValue(run.resolve("run_metadata.json").toFile(), metadata);
        for (int t = 0; t < trials; t++) {
            String task = TASKS[t % TASKS.length] + "-" + (t / TASKS.length);
            String trialName = task + ".1-of-1";
            Path trial = Files.createDirectories(run.resolve(task).resolve(trialName));
            boolean resolved = random.nextInt(3) == 0;
            ObjectNode results = JSON.createObjectNode().put("id", "uuid-" + t).put("trial_name", trialName)
                    .put("task_id", task).put("instruction", "Solve " + task + " in /app.").put("is_resolved", resolved)
                    .put("failure_mode", resolved ? "unset" : random.nextBoolean() ? "unset" : "agent_timeout")
                    .put("total_input_tokens", 2000 + random.nextInt(60000))
                    .put("total_output_tokens", 300 + random.nextInt(6000))
                    .put("trial_started_at", "2026-11-20T09:00:00+00:00").put("trial_ended_at", "2026-11-20T09:05:00+00:00");
            ObjectNode parser = results.putObject("parser_results");
            for (int i = 0; i < 3; i++) {
                parser.put("test_case_" + i, resolved || random.nextBoolean() ? "passed" : "failed");
            }
            JSON.writeValue(trial.resolve("results.json").toFile(), results);
            int episodes = 3 + random.nextInt(8);
            StringBuilder commandsTxt = new StringBuilder();
            for (int e = 0; e < episodes; e++) {
                Path episode = Files.createDirectories(trial.resolve("agent-logs/episode-" + e));
                Files.writeString(episode.resolve("prompt.txt"), e == 0 ? "Task Description:\nSolve " + task
                        + "\n\nCurrent terminal state:\nroot@box:/app# " : terminalOutput(1500));
                String command = COMMANDS[random.nextInt(COMMANDS.length)];
                Files.writeString(episode.resolve("response.json"), terminus1Answer(command, e == episodes - 1));
                commandsTxt.append("['").append(command.replace("'", "\\'")).append("\\n']\n");
            }
            Files.writeString(trial.resolve("commands.txt"), commandsTxt);
            Path sessions = Files.createDirectories(trial.resolve("sessions"));
            String cast = cast(castBytes);
            Files.writeString(sessions.resolve("agent.cast"), cast);
            Files.writeString(sessions.resolve("agent.log"), terminalOutput(castBytes / 2));
            Files.writeString(sessions.resolve("tests.cast"), cast(castBytes / 20));
            Path panes = Files.createDirectories(trial.resolve("panes"));
            for (String pane : new String[] {"pre-agent.txt", "post-agent.txt", "post-test.txt"}) {
                Files.writeString(panes.resolve(pane), terminalOutput(3000));
            }
        }
    }

    /**
     * One Harbor job folder with {@code trials} trial folders: result.json with agent, usage,
     * rewards and phase timings, agent/trajectory.json in ATIF (a system step, then Terminus 2
     * answers with their bash_command tool calls and observations), agent/recording.cast near
     * {@code castBytes}, Terminus episode folders, and the verifier's reward, pytest output and CTRF report.
     */
    public void harborJob(Path job, int trials, int castBytes) throws IOException {
        Path folder = Files.createDirectories(job.resolve("2026-11-21__10-00-00"));
        JSON.writeValue(folder.resolve("config.json").toFile(), JSON.createObjectNode().put("job_name", "bench")
                .put("n_attempts", 1).put("n_concurrent_trials", 4));
        JSON.writeValue(folder.resolve("result.json").toFile(), JSON.createObjectNode().put("id", "job-bench")
                .put("started_at", "2026-11-21T10:00:00Z").put("finished_at", "2026-11-21T12:00:00Z")
                .put("n_total_trials", trials));
        for (int t = 0; t < trials; t++) {
            String task = TASKS[t % TASKS.length] + "-" + (t / TASKS.length);
            String trialName = task + "__" + String.format("%07x", random.nextInt(0x10000000));
            Path trial = Files.createDirectories(folder.resolve(trialName));
            double reward = random.nextInt(3) == 0 ? 1.0 : 0.0;
            ObjectNode result = JSON.createObjectNode().put("id", "trial-" + t).put("task_name", task)
                    .put("trial_name", trialName).put("source", "bench-tasks").put("task_checksum", "c" + t);
            result.putObject("task_id").put("path", "tasks/" + task);
            ObjectNode agentInfo = result.putObject("agent_info").put("name", "terminus-2").put("version", "2.0.0");
            agentInfo.putObject("model_info").put("name", "gpt-5-mini").put("provider", "openai");
            result.putObject("agent_result").put("n_input_tokens", 5000 + random.nextInt(60000))
                    .put("n_cache_tokens", random.nextInt(5000)).put("n_output_tokens", 300 + random.nextInt(6000))
                    .put("cost_usd", random.nextInt(1000) / 10000.0);
            result.putObject("verifier_result").putObject("rewards").put("reward", reward);
            result.putNull("exception_info");
            result.put("started_at", "2026-11-21T10:00:05Z").put("finished_at", "2026-11-21T10:05:00Z");
            for (String phase : new String[] {"environment_setup", "agent_setup", "agent_execution", "verifier"}) {
                result.putObject(phase).put("started_at", "2026-11-21T10:00:05Z").put("finished_at", "2026-11-21T10:01:00Z");
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(trial.resolve("result.json").toFile(), result);

            Path agent = Files.createDirectories(trial.resolve("agent"));
            ObjectNode trajectory = JSON.createObjectNode().put("schema_version", "ATIF-v1.4").put("session_id", "s-" + t);
            trajectory.putObject("agent").put("name", "terminus-2").put("version", "2.0.0").put("model_name", "gpt-5-mini");
            ArrayNode steps = trajectory.putArray("steps");
            steps.addObject().put("step_id", 1).put("timestamp", "2026-11-21T10:00:41Z").put("source", "system")
                    .put("message", "Task Description:\nSolve " + task + " in /app.\n\nCurrent terminal state:\nroot@box:/app# ");
            int answers = 3 + random.nextInt(8);
            for (int a = 0; a < answers; a++) {
                String command = COMMANDS[random.nextInt(COMMANDS.length)];
                ObjectNode step = steps.addObject().put("step_id", a + 2)
                        .put("timestamp", String.format("2026-11-21T10:%02d:%02dZ", 1 + a / 6, (a * 10) % 60))
                        .put("source", "agent").put("model_name", "gpt-5-mini")
                        .put("message", terminus2Answer(command, a == answers - 1))
                        .put("reasoning_content", "Next I should check " + command + " because " + words(30));
                step.putArray("tool_calls").addObject().put("tool_call_id", "call_" + a)
                        .put("function_name", "bash_command").putObject("arguments")
                        .put("keystrokes", command + "\n").put("duration", 1.0);
                step.putObject("observation").putArray("results").addObject().put("content", terminalOutput(1500));
                step.putObject("metrics").put("prompt_tokens", 5000 + random.nextInt(5000))
                        .put("completion_tokens", 100 + random.nextInt(500)).put("cached_tokens", random.nextInt(4000));
            }
            trajectory.putObject("final_metrics").put("total_prompt_tokens", 60000).put("total_completion_tokens", 3000)
                    .put("total_steps", answers + 1);
            JSON.writerWithDefaultPrettyPrinter().writeValue(agent.resolve("trajectory.json").toFile(), trajectory);
            Files.writeString(agent.resolve("recording.cast"), cast(castBytes));
            for (int e = 0; e < answers; e++) {
                Path episode = Files.createDirectories(agent.resolve("episode-" + e));
                Files.writeString(episode.resolve("prompt.txt"), e == 0 ? "Task Description:\nSolve " + task : terminalOutput(1500));
                Files.writeString(episode.resolve("response.txt"), terminus2Answer(COMMANDS[e % COMMANDS.length], false));
            }

            Path verifier = Files.createDirectories(trial.resolve("verifier"));
            Files.writeString(verifier.resolve("reward.txt"), reward == 1.0 ? "1\n" : "0\n");
            StringBuilder pytest = new StringBuilder("============================= test session starts ==============================\n");
            ObjectNode ctrf = JSON.createObjectNode();
            ArrayNode tests = ctrf.putObject("results").putArray("tests");
            for (int i = 0; i < 4; i++) {
                boolean passed = reward == 1.0 || random.nextBoolean();
                String name = "test_outputs.py::test_case_" + i;
                pytest.append(passed ? "PASSED " : "FAILED ").append(name).append(passed ? "\n" : " - AssertionError\n");
                tests.addObject().put("name", name).put("status", passed ? "passed" : "failed").put("duration", 3);
            }
            Files.writeString(verifier.resolve("test-stdout.txt"), pytest);
            JSON.writerWithDefaultPrettyPrinter().writeValue(verifier.resolve("ctrf.json").toFile(), ctrf);
            Files.writeString(trial.resolve("trial.log"), terminalOutput(4000));
        }
    }

    /** A JSONL file of {@code rows} Terminus conversations with about {@code turns} turns each. */
    public long jsonl(Path file, int rows, int turns, int outputChars) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int r = 0; r < rows; r++) {
                ObjectNode row = JSON.createObjectNode();
                ArrayNode conversation = row.putArray("conversations");
                conversation.addObject().put("role", "user").put("content", "Task Description:\nSolve "
                        + TASKS[r % TASKS.length] + " number " + r + "\n\nCurrent terminal state:\nroot@box:/app# ");
                int count = Math.max(1, turns - 2 + random.nextInt(5));
                for (int t = 0; t < count; t++) {
                    String command = COMMANDS[random.nextInt(COMMANDS.length)];
                    String answer = random.nextInt(25) == 0 ? "I think I should run " + command
                            : "<think>Next I should check " + command + " because the output above shows "
                            + words(30) + "</think>\n" + terminus2Answer(command, t == count - 1);
                    conversation.addObject().put("role", "assistant").put("content", answer);
                    if (t < count - 1) {
                        conversation.addObject().put("role", "user").put("content", terminalOutput(outputChars));
                    }
                }
                row.put("agent", "terminus-2").put("model", r % 3 == 0 ? "qwen3-8b" : "qwen3-32b")
                        .put("model_provider", "hosted_vllm").put("date", "2026-11-19")
                        .put("task", TASKS[r % TASKS.length] + "-" + (r % 997)).put("episode", "episode-" + count)
                        .put("run_id", "run-" + (r % 10)).put("trial_name", "trial-" + r).put("enable_thinking", true);
                out.write(JSON.writeValueAsString(row));
                out.write('\n');
            }
        }
        return Files.size(file);
    }

    private String terminus1Answer(String command, boolean done) throws IOException {
        ObjectNode answer = JSON.createObjectNode().put("state_analysis", words(25)).put("explanation", words(15));
        answer.putArray("commands").addObject().put("keystrokes", command + "\n").put("is_blocking", true)
                .put("timeout_sec", 10);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer.put("is_task_complete", done));
    }

    private String terminus2Answer(String command, boolean done) throws IOException {
        ObjectNode answer = JSON.createObjectNode().put("analysis", words(25)).put("plan", words(15));
        answer.putArray("commands").addObject().put("keystrokes", command + "\n").put("duration", 1.0);
        return JSON.writeValueAsString(answer.put("task_complete", done));
    }

    /** An asciinema v2 cast of a tmux session: prompts, colours, typed commands and their output. */
    private String cast(int bytes) throws IOException {
        StringBuilder cast = new StringBuilder(bytes + 4096);
        cast.append("{\"version\": 2, \"width\": 160, \"height\": 40, \"timestamp\": 1763719200, "
                + "\"env\": {\"SHELL\": \"/bin/bash\", \"TERM\": \"tmux-256color\"}}\n");
        double time = 0.1;
        while (cast.length() < bytes) {
            time += random.nextDouble() * 2;
            String output = random.nextInt(4) == 0 ? "\u001b[?2004h\u001b[01;32mroot@box\u001b[00m:\u001b[01;34m/app\u001b[00m# "
                    : terminalOutput(200 + random.nextInt(800)).replace("\n", "\r\n");
            ArrayNode event = JSON.createArrayNode().add(Math.round(time * 1e6) / 1e6).add("o").add(output);
            cast.append(JSON.writeValueAsString(event)).append('\n');
        }
        return cast.toString();
    }

    private String terminalOutput(int chars) {
        StringBuilder text = new StringBuilder(chars + 200);
        while (text.length() < chars) {
            switch (random.nextInt(4)) {
                case 0 -> text.append(String.format("-rw-r--r-- 1 root root %6d Nov 20 09:%02d %s.%s%n",
                        random.nextInt(99999), random.nextInt(60), words(1), random.nextBoolean() ? "py" : "txt"));
                case 1 -> text.append("tests/test_outputs.py::test_").append(words(1)).append(random.nextBoolean()
                        ? " \u001b[32mPASSED\u001b[0m" : " \u001b[31mFAILED\u001b[0m").append('\n');
                case 2 -> text.append(String.format("2026-11-20 09:%02d:%02d ERROR %s%n", random.nextInt(60),
                        random.nextInt(60), words(8)));
                default -> text.append("root@box:/app# ").append(COMMANDS[random.nextInt(COMMANDS.length)]).append('\n');
            }
        }
        return text.toString();
    }

    private static final String[] WORDS = ("the file config output error value table process shell command test "
            + "package version missing permission denied directory install build cache server port user group "
            + "parse column schema index query backup archive compress network socket").split(" ");

    /** Words of a small terminal vocabulary, seeded. */
    String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
