package org.termcurator.core.curate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes compact JSON rows straight as UTF-8 bytes. A string is encoded once with the JDK's
 * (vectorised) UTF-8 encoder and copied in runs between the few bytes that need escaping:
 * multi-byte UTF-8 sequences never do, so non-ASCII text is written as it is. Escapes are
 * Jackson's: the short ones for quote, backslash, newline, return, tab, backspace and form
 * feed, a six-character u00XX escape for the other control characters. Export throughput
 * depends on this loop.
 */
final class JsonLineWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    /** Whether the next value in the current object or array needs a comma before it. */
    private boolean comma;

    JsonLineWriter(OutputStream out) {
        this.out = out;
    }

    void startObject() throws IOException {
        separator();
        put((byte) '{');
        comma = false;
    }

    void endObject() throws IOException {
        put((byte) '}');
        comma = true;
    }

    void startArray(String field) throws IOException {
        name(field);
        put((byte) '[');
        comma = false;
    }

    void endArray() throws IOException {
        put((byte) ']');
        comma = true;
    }

    void stringField(String field, String value) throws IOException {
        name(field);
        if (value == null) {
            putAscii("null");
        } else {
            string(value);
        }
        comma = true;
    }

    void booleanField(String field, Boolean value) throws IOException {
        name(field);
        putAscii(value == null ? "null" : value.toString());
        comma = true;
    }

    /** Ends the row: a newline, and the next row starts without a comma. */
    void endLine() throws IOException {
        put((byte) '\n');
        comma = false;
    }

    void flush() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
        out.flush();
    }

    private void name(String field) throws IOException {
        separator();
        string(field);
        put((byte) ':');
    }

    private void separator() throws IOException {
        if (comma) {
            put((byte) ',');
        }
    }

    private void string(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        put((byte) '"');
        int run = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b != '"' && b != '\\') {
                continue;
            }
            write(bytes, run, i - run);
            escape(b);
            run = i + 1;
        }
        write(bytes, run, bytes.length - run);
        put((byte) '"');
    }

    private void escape(int b) throws IOException {
        switch (b) {
            case '"' -> putAscii("\\\"");
            case '\\' -> putAscii("\\\\");
            case '\n' -> putAscii("\\n");
            case '\r' -> putAscii("\\r");
            case '\t' -> putAscii("\\t");
            case '\b' -> putAscii("\\b");
            case '\f' -> putAscii("\\f");
            default -> {
                putAscii("\\u00");
                put(HEX[b >> 4]);
                put(HEX[b & 0xF]);
            }
        }
    }

    private void putAscii(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            put((byte) text.charAt(i));
        }
    }

    private void put(byte b) throws IOException {
        if (used == buffer.length) {
            out.write(buffer, 0, used);
            used = 0;
        }
        buffer[used++] = b;
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - used) {
            out.write(buffer, 0, used);
            used = 0;
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }
}
