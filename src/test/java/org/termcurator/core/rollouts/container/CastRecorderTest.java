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

    @Test
    void beyondItsBudgetARecordingKeepsHeadAndTailAndMarksTheCutForTheReplay() throws Exception {
        Path file = dir.resolve("big.cast");
        try (CastRecorder cast = CastRecorder.create(file, new TerminalSize(80, 24), "big", null, null, 10_000)) {
            for (int i = 1; i <= 5_000; i++) {
                cast.output(("line " + i + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            assertThat(cast.leftOut()).isPositive();
        }
        assertThat(Files.size(file)).as("about the budget, not the 55 KB printed").isLessThan(20_000);
        org.termcurator.core.terminal.Cast read = org.termcurator.core.terminal.CastReader.read(file);
        assertThat(read.problems()).isEmpty();
        double last = 0;
        StringBuilder output = new StringBuilder();
        for (org.termcurator.core.terminal.CastEvent event : read.events()) {
            assertThat(event.time()).isGreaterThanOrEqualTo(last);
            last = event.time();
            if (event.code() == org.termcurator.core.terminal.CastEventCode.OUTPUT) {
                output.append(event.data());
            }
        }
        String text = output.toString();
        assertThat(text).startsWith("line 1\r\nline 2\r\n").endsWith("line 4999\r\nline 5000\r\n")
                .doesNotContain("line 2500\r\n");
        int cut = text.indexOf("of output left out");
        assertThat(cut).isPositive();
        assertThat(text.substring(0, cut)).doesNotContain("line 5000");
        // the replay's timeline has the cut as a marker
        assertThat(org.termcurator.core.terminal.CastPlayer.of(read).markers())
                .anySatisfy(marker -> assertThat(marker.label()).startsWith(CastRecorder.CUT_LABEL));
    }

    @Test
    void aRecordingWithinItsBudgetIsWhole() throws Exception {
        Path file = dir.resolve("small.cast");
        try (CastRecorder cast = CastRecorder.create(file, new TerminalSize(80, 24), "small", null, null, 10_000)) {
            for (int i = 1; i <= 100; i++) {
                cast.output(("line " + i + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            assertThat(cast.leftOut()).isZero();
        }
        String text = Files.readString(file);
        assertThat(text).contains("line 1\\r\\n", "line 100\\r\\n").doesNotContain("left out");
        assertThat(org.termcurator.core.terminal.CastReader.read(file).events()).hasSize(100);
    }
}
