package org.termcurator.core.rollouts.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.terminus.TerminalCommand;

class ReplayAgentTest {

    @TempDir
    Path dir;

    @Test
    void commandsComeFromAnAtifTrajectoryStepByStepOrFromAPlainList() throws Exception {
        Path trajectory = dir.resolve("trajectory.json");
        Files.writeString(trajectory, """
                {"schema_version": "ATIF-v1.4", "steps": [
                  {"step_id": 1, "source": "system", "message": "prompt"},
                  {"step_id": 2, "source": "agent", "message": "", "tool_calls": [
                    {"tool_call_id": "a", "function_name": "bash_command", "arguments": {"keystrokes": "cd /app\\n", "duration": 0.1}},
                    {"tool_call_id": "b", "function_name": "bash_command", "arguments": {"keystrokes": "ls\\n"}}]},
                  {"step_id": 3, "source": "agent", "message": "", "tool_calls": [
                    {"tool_call_id": "c", "function_name": "mark_task_complete", "arguments": {}}]}]}
                """);
        assertThat(ReplayAgent.fromFile(trajectory).steps()).containsExactly(java.util.List.of(
                new TerminalCommand("cd /app\n", 0.1), new TerminalCommand("ls\n", null)));

        Path list = dir.resolve("commands.json");
        Files.writeString(list, "[{\"keystrokes\": \"echo 1\\n\", \"duration\": 2}, {\"keystrokes\": \"C-c\"}]");
        assertThat(ReplayAgent.fromFile(list).steps()).containsExactly(
                java.util.List.of(new TerminalCommand("echo 1\n", 2.0)),
                java.util.List.of(new TerminalCommand("C-c", null)));
    }

    @Test
    void somethingElseIsRefusedWithTheFileName() throws Exception {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"hello\": 1}");
        assertThatThrownBy(() -> ReplayAgent.fromFile(other)).isInstanceOf(IOException.class)
                .hasMessageContaining("other.json is neither an ATIF trajectory nor a JSON list");
        Files.writeString(other, "{\"schema_version\": \"ATIF-v1.4\", \"steps\": [3]}");
        assertThatThrownBy(() -> ReplayAgent.fromFile(other)).isInstanceOf(IOException.class)
                .hasMessageContaining("other.json: step 1 is not an object");
        Files.writeString(other, "[{\"duration\": 1}]");
        assertThatThrownBy(() -> ReplayAgent.fromFile(other)).hasMessageContaining("without a keystrokes string");
    }
}
