package org.termcurator.core.trajectories;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.termcurator.core.io.ItemCap;

/**
 * Streams the rows of SFT files, each row one item named {@code FILE#L<line>} (JSONL) or
 * {@code FILE#row<n>} (Parquet), so that re-imports recognise them. A bad row is reported
 * with its line and the rest of the file goes on.
 */
final class SftRowFiles {

    private SftRowFiles() {
    }

    static void readJsonl(Path file, ItemSink sink) throws IOException, SQLException {
        readJsonl(file, sink, ItemCap.DEFAULT_BYTES);
    }

    static void readJsonl(Path file, ItemSink sink, long maxItemBytes) throws IOException, SQLException {
        try (InputStream in = Files.newInputStream(file); LineReader lines = new LineReader(in, maxItemBytes)) {
            byte[] line;
            long consumed = 0;
            while ((line = lines.next()) != null) {
                long bytes = lines.bytesRead() - consumed;
                consumed = lines.bytesRead();
                if (line == LineReader.OVERLONG) {
                    sink.fail(file + ":" + lines.lineNumber(), ItemCap.tooBig("the row", lines.skippedLength(),
                            maxItemBytes), bytes);
                    continue;
                }
                if (isBlank(line)) {
                    continue;
                }
                String path = file + "#L" + lines.lineNumber();
                Trajectory trajectory;
                try {
                    JsonNode row = Json.read(line);
                    trajectory = SftRowReader.read(row, path);
                } catch (JsonProcessingException e) {
                    sink.fail(file + ":" + lines.lineNumber(), "invalid JSON: " + e.getOriginalMessage(), bytes);
                    continue;
                } catch (IllegalArgumentException e) {
                    sink.fail(file + ":" + lines.lineNumber(), e.getMessage(), bytes);
                    continue;
                } catch (RuntimeException e) {
                    sink.fail(file + ":" + lines.lineNumber(), "cannot import (" + e + ")", bytes);
                    continue;
                }
                sink.accept(trajectory.contentHash(ContentHash.of(line)), bytes);
            }
        }
    }

    static void readParquet(Path file, ItemSink sink) throws IOException, SQLException {
        long size = Files.size(file);
        try (ParquetRows rows = ParquetRows.open(file)) {
            long total = Math.max(1, rows.rowCount());
            long consumed = 0;
            JsonNode row;
            while ((row = rows.next()) != null) {
                long number = rows.rowNumber();
                long bytes = size * number / total - consumed;
                consumed += bytes;
                String path = file + "#row" + number;
                Trajectory trajectory;
                try {
                    trajectory = SftRowReader.read(row, path);
                } catch (IllegalArgumentException e) {
                    sink.fail(path, e.getMessage(), bytes);
                    continue;
                } catch (RuntimeException e) {
                    sink.fail(path, "cannot import (" + e + ")", bytes);
                    continue;
                }
                byte[] canonical = row.toString().getBytes(StandardCharsets.UTF_8);
                sink.accept(trajectory.contentHash(ContentHash.of(canonical)), bytes);
            }
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
