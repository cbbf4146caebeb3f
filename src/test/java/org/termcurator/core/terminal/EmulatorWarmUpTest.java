package org.termcurator.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** The made-up session the app plays at start must exercise what real sessions do, and read cleanly. */
class EmulatorWarmUpTest {

    @Test
    void theMadeUpSessionReadsWithoutProblemsAndGoesThroughColoursClearsAndTheAlternateScreen() throws Exception {
        byte[] cast = EmulatorWarmUp.sessionCast(64 * 1024);
        assertThat(cast.length).isBetween(64 * 1024, 80 * 1024);

        CastPlayer player = CastPlayer.load(new ByteArrayInputStream(cast), CastPlayer.Settings.DEFAULTS);

        assertThat(player.problems()).isEmpty();
        assertThat(player.eventCount()).isGreaterThan(100);
        String text = new String(cast, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("[?1049h", "[38;5;", "[38;2;", "[2J", "日本語");
        TerminalSnapshot end = player.finalScreen();
        assertThat(end.cols()).isEqualTo(160);
        assertThat(ScreenRenderer.toText(end).strip()).isNotEmpty();
    }

    @Test
    void runCompletes() {
        EmulatorWarmUp.run();
    }
}
