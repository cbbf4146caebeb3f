package org.termcurator.core.seeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.termcurator.core.io.Mappers;

/**
 * A seed file read into rows of named values, before any mapping to seed fields: JSON Lines
 * (one object a line; keys are the columns) or CSV/TSV with a header row. Unreadable rows are
 * kept as problems with their line, the rest is read.
 */
public record SeedFile(Path file, Format format, List<String> columns, List<Row> rows, List<ImportProblem> problems) {

    private static final ObjectMapper JSON = Mappers.json();

    public enum Format {
        JSONL, CSV, TSV;

        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".tsv") || name.endsWith(".tab")) {
                return TSV;
            }
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
                return JSONL;
            }
            throw new IllegalArgumentException(file + ": unknown seed file type (use .jsonl, .csv or .tsv)");
        }
    }

    /** One record: text values by column, and list values (JSON arrays) kept as lists. */
    public record Row(int line, Map<String, String> values, Map<String, List<String>> lists) {
    }

    public SeedFile {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public static SeedFile read(Path file) throws IOException {
        Format format = Format.of(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return switch (format) {
            case JSONL -> readJsonLines(file, text);
            case CSV -> readDelimited(file, text, Format.CSV, ',');
            case TSV -> readDelimited(file, text, Format.TSV, '\t');
        };
    }

    private static SeedFile readJsonLines(Path file, String text) {
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        List<Row> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                problems.add(new ImportProblem(file, i + 1, "not valid JSON (" + e.getOriginalMessage() + ")"));
                continue;
            }
            if (node == null || !node.isObject()) {
                problems.add(new ImportProblem(file, i + 1, "expected a JSON object, found "
                        + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT))));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, List<String>> lists = new LinkedHashMap<>();
            for (var entry : node.properties()) {
                JsonNode value = entry.getValue();
                columns.add(entry.getKey());
                if (value.isNull()) {
                    continue;
                }
                if (value.isArray()) {
                    List<String> items = new ArrayList<>();
                    value.forEach(item -> items.add(item.isTextual() ? item.asText() : item.toString()));
                    lists.put(entry.getKey(), items);
                    values.put(entry.getKey(), String.join(", ", items));
                } else {
                    values.put(entry.getKey(), value.isValueNode() ? value.asText() : value.toString());
                }
            }
            rows.add(new Row(i + 1, values, lists));
        }
        return new SeedFile(file, Format.JSONL, new ArrayList<>(columns), rows, problems);
    }

    private static SeedFile readDelimited(Path file, String text, Format format, char delimiter) {
        List<CsvTable.Record> records;
        List<ImportProblem> problems = new ArrayList<>();
        try {
            records = CsvTable.parse(text, delimiter);
        } catch (CsvTable.CsvException e) {
            records = e.readBefore();
            problems.add(new ImportProblem(file, e.line(), e.getMessage()));
        }
        if (records.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(new ImportProblem(file, 0, "the file is empty"));
            }
            return new SeedFile(file, format, List.of(), List.of(), problems);
        }
        List<String> header = new ArrayList<>();
        for (String name : records.getFirst().fields()) {
            header.add(name.strip());
        }
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Record record : records.subList(1, records.size())) {
            if (record.fields().size() == 1 && record.fields().getFirst().isBlank()) {
                continue;
            }
            if (record.fields().size() > header.size()) {
                problems.add(new ImportProblem(file, record.line(), record.fields().size() + " fields but the header has "
                        + header.size()));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < record.fields().size(); i++) {
                values.put(header.get(i), record.fields().get(i));
            }
            rows.add(new Row(record.line(), values, Map.of()));
        }
        return new SeedFile(file, format, header, rows, problems);
    }
}
