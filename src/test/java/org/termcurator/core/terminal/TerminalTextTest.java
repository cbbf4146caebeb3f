package org.termcurator.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void stripsEscapesAndResolvesCarriageReturns() {
        String raw = "\u001B]133;A\u0007root@box:/app# ls\r\n\u001B[01;34mdir\u001B[0m  file\r\n"
                + "progress 10%\rprogress 100%\r\n\u001B[?2004h\u001B(Bdone\u0007";
        assertThat(TerminalText.plain(raw)).isEqualTo("root@box:/app# ls\ndir  file\nprogress 100%\ndone");
    }

    @Test
    void truncationKeepsHeadAndTailWithinTheLimit() {
        String text = "HEAD" + "x".repeat(50_000) + "TAIL";
        String cut = TerminalText.truncate(text, 10_000);
        assertThat(cut).startsWith("HEAD").endsWith("TAIL").contains("output limited to 10000 bytes");
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThan(10_200);
        assertThat(TerminalText.truncate("short", 10_000)).isEqualTo("short");
        // never splits a multi-byte character into garbage
        assertThat(TerminalText.truncate("é".repeat(20_000), 1001)).doesNotContain("\uFFFD");
    }

    @Test
    void stripRemovesEscapesAndControlsCharacterForCharacter() {
        String raw = "\u001B]0;title\u0007\u001BP1$r0m\u001B\\\u001B[1;31mred\u001B[0m\u001B(B\u001B=\tok\r\n\u0008";
        assertThat(TerminalText.strip(raw)).isEqualTo("red\tok\n");
        assertThat(TerminalText.strip("plain\ttext\n")).isEqualTo("plain\ttext\n");
        // plain strips by the same rule, then resolves carriage returns
        assertThat(TerminalText.plain(raw)).isEqualTo("red\tok\n");
        assertThat(TerminalText.strip("10%\r100%")).isEqualTo("10%100%");
        assertThat(TerminalText.plain("10%\r100%")).isEqualTo("100%");
    }
}
