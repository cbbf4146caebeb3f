package org.termcurator.core.rollouts.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.settings.Settings;

class AgentChoiceTest {

    @TempDir
    Path dir;

    @Test
    void kindsAreReadAsPeopleWriteThemAndShownByTheirDisplayNames() {
        assertThat(AgentKind.parse("oracle")).isEqualTo(AgentKind.ORACLE);
        assertThat(AgentKind.parse(" Replay ")).isEqualTo(AgentKind.REPLAY);
        assertThat(AgentKind.parse("LLM")).isEqualTo(AgentKind.LLM);
        assertThat(AgentKind.parse("terminus")).isEqualTo(AgentKind.LLM);
        assertThatThrownBy(() -> AgentKind.parse("human")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown agent 'human': use one of oracle, replay, llm");
        assertThat(AgentKind.LLM).hasToString("LLM (Terminus-style)");
    }

    @Test
    void eachKindMakesItsAgentAndSettingsFillWhatWasNotChosen() throws Exception {
        Settings settings = new Settings();
        settings.setAgentEndpoint(new Settings.AgentEndpoint("http://127.0.0.1:9/v1", "settings-model", 0, 0));

        assertThat(AgentChoice.oracle().create(settings)).isInstanceOf(OracleAgent.class)
                .extracting(Agent::kind).isEqualTo("oracle");

        Path commands = Files.writeString(dir.resolve("commands.json"), "[{\"keystrokes\": \"ls\\n\"}]");
        Agent replay = new AgentChoice(AgentKind.REPLAY, commands, null, null, null, 1).create(settings);
        assertThat(replay).isInstanceOf(ReplayAgent.class);
        assertThat(((ReplayAgent) replay).steps()).hasSize(1);

        assertThat(AgentChoice.of(AgentKind.LLM).create(settings).model()).isEqualTo("settings-model");
        Agent chosen = new AgentChoice(AgentKind.LLM, null, "http://127.0.0.1:9/v1", "chosen-model", "KEY", 3)
                .create(settings);
        assertThat(chosen.kind()).isEqualTo("llm");
        assertThat(chosen.model()).isEqualTo("chosen-model");
    }

    @Test
    void aChoiceThatCannotMakeItsAgentSaysWhy() throws Exception {
        Settings settings = new Settings();
        assertThatThrownBy(() -> AgentChoice.of(AgentKind.REPLAY).create(settings))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("replay needs a trajectory file to replay");
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> new AgentChoice(AgentKind.REPLAY, missing, null, null, null, 1).create(settings))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot read " + missing);
        assertThatThrownBy(() -> new AgentChoice(null, null, null, null, null, 1))
                .hasMessage("choose an agent: oracle, replay, llm");
        assertThatThrownBy(() -> AgentChoice.of(AgentKind.LLM).create(settings)) // Settings name no model
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model");
    }
}
