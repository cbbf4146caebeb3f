package org.termcurator.core.terminus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.termcurator.core.rollouts.agents.ReplayAgent;

class TerminusResponseTest {

    @Test
    void aWellFormedAnswer() {
        TerminusResponse response = TerminusResponse.parse("""
                {"analysis": "empty dir", "plan": "list", "commands": [
                  {"keystrokes": "ls -la\\n", "duration": 0.1}, {"keystrokes": "C-c"}], "task_complete": false}
                """);
        assertThat(response.ok()).isTrue();
        assertThat(response.warnings()).isEmpty();
        assertThat(response.analysis()).isEqualTo("empty dir");
        assertThat(response.commands()).containsExactly(new TerminalCommand("ls -la\n", 0.1),
                new TerminalCommand("C-c", TerminusResponse.DEFAULT_DURATION));
        assertThat(response.taskComplete()).isFalse();
    }

    @Test
    void textAroundTheObjectAndFencesAreTolerated() {
        TerminusResponse response = TerminusResponse.parse("""
                Let me think. {"analysis": "a {brace} in a string", "plan": "p", "commands": []}
                ```
                """);
        assertThat(response.ok()).isTrue();
        assertThat(response.analysis()).isEqualTo("a {brace} in a string");
        assertThat(response.warnings()).containsExactly("Extra text detected before the JSON object");
        assertThat(TerminusResponse.parse("```json\n{\"analysis\":\"\",\"plan\":\"\",\"commands\":[]}\n```").warnings())
                .isEmpty();
    }

    @Test
    void problemsThatMakeTheAnswerUnusableAreErrors() {
        assertThat(TerminusResponse.parse("I will run ls").errors())
                .containsExactly("No valid JSON object found in the response");
        assertThat(TerminusResponse.parse("{\"analysis\": \"a\", \"plan\": }").errors())
                .singleElement().asString().startsWith("Invalid JSON:");
        assertThat(TerminusResponse.parse("{\"analysis\": \"a\"}").errors())
                .containsExactly("Missing required fields: plan, commands");
        assertThat(TerminusResponse.parse("{\"analysis\": \"a\", \"plan\": \"b\", \"commands\": \"ls\"}").errors())
                .containsExactly("Field 'commands' must be an array");
        assertThat(TerminusResponse.parse("{\"analysis\": \"a\", \"plan\": \"b\", \"commands\": [{\"duration\": 1}]}").errors())
                .containsExactly("Command 1 is missing the required string field 'keystrokes'");
        assertThat(TerminusResponse.parse("{\"analysis\": \"a\", \"plan\": \"b\", \"commands\": [], \"task_complete\": 3}")
                .errors()).containsExactly("task_complete must be true or false");
    }

    @Test
    void problemsThatWereWorkedAroundAreWarnings() {
        TerminusResponse response = TerminusResponse.parse("""
                {"analysis": "a", "plan": "b", "task_complete": "true", "commands": [
                  {"keystrokes": "cd /app", "duration": 500, "why": "x"}, {"keystrokes": "ls\\n", "duration": "soon"}]}
                """);
        assertThat(response.ok()).isTrue();
        assertThat(response.taskComplete()).isTrue();
        assertThat(response.commands()).containsExactly(new TerminalCommand("cd /app", 60.0),
                new TerminalCommand("ls\n", 1.0));
        assertThat(response.warnings()).containsExactly(
                "task_complete should be a boolean, not the string \"true\"",
                "Command 1 has unknown fields: why",
                "Command 1: duration 500.0 s is capped at 60 s",
                "Command 2: duration must be a non-negative number of seconds; using 1.0",
                "Command 1 should end with a newline when another command follows; otherwise the two are typed on the same line");
        // finishing needs no commands
        assertThat(TerminusResponse.parse("{\"analysis\": \"a\", \"plan\": \"b\", \"task_complete\": true}").ok()).isTrue();
    }
}
