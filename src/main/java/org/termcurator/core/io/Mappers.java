package org.termcurator.core.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one place where the program's Jackson mappers are configured. Each method names what
 * its mapper is for and returns a new instance (a mapper is thread-safe once configured;
 * callers keep theirs in a constant). Code elsewhere never constructs or reconfigures a mapper,
 * so the rules for one kind of document are the same wherever it is read.
 */
public final class Mappers {

    private Mappers() {
    }

    /** JSON with Jackson's defaults: project rows, settings, exports, HTTP bodies. */
    public static ObjectMapper json() {
        return JsonMapper.builder().build();
    }

    /** JSON written indented, for files people open. */
    public static ObjectMapper prettyJson() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    /** JSON that must be one value and nothing after it: what an editor checks as valid. */
    public static ObjectMapper strictJson() {
        return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /**
     * Recorded runs (trajectories, casts inside run files, ATIF): a whole terminal session can
     * stand in one string, so Jackson's 20 MB string cap and the document cap are lifted; and
     * decimals are read exactly, trailing zeros kept, so a stored field reads back as the very
     * value the source had.
     */
    public static ObjectMapper recordingJson() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE).maxDocumentLength(-1).build());
        return mapper;
    }

    /**
     * JSON as a model writes it in a reply turn: raw control characters inside strings, a
     * trailing comma, a backslash before any character. Used where a recorded turn is read
     * leniently.
     */
    public static ObjectMapper lenientTurnJson() {
        return JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** JSON in a generated answer: trailing commas, Java comments and raw control characters pass. */
    public static ObjectMapper answerJson() {
        return JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                        JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .build();
    }

    /**
     * A canonical JSON form: indented, keys and properties sorted, every field written; on
     * reading, unknown fields and nulls for primitives are errors.
     */
    public static ObjectMapper canonicalJson() {
        return JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
    }

    /** A command's result printed as JSON: any object, even one with no properties. */
    public static ObjectMapper outputJson() {
        return JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
    }

    /** JSON files people edit: indented, and a field the model does not know is an error. */
    public static ObjectMapper editableJson() {
        return JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * YAML files people edit: no document marker, quotes only where needed, list items
     * indented, long lines kept whole; a field the model does not know is an error.
     */
    public static ObjectMapper editableYaml() {
        return new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(YAMLGenerator.Feature.SPLIT_LINES))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** YAML with Jackson's defaults. */
    public static YAMLMapper yaml() {
        return new YAMLMapper();
    }

    /** TOML with Jackson's defaults: task.toml, generated task configs. */
    public static TomlMapper toml() {
        return new TomlMapper();
    }

    /** A streaming JSON parser factory with Jackson's defaults, for documents read token by token. */
    public static JsonFactory jsonFactory() {
        return new JsonFactory();
    }

    /**
     * A streaming JSON generator factory for newline-delimited JSON (casts): no separator is
     * written between root values, the writer puts the newline itself.
     */
    public static JsonFactory lineJsonFactory() {
        return new JsonFactoryBuilder().rootValueSeparator("").build();
    }
}
