package org.termcurator.core.tasks;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.termcurator.core.io.Mappers;

/**
 * TOML, YAML and JSON files of a task: parsing them into a JSON tree, and saying where a
 * file that does not parse goes wrong (for import errors and for the editor).
 */
public final class StructuredText {

    public enum Language {
        TOML, YAML, JSON;

        /** The language a file's name says it is in, if it is one of these. */
        public static Optional<Language> of(String path) {
            String name = path.toLowerCase(Locale.ROOT);
            if (name.endsWith(".toml")) {
                return Optional.of(TOML);
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return Optional.of(YAML);
            }
            if (name.endsWith(".json")) {
                return Optional.of(JSON);
            }
            return Optional.empty();
        }
    }

    /** Where a file stops parsing: 1-based line (0 when unknown) and a one-line reason. */
    public record Problem(int line, int column, String message) {
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + message;
        }
    }

    /** A file that does not parse. */
    public static final class SyntaxException extends Exception {
        private final Problem problem;

        SyntaxException(Problem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private static final TomlMapper TOML = Mappers.toml();
    private static final YAMLMapper YAML = Mappers.yaml();
    private static final ObjectMapper JSON = Mappers.strictJson();

    private StructuredText() {
    }

    public static JsonNode parse(Language language, String text) throws SyntaxException {
        try {
            JsonNode tree = switch (language) {
                case TOML -> TOML.readTree(text);
                case YAML -> YAML.readTree(text);
                case JSON -> JSON.readTree(text);
            };
            return tree == null ? JSON.nullNode() : tree;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : Math.max(0, location.getLineNr());
            int column = location == null ? 0 : Math.max(0, location.getColumnNr());
            throw new SyntaxException(new Problem(line, column, oneLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new SyntaxException(new Problem(0, 0, String.valueOf(e.getMessage())));
        }
    }

    /** The first problem of a file in one of the languages; empty when it parses or has no such language. */
    public static Optional<Problem> check(String path, String text) {
        Optional<Language> language = Language.of(path);
        if (language.isEmpty()) {
            return Optional.empty();
        }
        try {
            parse(language.get(), text);
            return Optional.empty();
        } catch (SyntaxException e) {
            return Optional.of(e.problem());
        }
    }

    /** YAML errors quote the source over several lines; keep only the sentences. */
    private static String oneLine(String message) {
        if (message == null) {
            return "cannot be parsed";
        }
        List<String> parts = new ArrayList<>();
        for (String line : message.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || line.startsWith(" ") || trimmed.startsWith("in '") || trimmed.equals("^")) {
                continue;
            }
            parts.add(trimmed);
        }
        return parts.isEmpty() ? message.strip() : String.join("; ", parts);
    }
}
