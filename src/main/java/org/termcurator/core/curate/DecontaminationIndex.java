package org.termcurator.core.curate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.io.Mappers;

/** The word n-grams of a reference set (benchmark instructions), sorted for binary search. */
final class DecontaminationIndex {

    private static final ObjectMapper JSON = Mappers.json();
    private static final String[] TEXT_FIELDS = {"instruction", "prompt", "problem", "question", "text"};

    private final long[] grams;
    private final int references;

    private DecontaminationIndex(long[] grams, int references) {
        this.grams = grams;
        this.references = references;
    }

    int references() {
        return references;
    }

    static DecontaminationIndex of(CurationSettings.Decontamination settings, ProjectDb db)
            throws SQLException, IOException {
        GramSet set = new GramSet();
        int n = settings.ngram();
        int[] count = {0};
        if (settings.reference() == CurationSettings.Reference.IMPORTED_TASKS) {
            db.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT instruction FROM tasks WHERE origin = 'imported'");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        set.add(TextFeatures.ngrams(TextFeatures.words(rows.getString(1)), n));
                        count[0]++;
                    }
                }
                return null;
            });
        } else {
            Path file = Path.of(settings.referenceFile());
            if (!Files.isRegularFile(file)) {
                throw new IOException("decontamination.referenceFile: " + file + " is not a readable file");
            }
            boolean jsonl = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl");
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int lineNumber = 0;
                while ((line = reader.readLine()) != null) {
                    lineNumber++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String text = jsonl ? jsonText(line, file, lineNumber) : line;
                    set.add(TextFeatures.ngrams(TextFeatures.words(text), n));
                    count[0]++;
                }
            }
        }
        return new DecontaminationIndex(set.sorted(), count[0]);
    }

    private static String jsonText(String line, Path file, int lineNumber) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new IOException(file + " line " + lineNumber + ": not JSON: " + e.getMessage(), e);
        }
        if (node.isTextual()) {
            return node.asText();
        }
        for (String field : TEXT_FIELDS) {
            if (node.path(field).isTextual()) {
                return node.get(field).asText();
            }
        }
        throw new IOException(file + " line " + lineNumber + ": no instruction, prompt, problem, question or text field");
    }

    /** Whether any n-gram of the words is in the reference set. */
    boolean contaminated(int[] words, int n) {
        for (long gram : TextFeatures.ngrams(words, n)) {
            if (Arrays.binarySearch(grams, gram) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static final class GramSet {
        private long[] values = new long[1024];
        private int size;

        void add(long[] grams) {
            if (size + grams.length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + grams.length));
            }
            System.arraycopy(grams, 0, values, size, grams.length);
            size += grams.length;
        }

        long[] sorted() {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted;
        }
    }
}
