package org.termcurator.core.terminal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.termcurator.core.io.Mappers;

/**
 * Writes asciinema v2 casts: the header line, then one {@code [time, code, data]} line per event
 * with times in seconds since the start, rounded to microseconds as asciinema does.
 */
public final class CastWriter implements Closeable, Flushable {

    private static final JsonFactory JSON = Mappers.lineJsonFactory();

    private final Writer out;
    private final JsonGenerator generator;

    /** Writes the header immediately; {@code out} is closed with this writer. */
    public CastWriter(Writer out, CastHeader header) throws IOException {
        this.out = out;
        this.generator = JSON.createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        writeHeader(header);
    }

    public static void write(Cast cast, Path path) throws IOException {
        try (CastWriter writer = new CastWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), cast.header())) {
            for (CastEvent event : cast.events()) {
                writer.write(event);
            }
        }
    }

    public static void write(Cast cast, Writer out) throws IOException {
        Writer buffered = out instanceof BufferedWriter ? out : new BufferedWriter(out);
        CastWriter writer = new CastWriter(buffered, cast.header());
        for (CastEvent event : cast.events()) {
            writer.write(event);
        }
        writer.flush();
    }

    public void write(CastEvent event) throws IOException {
        generator.writeStartArray();
        generator.writeNumber(formatTime(event.time()));
        generator.writeString(event.code().code());
        generator.writeString(event.data());
        generator.writeEndArray();
        generator.writeRaw('\n');
    }

    private void writeHeader(CastHeader header) throws IOException {
        generator.writeStartObject();
        generator.writeNumberField("version", 2);
        generator.writeNumberField("width", header.cols());
        generator.writeNumberField("height", header.rows());
        if (header.timestamp() != null) {
            generator.writeNumberField("timestamp", header.timestamp());
        }
        if (header.duration() != null) {
            generator.writeFieldName("duration");
            generator.writeNumber(formatTime(header.duration()));
        }
        if (header.idleTimeLimit() != null) {
            generator.writeFieldName("idle_time_limit");
            generator.writeNumber(formatTime(header.idleTimeLimit()));
        }
        writeOptional("command", header.command());
        writeOptional("title", header.title());
        Map<String, String> env = new LinkedHashMap<>(header.env());
        if (header.termType() != null) {
            env.putIfAbsent("TERM", header.termType());
        }
        if (!env.isEmpty()) {
            generator.writeObjectFieldStart("env");
            for (Map.Entry<String, String> entry : env.entrySet()) {
                generator.writeStringField(entry.getKey(), entry.getValue());
            }
            generator.writeEndObject();
        }
        CastTheme theme = header.theme();
        if (theme != null) {
            generator.writeObjectFieldStart("theme");
            writeOptional("fg", theme.foreground());
            writeOptional("bg", theme.background());
            if (!theme.palette().isEmpty()) {
                generator.writeStringField("palette", String.join(":", theme.palette()));
            }
            generator.writeEndObject();
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
    }

    private void writeOptional(String field, String value) throws IOException {
        if (value != null) {
            generator.writeStringField(field, value);
        }
    }

    /** Seconds with at most six decimals and no exponent, e.g. {@code 1.5} or {@code 0.000123}. */
    static String formatTime(double seconds) {
        BigDecimal rounded = BigDecimal.valueOf(seconds).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    @Override
    public void flush() throws IOException {
        generator.flush();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        generator.close();
        out.close();
    }
}
