package org.termcurator.core.rollouts.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.termcurator.core.terminal.CastEvent;
import org.termcurator.core.terminal.CastEventCode;
import org.termcurator.core.terminal.CastHeader;
import org.termcurator.core.terminal.CastWriter;
import org.termcurator.core.terminal.TerminalSize;

/**
 * Records a rollout's terminal as an asciinema v2 cast, written as it happens through the
 * project's {@link CastWriter} (a crash leaves every line written so far readable), with real
 * timings. Output bytes are decoded as UTF-8 across chunk boundaries; listeners hear every
 * event as it is written, e.g. to show a rollout live.
 *
 * <p>A recording keeps a budget (about bytes of the file): the first half is
 * written as it happens, the last half is kept in memory and written at the end, and what
 * lies between is left out, marked in the cast by a marker event and a visible line at the
 * point of the cut (so a replay shows it too).
 */
public final class CastRecorder implements AutoCloseable {

    /** Hears every event as it is written, e.g. to show a rollout live. */
    @FunctionalInterface
    public interface Listener {
        void event(double seconds, String code, String data);
    }

    private static final long FLUSH_NANOS = 200_000_000L;
    /** What a recording keeps when no budget is given: 20 MB. */
    public static final long DEFAULT_BUDGET = 20L * 1024 * 1024;
    /** The marker's label at a cut starts with this. */
    public static final String CUT_LABEL = "recording budget: output left out";
    private static final int EVENT_OVERHEAD = 24;

    private final long headBudget;
    private final long tailBudget;
    private long headWritten;
    private boolean cutting;
    private final java.util.ArrayDeque<CastEvent> tail = new java.util.ArrayDeque<>();
    private long tailChars;
    private long leftOutChars;
    private double cutAt = -1;

    private final Path file;
    private final CastWriter writer;
    private final long startNanos;
    private final Listener listener;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private long lastFlush;
    private boolean closed;

    private CastRecorder(Path file, CastWriter writer, Listener listener, long budget) {
        this.headBudget = Math.max(1, budget / 2);
        this.tailBudget = Math.max(1, budget - headBudget);
        this.file = file;
        this.writer = writer;
        this.listener = listener;
        this.startNanos = System.nanoTime();
        this.lastFlush = startNanos;
    }

    /** Creates the cast file and writes its header. */
    public static CastRecorder create(Path file, TerminalSize size, String title, String command, Listener listener)
            throws IOException {
        return create(file, size, title, command, listener, DEFAULT_BUDGET);
    }

    /** Like {@link #create(Path, TerminalSize, String, String, Listener)}, keeping {@code budget} characters. */
    public static CastRecorder create(Path file, TerminalSize size, String title, String command, Listener listener,
                                      long budget) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        CastHeader header = new CastHeader(2, size.cols(), size.rows(), Instant.now().getEpochSecond(), null, null,
                title, command, null, Map.of("TERM", "xterm-256color", "SHELL", "/bin/bash"), null);
        CastWriter writer = new CastWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), header);
        writer.flush();
        return new CastRecorder(file, writer, listener == null ? (t, c, d) -> { } : listener, budget);
    }

    public Path file() {
        return file;
    }

    /** Seconds since the recording started. */
    public double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Terminal output as the program wrote it. */
    public synchronized void output(byte[] bytes) {
        if (closed) {
            return;
        }
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + bytes.length);
        in.put(pending).put(bytes).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        pending = in.slice(); // an incomplete character waits for the next chunk
        out.flip();
        if (out.hasRemaining()) {
            write(CastEventCode.OUTPUT, out.toString());
        }
    }

    /** What was typed into the terminal. */
    public synchronized void input(String keystrokes) {
        if (!closed && !keystrokes.isEmpty()) {
            write(CastEventCode.INPUT, keystrokes);
        }
    }

    /** A named point in time (asciinema markers), e.g. the start of an agent step. */
    public synchronized void marker(String label) {
        if (!closed) {
            write(CastEventCode.MARKER, label);
        }
    }

    public synchronized void resize(TerminalSize size) {
        if (!closed) {
            write(CastEventCode.RESIZE, size.cols() + "x" + size.rows());
        }
    }

    private void write(CastEventCode code, String data) {
        long now = System.nanoTime();
        double seconds = Math.round((now - startNanos) / 1e3) / 1e6;
        try {
            CastEvent event = new CastEvent(seconds, code, data);
            if (!cutting && headWritten + cost(data) > headBudget) {
                cutting = true;
            }
            if (cutting) {
                keepInTail(event);
            } else {
                headWritten += cost(data);
                writer.write(event);
            }
            if (now - lastFlush > FLUSH_NANOS) {
                writer.flush();
                lastFlush = now;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        listener.event(seconds, code.code(), data);
    }

    /** The last {@link #tailBudget} characters wait here; older ones are left out. */
    private void keepInTail(CastEvent event) {
        String data = event.data();
        if (data.length() > tailBudget) {
            leftOutChars += data.length() - tailBudget;
            noteCut(event.time());
            data = data.substring((int) (data.length() - tailBudget));
            event = new CastEvent(event.time(), event.code(), data);
        }
        tail.addLast(event);
        tailChars += cost(data);
        while (tailChars > tailBudget && !tail.isEmpty()) {
            CastEvent dropped = tail.removeFirst();
            tailChars -= cost(dropped.data());
            leftOutChars += dropped.data().length();
            noteCut(dropped.time());
        }
    }

    /** About what an event costs in the file: its data and the line around it (time, code, quotes). */
    private static long cost(String data) {
        return data.length() + EVENT_OVERHEAD;
    }

    private void noteCut(double time) {
        if (cutAt < 0) {
            cutAt = time;
        }
    }

    /** Characters of output left out by the budget so far (0: the recording is whole). */
    public synchronized long leftOut() {
        return leftOutChars;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        if (pending.hasRemaining()) {
            write(CastEventCode.OUTPUT, "\uFFFD"); // the stream ended inside a character
        }
        closed = true;
        if (leftOutChars > 0) {
            String size = leftOutChars >= 1024 * 1024 ? (leftOutChars / (1024 * 1024)) + " MB"
                    : leftOutChars >= 1024 ? (leftOutChars / 1024) + " KB" : leftOutChars + " characters";
            writer.write(new CastEvent(cutAt, CastEventCode.MARKER, CUT_LABEL + " (" + size + ")"));
            writer.write(new CastEvent(cutAt, CastEventCode.OUTPUT, "\r\n\u001b[7m[... " + size
                    + " of output left out: the recording keeps its first and last "
                    + (headBudget + tailBudget) / (1024 * 1024) + " MB ...]\u001b[0m\r\n"));
        }
        for (CastEvent event : tail) {
            writer.write(event);
        }
        tail.clear();
        writer.close();
    }
}
