package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.termcurator.core.terminal.CastMarker;
import org.termcurator.core.terminal.CastPlayer;

/** {@code curator cast render}: the emulated screen of a real tmux recording, and bad casts named by line. */
class CastRenderCliTest {

    @TempDir
    Path dir;

    private static Path recording(String name) throws URISyntaxException {
        return Path.of(CastRenderCliTest.class.getResource("/org/termcurator/core/terminal/recordings/" + name).toURI());
    }

    @Test
    void textAtAMomentIsTheEmulatorsScreenThenAndWhatTmuxCaptured() throws Exception {
        Path cast = recording("vim-edit.cast");
        double editing = 4.812892;
        CliRun run = CliRun.of("cast", "render", cast.toString(), "--at", Double.toString(editing));
        assertThat(run.exitCode()).as(run.err()).isZero();
        String expected = CastPlayer.load(cast).screenAt(editing).screenText();
        assertThat(run.out()).isEqualTo(expected + System.lineSeparator());
        String captured = Files.readString(recording("vim-edit.editing.txt"), StandardCharsets.UTF_8);
        assertThat(run.out().stripTrailing()).isEqualTo(captured.stripTrailing());
    }

    /** The time of a checkpoint's marker, where the recorder took its tmux capture. */
    private static double checkpointTime(Path cast, String checkpoint) throws Exception {
        return CastPlayer.load(cast).markers().stream().filter(marker -> marker.label().equals(checkpoint))
                .mapToDouble(CastMarker::time).findFirst().orElseThrow();
    }

    /** {@code cast render CAST --at} the moment of the checkpoint's marker. */
    private static CliRun renderAtCheckpoint(Path cast, String checkpoint) throws Exception {
        return CliRun.of("cast", "render", cast.toString(), "--at", Double.toString(checkpointTime(cast, checkpoint)));
    }

    private static List<String> rowsWithoutTrailingBlanks(String text) {
        return text.lines().map(String::stripTrailing).toList();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"pytest-run, full-run", "pytest-run, final", "vim-edit, editing", "vim-edit, after-exit",
            "apt-install, unpacked", "apt-install, after-remove"})
    void textAtACheckpointsMomentIsWhatTmuxCapturedThenRowForRow(String session, String checkpoint) throws Exception {
        Path cast = recording(session + ".cast");
        CliRun run = renderAtCheckpoint(cast, checkpoint);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> captured = rowsWithoutTrailingBlanks(
                Files.readString(recording(session + "." + checkpoint + ".txt"), StandardCharsets.UTF_8));
        assertThat(captured).hasSize(40);
        assertThat(rowsWithoutTrailingBlanks(run.out())).containsExactlyElementsOf(captured);
    }

    @Test
    void pytestRunAtItsFinalCheckpointEndsWithTheQuietRunsSummaryAndThePrompt() throws Exception {
        Path cast = recording("pytest-run.cast");
        CliRun run = renderAtCheckpoint(cast, "final");
        List<String> rows = rowsWithoutTrailingBlanks(run.out());
        assertThat(rows.get(rows.size() - 2)).startsWith("1 failed, 5 passed in ");
        assertThat(rows.getLast()).isEqualTo("agent@box:~/project#");
        assertThat(rows).contains("FAILED tests/test_calc.py::test_greeting"
                + " - AssertionError: assert 'Hello World' == 'Hello, World!'");
    }

    @Test
    void vimRecordingShowsTheEditorAtEditingAndTheShellAfterItExits() throws Exception {
        Path cast = recording("vim-edit.cast");
        CliRun editing = renderAtCheckpoint(cast, "editing");
        List<String> editor = rowsWithoutTrailingBlanks(editing.out());
        assertThat(editor.getFirst()).contains("def greet(name):");
        assertThat(editor.get(4)).startsWith("~");
        assertThat(editor.get(38)).startsWith("greet.py [+]");

        CliRun afterExit = renderAtCheckpoint(cast, "after-exit");
        List<String> shell = rowsWithoutTrailingBlanks(afterExit.out());
        assertThat(shell.subList(0, 3)).containsExactly("agent@box:~/project# vim -u ~/.vimrc greet.py",
                "agent@box:~/project# cat greet.py", "def greet(name):");
        assertThat(shell).noneMatch(row -> row.startsWith("~") || row.startsWith("greet.py [+]"));
    }

    @Test
    void withoutAMomentTheFinalScreenShowsTheShellAgainAfterVim() throws Exception {
        Path cast = recording("vim-edit.cast");
        CliRun run = CliRun.of("cast", "render", cast.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().stripTrailing()).isEqualTo(CastPlayer.load(cast).finalScreen().screenText().stripTrailing());
        assertThat(run.out()).doesNotContain("-- INSERT --");
    }

    @Test
    void scrollbackAnsiAndHtmlFormats() throws Exception {
        Path cast = recording("shell-session.cast");
        CliRun text = CliRun.of("cast", "render", cast.toString(), "--scrollback");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("\n1\n2\n3\n");
        CliRun ansi = CliRun.of("cast", "render", cast.toString(), "--format", "ansi");
        assertThat(ansi.out()).contains("\u001b[");
        CliRun html = CliRun.of("cast", "render", cast.toString(), "--format", "html");
        assertThat(html.out()).startsWith("<pre class=\"terminal\"");
        CliRun json = CliRun.of("cast", "render", cast.toString(), "--at", "1", "--json");
        JsonNode result = json.json();
        assertThat(result.get("cols").asInt()).isEqualTo(160);
        assertThat(result.get("screen").asText()).isEqualTo(CastPlayer.load(cast).screenAt(1).screenText());
        assertThat(result.get("problems")).isEmpty();
    }

    @Test
    void aBadEventLineIsNamedWithFileAndLineTheRestStillRendersAndTheExitCodeIsOne() throws Exception {
        Path cast = dir.resolve("broken.cast");
        Files.writeString(cast, """
                {"version": 2, "width": 20, "height": 3}
                [0.1, "o", "hello\\r\\n"]
                [0.2, "o", oops
                [0.3, "o", "world"]
                """);
        CliRun run = CliRun.of("cast", "render", cast.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(cast + ":3: ");
        assertThat(run.out()).startsWith("hello\nworld");
    }

    @Test
    void aCastWithoutAHeaderFailsNamingTheFileAndLineOne() throws Exception {
        Path cast = dir.resolve("no-header.cast");
        Files.writeString(cast, "[0.1, \"o\", \"hello\"]\n");
        CliRun run = CliRun.of("cast", "render", cast.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(cast + ":1: ");
        assertThat(run.out()).isEmpty();

        CliRun missing = CliRun.of("cast", "render", dir.resolve("missing.cast").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("missing.cast: no such file");
    }

    @Test
    void aNegativeMomentIsAUsageError() throws Exception {
        CliRun run = CliRun.of("cast", "render", recording("vim-edit.cast").toString(), "--at", "-1");
        assertThat(run.exitCode()).isEqualTo(2);
    }
}
