package org.termcurator.core.terminal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.termcurator.core.io.Mappers;

/**
 * Reads asciinema casts, versions 2 and 3 (newline-delimited JSON: a header object, then one event
 * array per line). v3 event times are intervals and are accumulated into times since the start,
 * so callers see the same model for both versions.
 *
 * <p>A broken header is fatal ({@link CastFormatException}); a broken event line is reported and
 * skipped.
 */
public final class CastReader {

    /** Streaming Jackson only: the tree-model ObjectMapper would triple the cost of a first read. */
    private static final JsonFactory JSON = Mappers.jsonFactory();

    private CastReader() {
    }

    /** Reads the whole cast into memory. */
    public static Cast read(Path path) throws IOException {
        try (CastEventStream stream = open(path)) {
            return readAll(stream);
        }
    }

    /** Reads the whole cast from UTF-8 bytes; closes {@code in}. */
    public static Cast read(InputStream in) throws IOException {
        try (CastEventStream stream = open(in)) {
            return readAll(stream);
        }
    }

    private static Cast readAll(CastEventStream stream) {
        List<CastEvent> events = new ArrayList<>();
        stream.forEachRemaining(events::add);
        return new Cast(stream.header(), events, stream.problems());
    }

    /** Reads the header and returns a stream over the events; the caller closes it. */
    public static CastEventStream open(Path path) throws IOException {
        return open(path, null);
    }

    public static CastEventStream open(Path path, Consumer<CastFormatException> problemListener) throws IOException {
        return open(Files.newInputStream(path), problemListener);
    }

    public static CastEventStream open(InputStream in) throws IOException {
        return open(in, null);
    }

    /**
     * Reads the header from {@code in} (UTF-8) and returns a stream over the events; closing the
     * stream closes {@code in}, also when the header is rejected.
     *
     * @param problemListener told about each malformed event line as it is skipped; may be null
     */
    public static CastEventStream open(InputStream in, Consumer<CastFormatException> problemListener)
            throws IOException {
        ByteLineReader lines = new ByteLineReader(in);
        try {
            long lineNumber = 0;
            while (true) {
                if (!lines.next()) {
                    throw new CastFormatException(lineNumber + 1, "empty file: no cast header");
                }
                lineNumber++;
                String line = new String(lines.buffer(), lines.lineStart(), lines.lineEnd() - lines.lineStart(),
                        StandardCharsets.UTF_8);
                if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                    CastHeader header = parseHeader(line, lineNumber);
                    return new CastEventStream(lines, new EventLineParser(JSON), header, lineNumber, problemListener);
                }
            }
        } catch (IOException | RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    static CastHeader parseHeader(String line, long lineNumber) throws CastFormatException {
        Object parsed;
        try (JsonParser parser = JSON.createParser(line)) {
            parsed = parser.nextToken() == null ? null : readValue(parser);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new CastFormatException(lineNumber, "header is not valid JSON: " + reason);
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            throw new CastFormatException(lineNumber, "header is not a JSON object");
        }
        if (!(root.get("version") instanceof Number versionNumber)) {
            throw new CastFormatException(lineNumber, "header has no version number");
        }
        int version = versionNumber.intValue();
        if (version == 1) {
            throw new CastFormatException(lineNumber, "asciinema v1 casts (one JSON document) are not supported");
        }
        if (version != 2 && version != 3) {
            throw new CastFormatException(lineNumber, "unsupported cast version " + version);
        }
        Map<?, ?> term = version == 3 ? object(root.get("term")) : root;
        int cols = positiveInt(term, version == 3 ? "cols" : "width", lineNumber);
        int rows = positiveInt(term, version == 3 ? "rows" : "height", lineNumber);
        Map<String, String> env = new LinkedHashMap<>();
        object(root.get("env")).forEach((key, value) -> {
            if (value != null) {
                env.put(key.toString(), value.toString());
            }
        });
        String termType = version == 3 ? text(term.get("type")) : null;
        if (termType == null) {
            termType = env.get("TERM");
        }
        Object theme = version == 3 && term.containsKey("theme") ? term.get("theme") : root.get("theme");
        return new CastHeader(version, cols, rows, longOrNull(root.get("timestamp")),
                doubleOrNull(root.get("duration")), doubleOrNull(root.get("idle_time_limit")),
                text(root.get("title")), text(root.get("command")), termType, env, theme(theme));
    }

    /** Reads the value at the parser's current token into maps, lists, strings, numbers, booleans and nulls. */
    private static Object readValue(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, readValue(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
            default -> null;
        };
    }

    private static Map<?, ?> object(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static int positiveInt(Map<?, ?> object, String field, long lineNumber) throws CastFormatException {
        if (!(object.get(field) instanceof Number number) || number.intValue() < 1
                || number.doubleValue() != number.intValue()) {
            throw new CastFormatException(lineNumber, "header lacks a positive " + field);
        }
        return number.intValue();
    }

    private static CastTheme theme(Object value) {
        if (!(value instanceof Map<?, ?> theme)) {
            return null;
        }
        String palette = text(theme.get("palette"));
        List<String> colours = palette == null || palette.isBlank() ? List.of() : Arrays.asList(palette.split(":"));
        return new CastTheme(text(theme.get("fg")), text(theme.get("bg")), colours);
    }

    private static String text(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }

    private static Long longOrNull(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }

    private static Double doubleOrNull(Object value) {
        return value instanceof Number number ? number.doubleValue() : null;
    }
}
