package org.termcurator.ui.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.termcurator.core.rollouts.RolloutEvent;

/** Running rollouts' terminals kept from their recorded output, without a toolkit. */
class LiveTerminalsTest {

    private final LiveTerminals terminals = new LiveTerminals();

    private void output(String key, String cast, String code, String data) {
        terminals.accept(new RolloutEvent.TerminalOutput(key, cast, 0.1, code, data));
    }

    @Test
    void outputDrawsTheRolloutsScreenAndInputAndMarkersDoNot() {
        output("a", "agent", "o", "$ echo hi\r\nhi\r\n\u001b[1m$ \u001b[0m");
        output("a", "agent", "i", "typed-but-not-echoed");
        output("a", "agent", "m", "step 1");
        output("b", "agent", "o", "other rollout");

        assertThat(terminals.of("a").text()).contains("$ echo hi\nhi\n$").doesNotContain("typed").doesNotContain("step 1");
        assertThat(terminals.of("b").text()).startsWith("other rollout");
        assertThat(terminals.of("missing")).isNull();
    }

    @Test
    void theTestsTerminalReplacesTheAgentsAndTheEndForgetsIt() {
        output("a", "agent", "o", "agent output");
        LiveTerminals.Live agent = terminals.of("a");
        output("a", "tests", "r", "100x30");
        output("a", "tests", "o", "PASSED test_x");

        LiveTerminals.Live tests = terminals.of("a");
        assertThat(tests).isNotSameAs(agent);
        assertThat(tests.cast()).isEqualTo("tests");
        assertThat(tests.terminal().snapshot().cols()).isEqualTo(100);
        assertThat(tests.text()).startsWith("PASSED test_x").doesNotContain("agent output");

        terminals.accept(new RolloutEvent.Finished("a", null));
        assertThat(terminals.of("a")).isNull();
    }
}
