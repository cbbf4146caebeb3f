package org.termcurator.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.termcurator.core.terminal.Ansi.CSI;
import static org.termcurator.core.terminal.Ansi.ESC;
import static org.termcurator.core.terminal.Ansi.cup;
import static org.termcurator.core.terminal.Ansi.terminal;

import org.junit.jupiter.api.Test;

class ScrollRegionTest {

    private static final String ROWS = "row0\r\nrow1\r\nrow2\r\nrow3\r\nrow4";

    @Test
    void lineFeedAtTheBottomMarginScrollsOnlyTheRegion() {
        TerminalEmulator t = terminal(10, 5, ROWS, CSI + "2;4r", cup(4, 1), "\nnew");
        assertThat(t.screenText()).isEqualTo("row0\nrow2\nrow3\nnew\nrow4");
        assertThat(t.scrollbackLine(t.scrollbackSize() - 1)).isEqualTo("row1");
    }

    @Test
    void settingTheRegionHomesTheCursorToTheScreenCornerEvenInOriginModeAsTmuxDoes() {
        TerminalEmulator t = terminal(10, 5, cup(3, 3), CSI + "2;4r");
        assertThat(t.cursorRow()).isZero();
        assertThat(t.cursorCol()).isZero();
        t.feed(CSI + "?6h" + CSI + "3;5r");
        assertThat(t.cursorRow()).isZero();
    }

    @Test
    void invalidRegionsAreIgnored() {
        TerminalEmulator t = terminal(10, 5, ROWS, CSI + "4;2r", CSI + "3;3r", cup(5, 1), "\n");
        assertThat(t.screenText()).isEqualTo("row1\nrow2\nrow3\nrow4\n");
    }

    @Test
    void reverseIndexAtTheTopMarginScrollsTheRegionDown() {
        TerminalEmulator t = terminal(10, 5, ROWS, CSI + "2;4r", cup(2, 1), ESC + "M");
        assertThat(t.screenText()).isEqualTo("row0\n\nrow1\nrow2\nrow4");
    }

    @Test
    void reverseIndexElsewhereMovesUp() {
        TerminalEmulator t = terminal(10, 5, ROWS, cup(3, 2), ESC + "M");
        assertThat(t.cursorRow()).isEqualTo(1);
        t.feed(cup(1, 1) + ESC + "M");
        assertThat(t.screenText()).isEqualTo("\nrow0\nrow1\nrow2\nrow3");
    }

    @Test
    void indexAndNextLine() {
        TerminalEmulator t = terminal(10, 5, cup(2, 4), ESC + "D");
        assertThat(t.cursor()).isEqualTo(new Cursor(2, 3, true, false));
        t.feed(ESC + "E");
        assertThat(t.cursor()).isEqualTo(new Cursor(3, 0, true, false));
    }

    @Test
    void scrollUpAndDownMoveTheRegionContent() {
        TerminalEmulator t = terminal(10, 5, ROWS, CSI + "2;4r", CSI + "S");
        assertThat(t.screenText()).isEqualTo("row0\nrow2\nrow3\n\nrow4");
        t.feed(CSI + "2T");
        assertThat(t.screenText()).isEqualTo("row0\n\n\nrow2\nrow4");
    }

    @Test
    void scrollUpOfTheFullScreenFeedsTheScrollback() {
        TerminalEmulator t = terminal(10, 5, ROWS, CSI + "2S");
        assertThat(t.scrollbackSize()).isEqualTo(2);
        assertThat(t.scrollbackLine(1)).isEqualTo("row1");
    }

    @Test
    void progressBarBelowARegionWithTopZeroStaysPutWhileOutputScrollsAboveIt() {
        // apt's fancy progress: a region of all rows but the last (top given as 0), the bar drawn
        // there with HVP column 0 between DECSC and DECRC, then the region reset and the bar erased
        TerminalEmulator t = terminal(10, 5, ROWS, "\r\n",
                "\n" + ESC + "7" + CSI + "0;4r" + ESC + "8" + CSI + "1A",
                ESC + "7" + CSI + "5;0f" + "BAR" + ESC + "8", "out\r\nmore\r\n");
        assertThat(t.screenText()).isEqualTo("row4\nout\nmore\n\nBAR");
        assertThat(t.scrollbackLine(t.scrollbackSize() - 1)).isEqualTo("row3");
        t.feed("\r\n" + ESC + "7" + CSI + "0;5r" + ESC + "8" + CSI + "1A" + CSI + "J" + "$ ");
        assertThat(t.screenText()).isEqualTo("out\nmore\n$\n\n");
        assertThat(t.scrollbackLine(t.scrollbackSize() - 1)).isEqualTo("row4");
    }

    @Test
    void mouseTrackingFormOfCsiTIsNotAScroll() {
        TerminalEmulator t = terminal(10, 5, ROWS, CSI + "1;2;3;4;5T");
        assertThat(t.lineText(0)).isEqualTo("row0");
    }

    @Test
    void originModeAddressesRowsFromTheTopMarginAndClampsToTheRegion() {
        TerminalEmulator t = terminal(10, 6, CSI + "2;4r", CSI + "?6h");
        assertThat(t.cursorRow()).isEqualTo(1);
        t.feed(cup(2, 3));
        assertThat(t.cursorRow()).isEqualTo(2);
        assertThat(t.cursorCol()).isEqualTo(2);
        t.feed(cup(9, 1));
        assertThat(t.cursorRow()).isEqualTo(3);
        t.feed(CSI + "?6l");
        assertThat(t.cursorRow()).isZero();
    }

    @Test
    void cursorUpAndDownStopAtTheMarginsFromInsideTheRegion() {
        TerminalEmulator t = terminal(10, 6, CSI + "2;4r", cup(3, 1), CSI + "9A");
        assertThat(t.cursorRow()).isEqualTo(1);
        t.feed(CSI + "9B");
        assertThat(t.cursorRow()).isEqualTo(3);
        t.feed(cup(6, 1) + CSI + "9A");
        assertThat(t.cursorRow()).isEqualTo(1);
    }

    @Test
    void lineFeedBelowTheRegionStopsAtTheLastRowWithoutScrolling() {
        TerminalEmulator t = terminal(10, 5, ROWS, CSI + "1;3r", cup(5, 1), "\n\n");
        assertThat(t.cursorRow()).isEqualTo(4);
        assertThat(t.screenText()).isEqualTo("row0\nrow1\nrow2\nrow3\nrow4");
    }
}
