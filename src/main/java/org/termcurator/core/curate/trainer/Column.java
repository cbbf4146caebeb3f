package org.termcurator.core.curate.trainer;

import java.util.List;

/**
 * One column (or nested field) of an export's rows. Rows are JSON objects; JSONL writes them as
 * they are, Parquet through this schema: a {@link Kind#JSON} field holds any JSON value and is
 * stored in Parquet as its compact JSON text (tool schemas and call arguments have no fixed
 * shape, and an Arrow column needs one).
 */
public record Column(String name, Kind kind, List<Column> fields) {

    public enum Kind { STRING, BOOLEAN, INT64, DOUBLE, JSON, STRUCT, LIST }

    public Column {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static Column string(String name) {
        return new Column(name, Kind.STRING, null);
    }

    public static Column bool(String name) {
        return new Column(name, Kind.BOOLEAN, null);
    }

    public static Column int64(String name) {
        return new Column(name, Kind.INT64, null);
    }

    public static Column float64(String name) {
        return new Column(name, Kind.DOUBLE, null);
    }

    public static Column json(String name) {
        return new Column(name, Kind.JSON, null);
    }

    public static Column struct(String name, Column... fields) {
        return new Column(name, Kind.STRUCT, List.of(fields));
    }

    /** A list of structs with these fields. */
    public static Column listOf(String name, Column... fields) {
        return new Column(name, Kind.LIST, List.of(fields));
    }

    /** The Hugging Face {@code datasets} feature of the column, as a dataset card's YAML lists it. */
    public Object feature() {
        return switch (kind) {
            case STRING, JSON -> "string";
            case BOOLEAN -> "bool";
            case INT64 -> "int64";
            case DOUBLE -> "float64";
            case STRUCT -> structFeature();
            case LIST -> java.util.Map.of("list", structFeature());
        };
    }

    private Object structFeature() {
        List<Object> list = new java.util.ArrayList<>();
        for (Column field : fields) {
            list.add(field.namedFeature());
        }
        return list;
    }

    /** {name, dtype} for a scalar, {name, struct|list} otherwise. */
    public java.util.Map<String, Object> namedFeature() {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("name", name);
        switch (kind) {
            case STRUCT -> map.put("struct", structFeature());
            case LIST -> map.put("list", structFeature());
            default -> map.put("dtype", feature());
        }
        return map;
    }
}
