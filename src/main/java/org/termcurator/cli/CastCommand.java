package org.termcurator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.termcurator.core.terminal.CastFormatException;
import org.termcurator.core.terminal.CastPlayer;
import org.termcurator.core.terminal.Palette;
import org.termcurator.core.terminal.ScreenRenderer;
import org.termcurator.core.terminal.TerminalSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code curator cast render}: asciinema recordings through the terminal emulator, no project needed. */
@Command(name = "cast", description = "Work with asciinema recordings (.cast, v2 and v3).",
        subcommands = {CastCommand.Render.class})
final class CastCommand extends ProjectSubcommand.Group {

    enum Format { text, ansi, html }

    @Command(name = "render", description = "Print the emulated screen of a recording at a moment (the end by default).")
    static final class Render implements Callable<Integer> {

        @Mixin
        OutputOptions output;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.cast", description = "The recording.")
        Path file;

        @Option(names = "--at", paramLabel = "SECONDS", description = "The moment to show, in seconds from the start.")
        Double at;

        @Option(names = "--scrollback", description = "Put the scrollback above the screen.")
        boolean scrollback;

        @Option(names = "--format", paramLabel = "text|ansi|html", defaultValue = "text",
                description = "text (default), ansi (colours as escape sequences) or html.")
        Format format;

        @Override
        public Integer call() {
            if (at != null && (at < 0 || !Double.isFinite(at))) {
                throw new ParameterException(spec.commandLine(), "--at must be a number of seconds, at least 0");
            }
            CastPlayer player = load();
            TerminalSnapshot screen = at == null ? player.finalScreen() : player.screenAt(at);
            String rendered = switch (format) {
                case text -> ScreenRenderer.toText(screen, scrollback);
                case ansi -> ScreenRenderer.toAnsi(screen, scrollback);
                case html -> ScreenRenderer.toHtml(screen, scrollback, Palette.of(player.header().theme()));
            };
            // a line the reader skipped is still a bad cast: render what was read, name each line, exit 1
            List<CastFormatException> problems = player.problems();
            for (CastFormatException problem : problems) {
                cli().err().println("error: " + org.termcurator.core.io.SafeText.oneLine(file + ":" + problem.lineNumber() + ": " + problem.reason()));
            }
            cli().err().flush();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", file.toString());
            result.put("at", at == null ? player.duration() : at);
            result.put("duration", player.duration());
            result.put("cols", screen.cols());
            result.put("rows", screen.rows());
            result.put("format", format.name());
            result.put("screen", rendered);
            result.put("problems", problems.stream().map(problem -> Map.of("line", problem.lineNumber(),
                    "reason", problem.reason())).toList());
            if (format == Format.ansi) {
                cli().resultAsIs(output, result, rendered); // the emulator's own colour codes, nothing of the recording's
            } else {
                cli().result(output, result, rendered);
            }
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }

        private CastPlayer load() {
            if (Files.isDirectory(file)) {
                throw new CliFailure(file + ": is a folder, not a recording");
            }
            try {
                return CastPlayer.load(file);
            } catch (CastFormatException e) {
                throw new CliFailure(file + ":" + e.lineNumber() + ": " + e.reason());
            } catch (NoSuchFileException e) {
                throw new CliFailure(file + ": no such file");
            } catch (IOException e) {
                throw new CliFailure(file + ": cannot read: " + e.getMessage());
            }
        }

        private CliOutput cli() {
            return ((CuratorCli) spec.root().userObject()).output();
        }
    }
}
