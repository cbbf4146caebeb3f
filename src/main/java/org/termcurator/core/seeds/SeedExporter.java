package org.termcurator.core.seeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.termcurator.core.io.AtomicFiles;
import org.termcurator.core.io.Mappers;

/**
 * Writes seeds as JSON Lines or CSV under the field names the importer maps on sight, so an
 * exported file imports back into the same seeds. Files are replaced atomically.
 */
public final class SeedExporter {

    private static final ObjectMapper JSON = Mappers.json();

    private SeedExporter() {
    }

    public static void write(Path file, List<Seed> seeds) throws IOException {
        switch (SeedFile.Format.of(file)) {
            case JSONL -> writeJsonLines(file, seeds);
            case CSV -> writeDelimited(file, seeds, ',');
            case TSV -> writeDelimited(file, seeds, '\t');
        }
    }

    public static void writeJsonLines(Path file, List<Seed> seeds) throws IOException {
        AtomicFiles.write(file, out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (Seed seed : seeds) {
                writer.write(JSON.writeValueAsString(toJson(seed)));
                writer.write('\n');
            }
            writer.flush();
        });
    }

    static ObjectNode toJson(Seed seed) {
        ObjectNode node = JSON.createObjectNode();
        for (SeedField field : SeedField.values()) {
            if (field == SeedField.TAGS) {
                ArrayNode tags = node.putArray(field.key());
                seed.tags().forEach(tags::add);
                continue;
            }
            String value = field.read(seed);
            if (value != null) {
                node.put(field.key(), value);
            }
        }
        return node;
    }

    public static void writeDelimited(Path file, List<Seed> seeds, char delimiter) throws IOException {
        AtomicFiles.write(file, out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(CsvTable.formatRecord(SeedField.keys(), delimiter));
            for (Seed seed : seeds) {
                List<String> values = new ArrayList<>();
                for (SeedField field : SeedField.values()) {
                    values.add(field.read(seed));
                }
                writer.write(CsvTable.formatRecord(values, delimiter));
            }
            writer.flush();
        });
    }
}
