package org.termcurator.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.termcurator.core.terminal.Ansi.CSI;
import static org.termcurator.core.terminal.Ansi.terminal;

import org.junit.jupiter.api.Test;

class ScreenRendererTest {

    @Test
    void textHasOneLinePerRowWithoutTrailingSpaces() {
        TerminalEmulator t = terminal(10, 3, "one  \r\n  two");
        assertThat(ScreenRenderer.toText(t)).isEqualTo("one\n  two\n");
    }

    @Test
    void textKeepsBlankRowsAtTheTopOfTheScreen() {
        TerminalEmulator t = terminal(10, 4, CSI + "3;1Hthird");
        assertThat(ScreenRenderer.toText(t)).isEqualTo("\n\nthird\n");
    }

    @Test
    void textCanIncludeTheScrollbackAboveTheScreen() {
        TerminalEmulator t = terminal(10, 2, "a\r\nb\r\nc");
        assertThat(ScreenRenderer.toText(t, true)).isEqualTo("a\nb\nc");
        assertThat(ScreenRenderer.toText(t, false)).isEqualTo("b\nc");
    }

    @Test
    void ansiOutputReproducesTheScreenWhenFedBack() {
        TerminalEmulator original = terminal(20, 3,
                CSI + "1;31mred" + CSI + "0m plain " + CSI + "4:3;38;2;1;2;3mrgb\r\n",
                CSI + "48;5;100m" + CSI + "K" + CSI + "0m" + CSI + "7minv" + CSI + "0m日本e\u0301\r\n",
                CSI + "2;3;9;53;95;104mx");
        String ansi = ScreenRenderer.toAnsi(original);
        TerminalEmulator copy = terminal(20, 3, ansi);
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 20; col++) {
                assertThat(copy.cellAt(row, col)).as("cell %d,%d", row, col).isEqualTo(original.cellAt(row, col));
            }
        }
    }

    @Test
    void ansiOutputResetsAtTheEndOfStyledRows() {
        String ansi = ScreenRenderer.toAnsi(terminal(10, 2, CSI + "32mok"));
        assertThat(ansi).isEqualTo("\u001b[0;32mok\u001b[0m\r\n");
    }

    @Test
    void htmlEscapesTextAndStylesRuns() {
        TerminalEmulator t = terminal(30, 2, "<a href=\"x\">&'", CSI + "1;31mbold red" + CSI + "0m");
        String html = ScreenRenderer.toHtml(t);
        assertThat(html).startsWith("<pre class=\"terminal\" style=\"background-color:#000000;color:#e5e5e5\">");
        assertThat(html).contains("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        assertThat(html).contains("<span style=\"color:#cd0000;font-weight:bold;\">bold red</span>");
        assertThat(html).endsWith("\n</pre>");
    }

    @Test
    void htmlResolvesInverseHiddenDimAndDecorations() {
        TerminalEmulator t = terminal(30, 1, CSI + "7mi" + CSI + "0;8mh" + CSI + "0;2md" + CSI + "0;4:3;9mu");
        String html = ScreenRenderer.toHtml(t);
        assertThat(html).contains("<span style=\"color:#000000;background-color:#e5e5e5;\">i</span>");
        assertThat(html).contains("<span style=\"color:#000000;\">h</span>");
        assertThat(html).contains("<span style=\"color:#727272;\">d</span>");
        assertThat(html).contains("text-decoration:underline line-through;text-decoration-style:wavy;");
    }

    @Test
    void htmlUsesTheCastThemePalette() {
        Palette palette = Palette.of(new CastTheme("#ffffff", "#101010", java.util.List.of("#000000", "#ff5555")));
        TerminalEmulator t = terminal(10, 1, CSI + "31mx" + CSI + "38;5;16my" + CSI + "38;5;255mz");
        String html = ScreenRenderer.toHtml(t, false, palette);
        assertThat(html).contains("background-color:#101010;color:#ffffff");
        assertThat(html).contains("<span style=\"color:#ff5555;\">x</span>");
        assertThat(html).contains("<span style=\"color:#000000;\">y</span>");
        assertThat(html).contains("<span style=\"color:#eeeeee;\">z</span>");
    }

    @Test
    void backgroundColouredBlanksAreKeptAndDefaultBlanksTrimmed() {
        TerminalEmulator t = terminal(6, 1, "a", CSI + "44m  " + CSI + "0m   ");
        assertThat(ScreenRenderer.toAnsi(t)).isEqualTo("a\u001b[0;44m  \u001b[0m");
        assertThat(ScreenRenderer.toText(t)).isEqualTo("a");
    }
}
