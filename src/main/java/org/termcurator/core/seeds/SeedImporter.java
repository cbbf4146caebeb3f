package org.termcurator.core.seeds;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.termcurator.core.jobs.JobContext;

/**
 * Imports seed files: maps columns to fields, checks every row, skips duplicates (same
 * normalized problem text as a stored seed or an earlier row) and stores the rest in one
 * transaction, so an import is either all stored or not at all.
 */
public final class SeedImporter {

    private final SeedStore seeds;

    public SeedImporter(SeedStore seeds) {
        this.seeds = seeds;
    }

    /** A row that was not imported because its problem is already there. */
    public record Duplicate(Path file, int line, String reason, Long existingSeedId) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + reason;
        }
    }

    /** What an import did. */
    public record Report(Path file, int rows, List<Seed> imported, List<Duplicate> duplicates,
                         List<ImportProblem> errors, ColumnMapping mapping, List<String> ignoredColumns) {

        public List<Long> importedIds() {
            List<Long> ids = new ArrayList<>();
            imported.forEach(seed -> ids.add(seed.id()));
            return ids;
        }
    }

    /** Reads the file and imports it with the mapping suggested from its columns. */
    public Report importFile(Path file, JobContext context) throws IOException, SQLException {
        SeedFile source = SeedFile.read(file);
        return importRows(source, ColumnMapping.suggest(source.columns()), context);
    }

    /** Reads the file and imports it with the given mapping ({@code col=field,...}; null = suggested). */
    public Report importFile(Path file, String mappingSpec, JobContext context) throws IOException, SQLException {
        SeedFile source = SeedFile.read(file);
        return importRows(source, ColumnMapping.parse(mappingSpec, source.columns()), context);
    }

    public Report importRows(SeedFile source, ColumnMapping mapping, JobContext context) throws SQLException {
        Path file = source.file();
        List<ImportProblem> errors = new ArrayList<>(source.problems());
        List<Duplicate> duplicates = new ArrayList<>();
        List<Seed> accepted = new ArrayList<>();
        List<String> ignored = mapping.ignoredColumns(source.columns());
        if (mapping.columnFor(SeedField.PROBLEM).isEmpty()) {
            errors.add(new ImportProblem(file, 0, "no column is mapped to the problem text (columns: "
                    + String.join(", ", source.columns()) + "); map one, e.g. --mapping "
                    + (source.columns().isEmpty() ? "text" : source.columns().getFirst()) + "=problem"));
            return new Report(file, source.rows().size(), List.of(), duplicates, errors, mapping, ignored);
        }
        Map<String, Long> stored = seeds.problemHashes();
        Map<String, Integer> earlierLines = new HashMap<>();
        int done = 0;
        for (SeedFile.Row row : source.rows()) {
            context.checkCancelled();
            context.progress(done++, source.rows().size());
            Seed seed;
            try {
                seed = toSeed(row, mapping);
            } catch (IllegalArgumentException e) {
                errors.add(new ImportProblem(file, row.line(), e.getMessage()));
                continue;
            }
            String hash = SeedStore.problemHash(seed.problem());
            if (stored.containsKey(hash)) {
                long existing = stored.get(hash);
                duplicates.add(new Duplicate(file, row.line(), "same problem as seed #" + existing, existing));
            } else if (earlierLines.containsKey(hash)) {
                duplicates.add(new Duplicate(file, row.line(), "same problem as line " + earlierLines.get(hash), null));
            } else {
                earlierLines.put(hash, row.line());
                accepted.add(seed);
            }
        }
        context.message("Storing " + accepted.size() + " seeds");
        List<Seed> imported = accepted.isEmpty() ? List.of() : seeds.insertAll(accepted);
        context.progress(source.rows().size(), source.rows().size());
        return new Report(file, source.rows().size(), imported, duplicates, errors, mapping, ignored);
    }

    /** One row as a seed; an IllegalArgumentException names the column that is wrong. */
    static Seed toSeed(SeedFile.Row row, ColumnMapping mapping) {
        Seed seed = Seed.of("");
        for (var entry : mapping.fields().entrySet()) {
            String column = entry.getKey();
            SeedField field = entry.getValue();
            try {
                List<String> list = row.lists().get(column);
                if (field == SeedField.TAGS && list != null) {
                    seed = seed.withTags(list.stream().map(String::strip).filter(tag -> !tag.isEmpty()).toList());
                } else {
                    seed = field.write(seed, row.values().get(column));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column '" + column + "': " + e.getMessage(), e);
            }
        }
        if (seed.problem().isBlank()) {
            throw new IllegalArgumentException("no problem text (column '"
                    + mapping.columnFor(SeedField.PROBLEM).orElseThrow() + "' is empty)");
        }
        return seed;
    }
}
