package org.termcurator.core.seeds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.termcurator.core.io.Mappers;

/**
 * CSV as RFC 4180 writes it (quoted fields may hold the delimiter, doubled quotes and line
 * breaks), read and written by Jackson's CSV module. Each record remembers the line it starts
 * on, so errors can point at it.
 */
public final class CsvTable {

    private static final CsvMapper CSV = Mappers.csv();

    /** One record and the 1-based line it starts on. */
    public record Record(int line, List<String> fields) {
    }

    /** A record that could not be read, and where. */
    public static final class CsvException extends Exception {
        private final int line;
        private final transient List<Record> readBefore;

        CsvException(int line, String message, List<Record> readBefore) {
            super(message);
            this.line = line;
            this.readBefore = List.copyOf(readBefore);
        }

        /** The records before the broken one, which are fine. */
        public List<Record> readBefore() {
            return readBefore;
        }

        public int line() {
            return line;
        }
    }

    private CsvTable() {
    }

    public static List<Record> parse(String text, char delimiter) throws CsvException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Lines lines = new Lines(body);
        List<Record> records = new ArrayList<>();
        long recordEnd = 0; // where the last record read ends: the next one starts after the line breaks that follow
        try (JsonParser parser = CSV.reader(schema(delimiter)).createParser(body)) {
            List<String> fields = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    fields = new ArrayList<>();
                } else if (token == JsonToken.VALUE_STRING && fields != null) {
                    fields.add(parser.getText());
                } else if (token == JsonToken.END_ARRAY && fields != null) {
                    records.add(new Record(lines.recordStart(recordEnd), List.copyOf(fields)));
                    fields = null;
                    recordEnd = Math.max(recordEnd, parser.currentLocation().getCharOffset());
                }
            }
        } catch (JsonProcessingException e) {
            int line = lines.recordStart(recordEnd);
            String reason = e.getOriginalMessage();
            if (reason != null && reason.contains("Missing closing quote")) {
                throw new CsvException(line, "a quoted field opened on line " + line + " is never closed", records);
            }
            throw new CsvException(line, "line " + line + ": " + reason, records);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a string
        }
        return records;
    }

    /** One CSV line (ending in \r\n, as RFC 4180 asks), quoting only what needs it. */
    public static String formatRecord(List<String> fields, char delimiter) {
        List<String> values = fields.stream().map(value -> value == null ? "" : value).toList();
        try {
            return CSV.writer(schema(delimiter)).writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings cannot be written as CSV", e);
        }
    }

    private static CsvSchema schema(char delimiter) {
        return CsvSchema.emptySchema().withColumnSeparator(delimiter).withLineSeparator("\r\n");
    }

    /**
     * Physical lines of the text (LF, CRLF or a lone CR end one): Jackson counts records, not
     * lines. The offsets asked for only grow, so the text is walked once.
     */
    private static final class Lines {
        private final String text;
        private int position;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        /** The 1-based line of the first character at or after {@code offset} that is no line break. */
        int recordStart(long offset) {
            int end = (int) Math.min(Math.max(offset, 0), text.length());
            while (position < end) {
                step();
            }
            int mark = position;
            int markLine = line;
            while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
                step();
            }
            int start = line;
            position = mark; // the record itself may start here; the next call walks on from the mark
            line = markLine;
            return start;
        }

        private void step() {
            char c = text.charAt(position);
            if (c == '\n' || c == '\r' && (position + 1 >= text.length() || text.charAt(position + 1) != '\n')) {
                line++;
            }
            position++;
        }
    }
}
