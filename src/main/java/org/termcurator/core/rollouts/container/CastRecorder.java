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
 */
public final class CastRecorder implements AutoCloseable {

    /** Hears every event as it is written, e.g. to show a rollout live. */
    @FunctionalInterface
    public interface Listener {
        void event(double seconds, String code, String data);
    }

    private static final long FLUSH_NANOS = 200_000_000L;

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

    private CastRecorder(Path file, CastWriter writer, Listener listener) {
        this.file = file;
        this.writer = writer;
        this.listener = listener;
        this.startNanos = System.nanoTime();
        this.lastFlush = startNanos;
    }

    /** Creates the cast file and writes its header. */
    public static CastRecorder create(Path file, TerminalSize size, String title, String command, Listener listener)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        CastHeader header = new CastHeader(2, size.cols(), size.rows(), Instant.now().getEpochSecond(), null, null,
                title, command, null, Map.of("TERM", "xterm-256color", "SHELL", "/bin/bash"), null);
        CastWriter writer = new CastWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), header);
        writer.flush();
        return new CastRecorder(file, writer, listener == null ? (t, c, d) -> { } : listener);
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
            writer.write(new CastEvent(seconds, code, data));
            if (now - lastFlush > FLUSH_NANOS) {
                writer.flush();
                lastFlush = now;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        listener.event(seconds, code.code(), data);
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
        writer.close();
    }
}
