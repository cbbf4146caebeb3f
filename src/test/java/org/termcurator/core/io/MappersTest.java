package org.termcurator.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MappersTest {

    @Test
    void recordingsReadAStringPastJacksonsDefaultCapWhichPlainJsonRefuses() throws Exception {
        String session = "x".repeat(21_000_000);
        String document = "{\"output\":\"" + session + "\"}";

        assertThat(Mappers.recordingJson().readTree(document).get("output").asText()).hasSize(session.length());
        assertThatThrownBy(() -> Mappers.json().readTree(document))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("String value length");
    }

    @Test
    void recordingsKeepDecimalsAsWritten() throws Exception {
        JsonNode node = Mappers.recordingJson().readTree("{\"reward\": 1.50, \"cost\": 0.1}");

        assertThat(node.get("reward").toString()).isEqualTo("1.50");
        assertThat(node.get("cost").decimalValue()).isEqualByComparingTo("0.1");
    }

    @Test
    void strictJsonRefusesTrailingTokensThatPlainJsonIgnores() throws Exception {
        assertThat(Mappers.json().readTree("{} x").isObject()).isTrue();
        assertThatThrownBy(() -> Mappers.strictJson().readTree("{} x")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void eachCallGivesAMapperOfItsOwn() {
        assertThat(Mappers.json()).isNotSameAs(Mappers.json());
    }
}
