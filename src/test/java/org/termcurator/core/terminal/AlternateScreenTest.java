package org.termcurator.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.termcurator.core.terminal.Ansi.CSI;
import static org.termcurator.core.terminal.Ansi.cup;
import static org.termcurator.core.terminal.Ansi.terminal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlternateScreenTest {

    @Test
    void mode1049SavesTheCursorClearsTheAlternateScreenAndRestoresBoth() {
        TerminalEmulator t = terminal(10, 4, "shell$ vim", cup(2, 3), CSI + "?1049h");
        assertThat(t.isAlternateScreen()).isTrue();
        assertThat(t.screenText()).isEqualTo("\n\n\n");
        t.feed(cup(1, 1) + "editor" + cup(4, 1) + "status");
        assertThat(t.screenText()).isEqualTo("editor\n\n\nstatus");
        t.feed(CSI + "?1049l");
        assertThat(t.isAlternateScreen()).isFalse();
        assertThat(t.screenText()).isEqualTo("shell$ vim\n\n\n");
        assertThat(t.cursorRow()).isEqualTo(1);
        assertThat(t.cursorCol()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {47, 1047})
    void olderAlternateScreenModesSwitchWithoutRestoringTheCursor(int mode) {
        TerminalEmulator t = terminal(10, 4, "main", CSI + "?" + mode + "h", cup(3, 3), "alt");
        assertThat(t.screenText()).isEqualTo("\n\n  alt\n");
        t.feed(CSI + "?" + mode + "l");
        assertThat(t.screenText()).isEqualTo("main\n\n\n");
        assertThat(t.cursorRow()).isEqualTo(2);
    }

    @Test
    void theAlternateScreenStartsBlankEachTime() {
        TerminalEmulator t = terminal(10, 4, CSI + "?1049h", "first", CSI + "?1049l", CSI + "?1049h");
        assertThat(t.screenText()).isEqualTo("\n\n\n");
    }

    @Test
    void theAlternateScreenNeverWritesScrollback() {
        TerminalEmulator t = terminal(10, 3, CSI + "?1049h", "1\r\n2\r\n3\r\n4\r\n5\r\n6");
        assertThat(t.screenText()).isEqualTo("4\n5\n6");
        assertThat(t.scrollbackSize()).isZero();
    }

    @Test
    void leavingAgainRestoresTheCursorSavedOnEntryAsTmuxDoes() {
        TerminalEmulator t = terminal(10, 4, cup(2, 3), CSI + "?1049h", CSI + "?1049l", cup(4, 4), CSI + "?1049l");
        assertThat(t.cursorRow()).isEqualTo(1);
        assertThat(t.cursorCol()).isEqualTo(2);
        TerminalEmulator fresh = terminal(10, 4, cup(4, 4), CSI + "?1049l");
        assertThat(fresh.cursorRow()).isEqualTo(3);
    }

    @Test
    void leavingRestoresPositionAndPenButNotOriginMode() {
        TerminalEmulator t = terminal(10, 6, CSI + "1m", CSI + "?1049h", CSI + "0m", CSI + "?6h", CSI + "3;5r",
                CSI + "?1049l", "x", cup(9, 1));
        assertThat(t.cellAt(0, 0).style().bold()).isTrue();
        assertThat(t.cursorRow()).isEqualTo(4);
    }

    @Test
    void switchingTwiceDoesNotLoseTheMainScreen() {
        TerminalEmulator t = terminal(10, 3, "main", CSI + "?1049h", CSI + "?1049h", "x", CSI + "?1049l");
        assertThat(t.lineText(0)).isEqualTo("main");
        t.feed(CSI + "?1049l");
        assertThat(t.lineText(0)).isEqualTo("main");
        assertThat(t.isAlternateScreen()).isFalse();
    }

    @Test
    void decscIsOneSlotForBothScreensAsInTmux() {
        TerminalEmulator t = terminal(10, 4, CSI + "?1049h", cup(3, 5), Ansi.ESC + "7", CSI + "?1049l",
                cup(1, 1), Ansi.ESC + "8");
        assertThat(t.cursorRow()).isEqualTo(2);
        assertThat(t.cursorCol()).isEqualTo(4);
    }

    @Test
    void mode1049KeepsItsOwnCopyOfTheMainScreenCursor() {
        TerminalEmulator t = terminal(10, 4, cup(2, 2), CSI + "?1049h", cup(4, 4), Ansi.ESC + "7", CSI + "?1049l");
        assertThat(t.cursorRow()).isEqualTo(1);
        t.feed(Ansi.ESC + "8");
        assertThat(t.cursorRow()).isEqualTo(3);
    }

    @Test
    void mode1048SavesAndRestoresTheCursorOnly() {
        TerminalEmulator t = terminal(10, 3, cup(2, 5), CSI + "?1048h", cup(1, 1), CSI + "?1048l");
        assertThat(t.cursorRow()).isEqualTo(1);
        assertThat(t.cursorCol()).isEqualTo(4);
    }
}
