package org.termcurator.core.rollouts.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.terminal.TerminalSize;

class CastRecorderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesAnAsciicastV2WithRisingTimesAndCharactersSplitAcrossChunks() throws Exception {
        Path file = dir.resolve("a.cast");
        List<String> heard = new ArrayList<>();
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        try (CastRecorder cast = CastRecorder.create(file, new TerminalSize(80, 24), "demo", "bash",
                (seconds, code, data) -> heard.add(code + ":" + data))) {
            cast.output("price: ".getBytes(StandardCharsets.UTF_8));
            cast.output(new byte[] {euro[0], euro[1]});
            cast.output(new byte[] {euro[2], '5', '\r', '\n'});
            cast.input("ls\n");
            cast.marker("step 1");
            cast.resize(new TerminalSize(100, 30));
        }
        List<String> lines = Files.readAllLines(file);
        JsonNode header = JSON.readTree(lines.getFirst());
        assertThat(header.get("version").asInt()).isEqualTo(2);
        assertThat(header.get("width").asInt()).isEqualTo(80);
        assertThat(header.get("height").asInt()).isEqualTo(24);
        assertThat(header.get("title").asText()).isEqualTo("demo");
        assertThat(header.get("timestamp").asLong()).isPositive();

        List<JsonNode> events = lines.stream().skip(1).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        StringBuilder output = new StringBuilder();
        double last = 0;
        for (JsonNode event : events) {
            assertThat(event.get(0).asDouble()).isGreaterThanOrEqualTo(last);
            last = event.get(0).asDouble();
            if (event.get(1).asText().equals("o")) {
                output.append(event.get(2).asText());
            }
        }
        assertThat(output.toString()).isEqualTo("price: €5\r\n").doesNotContain("\uFFFD");
        assertThat(events).extracting(event -> event.get(1).asText() + ":" + event.get(2).asText())
                .contains("i:ls\n", "m:step 1", "r:100x30");
        assertThat(heard).contains("m:step 1");
    }
}
