package org.termcurator.core.trajectories;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a file line by line as bytes, so that a JSONL file of any size streams with memory
 * bounded by its longest line, and each line's exact bytes feed its content hash.
 */
final class LineReader implements AutoCloseable {

    /** What {@link #next()} returns for a line longer than the cap; its bytes were skipped, not kept. */
    static final byte[] OVERLONG = new byte[0];

    private final InputStream in;
    private final long maxLineBytes;
    private final byte[] buffer = new byte[256 * 1024];
    private long skippedLength;
    private int position;
    private int limit;
    private long lineNumber;
    private long bytesRead;

    LineReader(InputStream in) {
        this(in, Long.MAX_VALUE);
    }

    /** @param maxLineBytes longer lines are skipped to their end and returned as {@link #OVERLONG} */
    LineReader(InputStream in, long maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The length of the last line returned as {@link #OVERLONG}. */
    long skippedLength() {
        return skippedLength;
    }

    /** The next line without its line ending, or null at the end. */
    byte[] next() throws IOException {
        byte[] line = null;
        int lineLength = 0;
        long skipped = -1; // counting the bytes of an overlong line instead of keeping them
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (skipped >= 0) {
                        return overlong(skipped);
                    }
                    if (line == null) {
                        return null;
                    }
                    return finish(line, lineLength);
                }
            }
            int newline = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            int chunk = end - position;
            if (skipped < 0 && (long) lineLength + chunk > maxLineBytes) {
                skipped = lineLength;
                line = null;
            }
            if (skipped >= 0) {
                skipped += chunk;
                bytesRead += chunk;
                position = end;
                if (newline >= 0) {
                    position++;
                    bytesRead++;
                    return overlong(skipped);
                }
                continue;
            }
            if (line == null) {
                line = new byte[Math.max(chunk, 64)];
            } else if (lineLength + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + chunk));
            }
            System.arraycopy(buffer, position, line, lineLength, chunk);
            lineLength += chunk;
            bytesRead += chunk;
            position = end;
            if (newline >= 0) {
                position++;
                bytesRead++;
                return finish(line, lineLength);
            }
        }
    }

    private byte[] overlong(long length) {
        lineNumber++;
        skippedLength = length;
        return OVERLONG;
    }

    private byte[] finish(byte[] line, int length) {
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return length == line.length ? line : Arrays.copyOf(line, length);
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    long lineNumber() {
        return lineNumber;
    }

    long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
