package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a Parquet file's rows as JSON objects with the importer's own reader, for tests of files the app writes. */
public final class ParquetFiles {

    private ParquetFiles() {
    }

    public static List<ObjectNode> rows(Path file) throws IOException {
        List<ObjectNode> rows = new ArrayList<>();
        try (ParquetRows reader = ParquetRows.open(file)) {
            com.fasterxml.jackson.databind.JsonNode row;
            while ((row = reader.next()) != null) {
                rows.add((ObjectNode) row);
            }
        }
        return rows;
    }
}
