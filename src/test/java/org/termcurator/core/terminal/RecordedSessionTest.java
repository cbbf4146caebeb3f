package org.termcurator.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays real sessions recorded under tmux (see recordings/record_sessions.py) and compares the
 * screen at each checkpoint marker with what {@code tmux capture-pane} showed at that moment:
 * the text of every row, and the text and style of every non-blank cell.
 */
class RecordedSessionTest {

    private static final List<String> SESSIONS =
            List.of("shell-session", "vim-edit", "less-pager", "htop", "tmux-client", "pytest-run", "apt-install");

    private static Path recording(String name) {
        URL url = RecordedSessionTest.class.getResource("recordings/" + name);
        assertThat(url).as("test resource recordings/%s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CastPlayer player(String session) {
        try {
            return CastPlayer.load(recording(session + ".cast"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TerminalSnapshot screenAtCheckpoint(CastPlayer player, String label) {
        CastMarker marker = player.markers().stream().filter(m -> m.label().equals(label)).findFirst().orElseThrow();
        return player.screenAfterEvent(marker.eventIndex());
    }

    static Stream<Arguments> checkpoints() {
        List<Arguments> checkpoints = new ArrayList<>();
        for (String session : SESSIONS) {
            for (CastMarker marker : player(session).markers()) {
                checkpoints.add(Arguments.of(session, marker.label()));
            }
        }
        return checkpoints.stream();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("checkpoints")
    void replayedScreenTextMatchesTmuxCapture(String session, String checkpoint) throws IOException {
        CastPlayer player = player(session);
        TerminalSnapshot screen = screenAtCheckpoint(player, checkpoint);
        List<String> expected = Files.readString(recording(session + "." + checkpoint + ".txt"), StandardCharsets.UTF_8)
                .lines().map(String::stripTrailing).toList();
        assertThat(screen.rows()).isEqualTo(expected.size());
        assertThat(screen.screenText().split("\n", -1)).containsExactlyElementsOf(expected);
        assertThat(player.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("checkpoints")
    void replayedStylesMatchTmuxCaptureWithAttributes(String session, String checkpoint) throws IOException {
        TerminalSnapshot screen = screenAtCheckpoint(player(session), checkpoint);
        // capture-pane -e writes each row's cells with SGR changes carried across rows; replaying
        // it into an emulator of the same size gives tmux's view of every cell.
        String captured = Files.readString(recording(session + "." + checkpoint + ".ansi"), StandardCharsets.UTF_8);
        TerminalEmulator tmuxView = new TerminalEmulator(screen.cols(), screen.rows());
        tmuxView.feed(captured.stripTrailing().replace("\n", "\r\n"));
        int compared = 0;
        for (int row = 0; row < screen.rows(); row++) {
            for (int col = 0; col < screen.cols(); col++) {
                Cell expected = tmuxView.cellAt(row, col);
                if (expected.text().isBlank()) {
                    continue;
                }
                assertThat(screen.cellAt(row, col)).as("%s at %s, cell %d,%d", session, checkpoint, row, col)
                        .isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isPositive();
    }

    @Test
    void vimShowsTheEditorMidSessionAndTheShellAfterItExits() {
        CastPlayer player = player("vim-edit");
        TerminalSnapshot editing = screenAtCheckpoint(player, "editing");
        assertThat(editing.isAlternateScreen()).isTrue();
        assertThat(editing.lineText(0)).contains("def greet(name):");
        assertThat(editing.lineText(1)).contains("return f\"hello {name}\"");
        assertThat(editing.lineText(4)).startsWith("~");
        assertThat(editing.lineText(editing.rows() - 2)).startsWith("greet.py [+]");
        assertThat(editing.cellAt(0, 4).style().foreground()).isNotEqualTo(TerminalColor.DEFAULT);

        TerminalSnapshot after = screenAtCheckpoint(player, "after-exit");
        assertThat(after.isAlternateScreen()).isFalse();
        assertThat(after.screenText()).startsWith("agent@box:~/project# vim -u ~/.vimrc greet.py\n"
                + "agent@box:~/project# cat greet.py\ndef greet(name):");
        assertThat(after.isBracketedPasteEnabled()).isTrue();
    }

    @Test
    void lessUsesTheAlternateScreenAndLeavesTheShellIntact() {
        CastPlayer player = player("less-pager");
        TerminalSnapshot searched = screenAtCheckpoint(player, "searched");
        assertThat(searched.isAlternateScreen()).isTrue();
        assertThat(searched.lineText(0)).startsWith("line 12 of the long file");
        Cell highlighted = searched.cellAt(0, 0);
        assertThat(highlighted.style().inverse() || !highlighted.style().background().isDefault()).isTrue();
        TerminalSnapshot after = screenAtCheckpoint(player, "after-quit");
        assertThat(after.isAlternateScreen()).isFalse();
        assertThat(after.lineText(0)).isEqualTo("agent@box:~/project# less long.txt");
    }

    @Test
    void shellSessionKeepsScrolledOutputInTheScrollback() {
        CastPlayer player = player("shell-session");
        TerminalSnapshot last = player.finalScreen();
        assertThat(last.scrollbackSize()).isGreaterThan(250);
        List<String> history = new ArrayList<>();
        for (int i = 0; i < last.scrollbackSize(); i++) {
            history.add(last.scrollbackLine(i));
        }
        assertThat(history).contains("1", "150", "250");
        String html = ScreenRenderer.toHtml(last, true);
        assertThat(html).contains("<span style=\"color:#cd0000;font-weight:bold;\">bold red</span>");
    }

    @Test
    void pytestsColouredProgressLineScrollsIntoTheScrollbackWithItsColours() {
        TerminalSnapshot fullRun = screenAtCheckpoint(player("pytest-run"), "full-run");
        int progress = -1;
        for (int i = 0; i < fullRun.scrollbackSize(); i++) {
            if (fullRun.scrollbackLine(i).startsWith("tests/test_calc.py ")) {
                progress = i;
            }
        }
        assertThat(progress).as("progress line in the scrollback").isNotNegative();
        String line = fullRun.scrollbackLine(progress);
        assertThat(line).startsWith("tests/test_calc.py .....FFEsx").endsWith("[100%]");
        int first = "tests/test_calc.py ".length();
        // . green, F red, s yellow
        assertThat(fullRun.scrollbackCellAt(progress, first).style().foreground())
                .isEqualTo(TerminalColor.indexed(2));
        assertThat(fullRun.scrollbackCellAt(progress, first + 5).style().foreground())
                .isEqualTo(TerminalColor.indexed(1));
        assertThat(fullRun.scrollbackCellAt(progress, first + 8).style().foreground())
                .isEqualTo(TerminalColor.indexed(3));
        assertThat(fullRun.lineText(fullRun.rows() - 2)).contains("2 failed, 5 passed, 1 skipped, 1 xfailed, 1 error");
    }

    @Test
    void aptDrawsItsProgressBarOnTheBottomRowBelowItsScrollRegionAndClearsItWhenDone() {
        CastPlayer player = player("apt-install");
        TerminalSnapshot unpacked = screenAtCheckpoint(player, "unpacked");
        int bottom = unpacked.rows() - 1;
        assertThat(unpacked.lineText(bottom)).startsWith("Progress: [ 40%] [#");
        assertThat(unpacked.cellAt(bottom, 0).style().background()).isEqualTo(TerminalColor.indexed(2));
        assertThat(unpacked.cellAt(bottom, 0).style().foreground()).isEqualTo(TerminalColor.indexed(0));
        // the output scrolled inside rows 1-39; as in tmux, the rows leaving the top went to the scrollback
        assertThat(unpacked.lineText(bottom - 2)).isEqualTo("Unpacking sl (5.02-1+b1) ...");
        assertThat(unpacked.scrollbackLine(unpacked.scrollbackSize() - 1)).isEqualTo("6");

        TerminalSnapshot installed = screenAtCheckpoint(player, "after-install");
        assertThat(installed.lineText(installed.rows() - 1)).isEmpty();
        assertThat(installed.lineText(installed.rows() - 2)).isEqualTo("agent@box:~/project#");
    }

    @Test
    void tmuxClientRedrawsMatchTheInnerPane() {
        CastPlayer player = player("tmux-client");
        TerminalSnapshot inVim = screenAtCheckpoint(player, "in-vim");
        assertThat(inVim.lineText(0)).contains("def greet(name):");
        // The client itself runs on the alternate screen of the terminal it draws to.
        assertThat(inVim.isAlternateScreen()).isTrue();
    }
}
