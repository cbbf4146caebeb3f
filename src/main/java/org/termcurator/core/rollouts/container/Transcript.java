package org.termcurator.core.rollouts.container;

import org.termcurator.core.terminal.TerminalEmulator;
import org.termcurator.core.terminal.TerminalSize;

/**
 * Everything a terminal printed, kept as text beside the cast (and run through a terminal
 * emulator for the screen), so agents can read what came since they last looked, see the
 * screen as a person would, and wait for the shell's prompt. The prompt is recognised by an
 * invisible mark (OSC 133;A, the "prompt start" of terminal shell integration) that the
 * rollout's shell prints before each prompt.
 */
public final class Transcript implements CastRecorder.Listener {

    static final String PROMPT_MARK = "\u001B]133;A\u0007";
    /** Beyond this the oldest text is dropped (offsets stay valid: they count from the start). */
    private static final int MAX_CHARS = 8 * 1024 * 1024;

    private final CastRecorder.Listener downstream;
    private final TerminalEmulator emulator = new TerminalEmulator(TerminalSize.DEFAULT.cols(), TerminalSize.DEFAULT.rows());
    private final StringBuilder text = new StringBuilder();
    private long dropped;
    private int prompts;
    private int scanFrom;

    public Transcript(CastRecorder.Listener downstream) {
        this.downstream = downstream;
    }

    @Override
    public void event(double seconds, String code, String data) {
        if ("o".equals(code)) {
            append(data);
        }
        downstream.event(seconds, code, data);
    }

    private synchronized void append(String data) {
        text.append(data);
        emulator.feed(data);
        int at;
        while ((at = text.indexOf(PROMPT_MARK, scanFrom)) >= 0) {
            prompts++;
            scanFrom = at + PROMPT_MARK.length();
        }
        scanFrom = Math.max(scanFrom, text.length() - PROMPT_MARK.length() + 1);
        if (text.length() > MAX_CHARS) {
            int cut = text.length() - MAX_CHARS / 2;
            text.delete(0, cut);
            dropped += cut;
            scanFrom = Math.max(0, scanFrom - cut);
        }
        notifyAll();
    }

    /** Total characters printed so far; an offset for {@link #since}. */
    synchronized long length() {
        return dropped + text.length();
    }

    /** What was printed after {@code offset} (what is still kept of it). */
    synchronized String since(long offset) {
        int from = (int) Math.max(0, offset - dropped);
        return from >= text.length() ? "" : text.substring(from);
    }

    public synchronized String all() {
        return text.toString();
    }

    /** What the terminal shows now, line by line, without the empty lines below the last text. */
    synchronized String screen() {
        return emulator.screenText().stripTrailing();
    }

    synchronized int prompts() {
        return prompts;
    }

    /** Waits until more than {@code count} prompts were printed, or the deadline; true when they were. */
    synchronized boolean awaitPrompts(int count, long deadlineNanos) throws InterruptedException {
        while (prompts <= count) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            long millis = Math.max(1, left / 1_000_000);
            wait(millis);
        }
        return true;
    }
}
