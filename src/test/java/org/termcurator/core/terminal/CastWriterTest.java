package org.termcurator.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CastWriterTest {

    private static final CastHeader HEADER = new CastHeader(2, 160, 40, 1_700_000_000L, 12.5, 2.0, "demo", "bash",
            "tmux-256color", Map.of("SHELL", "/bin/bash"),
            new CastTheme("#ffffff", "#000000", List.of("#111111", "#222222")));

    @Test
    void writesHeaderAndOneEventPerLine() throws IOException {
        StringWriter out = new StringWriter();
        try (CastWriter writer = new CastWriter(out, CastHeader.of(80, 24))) {
            writer.write(CastEvent.output(0.5, "hi\r\n\u001b[31mred\u001b[0m"));
            writer.write(new CastEvent(1.0, CastEventCode.MARKER, "done"));
        }
        assertThat(out.toString()).isEqualTo("""
                {"version":2,"width":80,"height":24}
                [0.5,"o","hi\\r\\n\\u001B[31mred\\u001B[0m"]
                [1,"m","done"]
                """);
    }

    @Test
    void aCastSurvivesWritingAndReadingBack(@TempDir Path dir) throws IOException {
        Cast original = new Cast(HEADER, List.of(
                CastEvent.output(0.123456, "$ ls\r\n日本 😀 \"quoted\" \\ back"),
                new CastEvent(1.5, CastEventCode.INPUT, "\u0004"),
                new CastEvent(2.0, CastEventCode.RESIZE, "100x30"),
                new CastEvent(2.25, CastEventCode.EXIT, "0")), List.of());
        Path file = dir.resolve("round-trip.cast");
        CastWriter.write(original, file);
        Cast copy = CastReader.read(file);
        assertThat(copy.header()).isEqualTo(new CastHeader(2, 160, 40, 1_700_000_000L, 12.5, 2.0, "demo", "bash",
                "tmux-256color", Map.of("SHELL", "/bin/bash", "TERM", "tmux-256color"), HEADER.theme()));
        assertThat(copy.events()).isEqualTo(original.events());
    }

    @Test
    void versionThreeCastsBecomeVersionTwoWithAbsoluteTimes() throws IOException {
        Cast v3 = CastReader.read(new ByteArrayInputStream("""
                {"version": 3, "term": {"cols": 80, "rows": 24, "type": "xterm"}}
                [0.1, "o", "a"]
                [0.2, "o", "b"]
                """.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        CastWriter.write(v3, out);
        assertThat(out.toString()).isEqualTo("""
                {"version":2,"width":80,"height":24,"env":{"TERM":"xterm"}}
                [0.1,"o","a"]
                [0.3,"o","b"]
                """);
    }

    @Test
    void timesAreRoundedToMicroseconds() {
        assertThat(CastWriter.formatTime(0.30000000000000004)).isEqualTo("0.3");
        assertThat(CastWriter.formatTime(1.0000004)).isEqualTo("1");
        assertThat(CastWriter.formatTime(12345.678901234)).isEqualTo("12345.678901");
        assertThat(CastWriter.formatTime(0.0000001)).isEqualTo("0");
        assertThat(CastWriter.formatTime(100)).isEqualTo("100");
    }
}
