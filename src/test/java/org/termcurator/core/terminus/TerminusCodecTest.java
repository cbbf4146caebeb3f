package org.termcurator.core.terminus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One Terminus answer read by the live agent's rules and by the importer's. */
class TerminusCodecTest {

    @Test
    void aWellFormedAnswer() {
        TerminusTurn response = TerminusCodec.strict("""
                {"analysis": "empty dir", "plan": "list", "commands": [
                  {"keystrokes": "ls -la\\n", "duration": 0.1}, {"keystrokes": "C-c"}], "task_complete": false}
                """);
        assertThat(response.ok()).isTrue();
        assertThat(response.warnings()).isEmpty();
        assertThat(response.analysis()).isEqualTo("empty dir");
        assertThat(response.commands()).containsExactly(new TerminalCommand("ls -la\n", 0.1),
                new TerminalCommand("C-c", TerminusProtocol.DEFAULT_DURATION_SEC));
        assertThat(response.complete()).isFalse();
    }

    @Test
    void textAroundTheObjectAndFencesAreTolerated() {
        TerminusTurn response = TerminusCodec.strict("""
                Let me think. {"analysis": "a {brace} in a string", "plan": "p", "commands": []}
                ```
                """);
        assertThat(response.ok()).isTrue();
        assertThat(response.analysis()).isEqualTo("a {brace} in a string");
        assertThat(response.warnings()).containsExactly("Extra text detected before the JSON object");
        assertThat(TerminusCodec.strict("```json\n{\"analysis\":\"\",\"plan\":\"\",\"commands\":[]}\n```").warnings())
                .isEmpty();
    }

    @Test
    void problemsThatMakeTheAnswerUnusableAreErrors() {
        assertThat(TerminusCodec.strict("I will run ls").errors())
                .containsExactly("No valid JSON object found in the response");
        assertThat(TerminusCodec.strict("{\"analysis\": \"a\", \"plan\": }").errors())
                .singleElement().asString().startsWith("Invalid JSON:");
        assertThat(TerminusCodec.strict("{\"analysis\": \"a\"}").errors())
                .containsExactly("Missing required fields: plan, commands");
        assertThat(TerminusCodec.strict("{\"analysis\": \"a\", \"plan\": \"b\", \"commands\": \"ls\"}").errors())
                .containsExactly("Field 'commands' must be an array");
        assertThat(TerminusCodec.strict("{\"analysis\": \"a\", \"plan\": \"b\", \"commands\": [{\"duration\": 1}]}").errors())
                .containsExactly("Command 1 is missing the required string field 'keystrokes'");
        assertThat(TerminusCodec.strict("{\"analysis\": \"a\", \"plan\": \"b\", \"commands\": [], \"task_complete\": 3}")
                .errors()).containsExactly("task_complete must be true or false");
    }

    @Test
    void problemsThatWereWorkedAroundAreWarnings() {
        TerminusTurn response = TerminusCodec.strict("""
                {"analysis": "a", "plan": "b", "task_complete": "true", "commands": [
                  {"keystrokes": "cd /app", "duration": 500, "why": "x"}, {"keystrokes": "ls\\n", "duration": "soon"}]}
                """);
        assertThat(response.ok()).isTrue();
        assertThat(response.complete()).isTrue();
        assertThat(response.commands()).containsExactly(new TerminalCommand("cd /app", 60.0),
                new TerminalCommand("ls\n", 1.0));
        assertThat(response.warnings()).containsExactly(
                "task_complete should be a boolean, not the string \"true\"",
                "Command 1 has unknown fields: why",
                "Command 1: duration 500.0 s is capped at 60 s",
                "Command 2: duration must be a non-negative number of seconds; using 1.0",
                "Command 1 should end with a newline when another command follows; otherwise the two are typed on the same line");
        // finishing needs no commands
        assertThat(TerminusCodec.strict("{\"analysis\": \"a\", \"plan\": \"b\", \"task_complete\": true}").ok()).isTrue();
    }

    @Test
    void anAnswerTheLiveAgentRefusesIsNoValidTurnForTheImporterEither() {
        String missingPlan = "{\"analysis\": \"a\", \"commands\": [{\"keystrokes\": \"ls\\n\"}]}";
        String trailingComma = "{\"analysis\": \"a\", \"plan\": \"b\", \"commands\": [],}";
        String notABoolean = "{\"analysis\": \"a\", \"plan\": \"b\", \"commands\": [], \"task_complete\": 3}";
        for (String answer : new String[] {missingPlan, trailingComma, notABoolean}) {
            TerminusTurn live = TerminusCodec.strict(answer);
            TerminusTurn imported = TerminusCodec.lenient(answer);
            assertThat(live.ok()).as(answer).isFalse();
            assertThat(imported.ok()).as(answer).isFalse();
            assertThat(imported.errors()).as(answer).isEqualTo(live.errors());
        }
        // what was read stays readable: the importer still shows the command the model asked for
        assertThat(TerminusCodec.lenient(missingPlan).commands()).containsExactly(new TerminalCommand("ls\n", null));
        assertThat(TerminusCodec.lenient(missingPlan).error()).isEqualTo("Missing required fields: plan");
    }

    @Test
    void theImporterKeepsTheLiveAgentsWarningsAndAcceptsOtherDialects() {
        TerminusTurn fenced = TerminusCodec.lenient("Here:\n{\"analysis\": \"a\", \"plan\": \"b\", \"commands\": []}");
        assertThat(fenced.ok()).isTrue();
        assertThat(fenced.warnings()).containsExactly("Extra text detected before the JSON object");

        // Terminus 1 names and the XML variant are no dialect of the live agent: its rules do not apply
        TerminusTurn terminus1 = TerminusCodec.lenient("{\"state_analysis\": \"s\", \"explanation\": \"e\", "
                + "\"commands\": [{\"keystrokes\": \"pwd\\n\", \"timeout_sec\": 3}], \"is_task_complete\": false}");
        assertThat(terminus1.ok()).isTrue();
        assertThat(terminus1.commands()).containsExactly(new TerminalCommand("pwd\n", 3.0));
        assertThat(TerminusCodec.strict(terminus1.body()).ok()).isFalse();
        assertThat(TerminusCodec.read("<response><plan>p</plan></response>", TerminusCodec.Mode.LENIENT).ok()).isTrue();
        assertThat(TerminusCodec.read("<response><plan>p</plan></response>", TerminusCodec.Mode.STRICT).ok()).isFalse();
    }
}
