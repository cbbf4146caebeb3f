package org.termcurator.core.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.termcurator.core.project.ProjectTestSupport;

class CurationSettingsTest extends ProjectTestSupport {

    static CurationSettings everyOption() {
        return new CurationSettings(
                new CurationSettings.Outcome(CurationSettings.OutcomeMode.SUCCESS, 0.75),
                new CurationSettings.TurnRange(2, 40),
                new CurationSettings.TokenLimit(100, 32_000, "o200k_base", CurationSettings.OverLength.CUT_AFTER_LAST_WHOLE_TURN),
                new CurationSettings.Cleaning(CurationSettings.BadTurns.DROP_TURNS, true),
                new CurationSettings.Decontamination(true, 13, CurationSettings.Reference.FILE, "/data/bench.jsonl"),
                new CurationSettings.NearDuplicates(true, true, 0.7),
                new CurationSettings.Quality(List.of("(?i)as an ai"), List.of("LATIN"), 0.05),
                new CurationSettings.Mixture(Map.of("a", 10), Map.of("security", 5), CurationSettings.MixtureKey.DOMAIN,
                        Map.of("security", 1.0, "debugging", 2.0)),
                new CurationSettings.Curriculum(CurationSettings.CurriculumOrder.PASS_RATE, List.of(0.2, 0.3, 0.5)),
                new CurationSettings.Split(0.1), 99L, new CurationSettings.Masking(false, true, true, true, false));
    }

    @Test
    void everyOptionSurvivesAJsonRoundTrip() {
        CurationSettings settings = everyOption();

        String json = settings.toJson();

        assertThat(CurationSettings.fromJson(json)).isEqualTo(settings);
        assertThat(json).contains("\"mode\" : \"success\"", "\"overLength\" : \"cut-after-last-whole-turn\"",
                "\"order\" : \"pass-rate\"");
        assertThat(CurationSettings.fromJson(CurationSettings.defaults().toJson())).isEqualTo(CurationSettings.defaults());
    }

    @Test
    void leftOutFieldsTakeTheirDefaults() {
        CurationSettings settings = CurationSettings.fromJson("{\"outcome\": {\"mode\": \"complete\"}, \"seed\": 5}");

        assertThat(settings.outcome()).isEqualTo(new CurationSettings.Outcome(CurationSettings.OutcomeMode.COMPLETE, 1.0));
        assertThat(settings.seed()).isEqualTo(5);
        assertThat(settings.withSeed(CurationSettings.DEFAULT_SEED).withOutcome(CurationSettings.Outcome.KEEP_ALL))
                .isEqualTo(CurationSettings.defaults());
        assertThat(settings.tokens().encoding()).isEqualTo("cl100k_base");
    }

    @Test
    void errorsNameTheLineAndTheFieldAtFault() {
        assertThatThrownBy(() -> CurationSettings.fromJson("{\"turns\": {\"min\": 5, \"max\": 2}}"))
                .hasMessage("curation settings: line 1, turns.max: must not be below turns.min");
        assertThatThrownBy(() -> CurationSettings.fromJson("{\"tokens\": {\"max\": \"lots\"}}"))
                .hasMessageStartingWith("curation settings: line 1, field 'tokens.max'");
        assertThatThrownBy(() -> CurationSettings.fromJson("{\"outcome\": {\"mode\": \"best\"}}"))
                .hasMessageStartingWith("curation settings: line 1, field 'outcome.mode'");
        assertThatThrownBy(() -> CurationSettings.fromJson("{\"nearDuplicate\": {}}"))
                .hasMessageStartingWith("curation settings: line 1, field 'nearDuplicate'");
        assertThatThrownBy(() -> CurationSettings.fromJson("{\n  \"seed\": 3,\n  \"turns\": {\n    \"min\": \"many\"\n  }\n}"))
                .as("in a file of several lines, the line of the bad value")
                .hasMessageStartingWith("curation settings: line 4, field 'turns.min'");
        assertThatThrownBy(() -> CurationSettings.fromJson("{\"tokens\": {\"encoding\": \"gpt-9\"}}"))
                .hasMessageContaining("tokens.encoding: unknown encoding 'gpt-9'");
        assertThatThrownBy(() -> CurationSettings.fromJson("{\"quality\": {\"denyPatterns\": [\"ok\", \"(\"]}}"))
                .hasMessageContaining("quality.denyPatterns[1]");
        assertThatThrownBy(() -> CurationSettings.fromJson("{\"seed\": 1,"))
                .hasMessageStartingWith("curation settings: not valid JSON (line 1)");
    }

    @Test
    void presetsAreSavedListedShownReplacedAndDeleted() throws Exception {
        PresetStore presets = new PresetStore(db);

        presets.save("strict", everyOption());
        presets.save("loose", CurationSettings.defaults());
        presets.save("strict", everyOption().withSeed(1));

        assertThat(presets.list()).extracting(PresetStore.PresetInfo::name).containsExactly("loose", "strict");
        assertThat(presets.find("strict")).contains(everyOption().withSeed(1));
        assertThat(presets.find("default")).contains(CurationSettings.defaults());
        assertThat(presets.find("missing")).isEmpty();
        assertThat(presets.delete("loose")).isTrue();
        assertThat(presets.delete("loose")).isFalse();
        assertThat(presets.list()).extracting(PresetStore.PresetInfo::name).containsExactly("strict");
        assertThatThrownBy(() -> presets.save(" ", CurationSettings.defaults())).hasMessageContaining("name");
    }
}
