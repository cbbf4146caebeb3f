package org.termcurator.core.rollouts.container;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.docker.ExecResult;
import org.termcurator.core.docker.PtySession;
import org.termcurator.core.terminal.TerminalSize;
import org.termcurator.core.terminus.KeyNames;

/**
 * A tmux session in the container, driven the way Terminus drives it: keystrokes by
 * {@code tmux send-keys} (-l for literal text), output read with {@code capture-pane}. A tmux
 * client attached in a recorded terminal makes the cast.
 */
public final class TmuxTerminal implements AgentTerminal {

    static final String SESSION = "curator";

    private final RolloutContainer container;
    private final PtySession client;
    private final CastRecorder cast;
    private String lastCapture = "";

    private TmuxTerminal(RolloutContainer container, PtySession client, CastRecorder cast) {
        this.container = container;
        this.client = client;
        this.cast = cast;
    }

    public static TmuxTerminal open(RolloutContainer container, CastRecorder cast) throws DockerEngineException {
        TerminalSize size = TerminalSize.DEFAULT;
        ExecResult started = container.exec(List.of("tmux", "start-server", ";", "set-option", "-g", "history-limit",
                "50000", ";", "new-session", "-d", "-s", SESSION, "-x", Integer.toString(size.cols()), "-y",
                Integer.toString(size.rows())));
        if (!started.succeeded()) {
            throw new DockerEngineException("tmux did not start in " + container.id() + ": "
                    + (started.stderr() + started.stdout()).strip(), false, null);
        }
        PtySession client = PtySession.start(container.engine(), container.id(),
                List.of("tmux", "attach-session", "-t", SESSION), RecordedCommand.TERMINAL_ENV, size, false,
                cast::output);
        return new TmuxTerminal(container, client, cast);
    }

    @Override
    public void send(String keystrokes) throws DockerEngineException {
        cast.input(keystrokes);
        List<String> command = new ArrayList<>(List.of("tmux", "send-keys", "-t", SESSION));
        if (KeyNames.isKeyName(keystrokes)) {
            command.add(keystrokes);
        } else {
            command.addAll(List.of("-l", "--", keystrokes));
        }
        ExecResult sent = container.exec(command);
        if (!sent.succeeded()) {
            throw new DockerEngineException("tmux send-keys failed: " + (sent.stderr() + sent.stdout()).strip(),
                    false, null);
        }
    }

    @Override
    public void settle(String keystrokes, Duration duration) throws InterruptedException {
        Thread.sleep(duration);
    }

    @Override
    public String newOutput() throws DockerEngineException {
        String capture = stripTrailingBlankLines(capture(true));
        String previous = lastCapture;
        lastCapture = capture;
        if (!previous.isEmpty() && capture.startsWith(previous)) {
            String added = capture.substring(previous.length());
            return added.startsWith("\n") ? added.substring(1) : added;
        }
        return screen();
    }

    @Override
    public String screen() throws DockerEngineException {
        return stripTrailingBlankLines(capture(false));
    }

    private String capture(boolean withHistory) throws DockerEngineException {
        List<String> command = new ArrayList<>(List.of("tmux", "capture-pane", "-p", "-J", "-t", SESSION));
        if (withHistory) {
            command.addAll(List.of("-S", "-"));
        }
        return container.exec(command).stdout();
    }

    private static String stripTrailingBlankLines(String text) {
        return text.replaceAll("(?:[ \\t]*\\n)+\\z", "").stripTrailing();
    }

    @Override
    public String kind() {
        return "tmux";
    }

    @Override
    public void close() {
        client.close();
    }
}
