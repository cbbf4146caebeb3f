package org.termcurator.core.rollouts.container;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.termcurator.core.docker.DockerEngineException;
import org.termcurator.core.docker.PtySession;
import org.termcurator.core.terminal.TerminalSize;
import org.termcurator.core.terminal.TerminalText;
import org.termcurator.core.terminus.KeyNames;

/**
 * An interactive shell in a terminal, for images without tmux. Keystrokes go to its stdin;
 * its prompt carries an invisible mark so a command's end is seen without guessing.
 */
public final class ShellTerminal implements AgentTerminal {

    private static final Duration FIRST_PROMPT = Duration.ofSeconds(10);

    private final PtySession session;
    private final CastRecorder cast;
    private final Transcript transcript;
    private long readOffset;
    /** Prompts seen before the last keystrokes went out, so a quick prompt is not missed. */
    private int promptsBeforeSend;

    private ShellTerminal(PtySession session, CastRecorder cast, Transcript transcript) {
        this.session = session;
        this.cast = cast;
        this.transcript = transcript;
    }

    public static ShellTerminal open(RolloutContainer container, CastRecorder cast, Transcript transcript, boolean bash)
            throws DockerEngineException, InterruptedException {
        // bash expands \[ \e \a \] in PS1 (the brackets keep readline's line length right); sh takes bytes.
        String prompt = bash ? "\\[\\e]133;A\\a\\]\\u@\\h:\\w\\$ " : Transcript.PROMPT_MARK + "$ ";
        List<String> command = bash ? List.of("bash", "--noprofile", "--norc", "-i") : List.of("sh", "-i");
        Map<String, String> env = new java.util.HashMap<>(RecordedCommand.TERMINAL_ENV);
        env.put("PS1", prompt);
        PtySession session = PtySession.start(container.engine(), container.id(), command, env, TerminalSize.DEFAULT,
                true, cast::output);
        ShellTerminal terminal = new ShellTerminal(session, cast, transcript);
        transcript.awaitPrompts(0, System.nanoTime() + FIRST_PROMPT.toNanos());
        return terminal;
    }

    @Override
    public void send(String keystrokes) {
        promptsBeforeSend = transcript.prompts();
        cast.input(keystrokes);
        session.send(KeyNames.bytes(keystrokes));
    }

    @Override
    public void settle(String keystrokes, Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        transcript.awaitPrompts(promptsBeforeSend + expectedPrompts(keystrokes) - 1, deadline);
    }

    /** One prompt per line the keystrokes submit (at least one: C-c also brings one back). */
    private static int expectedPrompts(String keystrokes) {
        if (KeyNames.isKeyName(keystrokes)) {
            return 1;
        }
        int lines = 0;
        for (char c : keystrokes.toCharArray()) {
            if (c == '\n' || c == '\r') {
                lines++;
            }
        }
        return Math.max(1, lines);
    }

    @Override
    public String newOutput() {
        long end = transcript.length();
        String text = transcript.since(readOffset);
        readOffset = end;
        return TerminalText.plain(text);
    }

    @Override
    public String screen() {
        return transcript.screen();
    }

    @Override
    public String kind() {
        return "shell";
    }

    @Override
    public void close() {
        session.close();
    }
}
