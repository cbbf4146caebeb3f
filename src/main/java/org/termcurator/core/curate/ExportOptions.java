package org.termcurator.core.curate;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.termcurator.core.curate.trainer.Shape;

/**
 * How an export for a trainer writes its rows (the curation settings decide which samples and
 * turns; these decide the files).
 *
 * @param fileFormat JSONL or Parquet (zstd)
 * @param shape      text protocol or tool calls, and where reasoning goes
 * @param unflagged  for targets with no per-turn train flag: cut a sample after its last trained
 *                   turn, or split it into one row per trained turn
 * @param redact     replace API keys, tokens and passwords (on unless switched off)
 * @param shardBytes a data file that grows past this starts a new shard
 * @param tokenizer  a model folder with tokenizer.json (and tokenizer_config.json with the chat
 *                   template): lengths are counted on the rendered text; null for the estimator
 * @param name       the dataset's name in the card and in LLaMA-Factory's dataset_info.json
 * @param license    the card's license (a Hugging Face license id; "other" unless set)
 */
public record ExportOptions(FileFormat fileFormat, Shape shape, Unflagged unflagged, Boolean redact, Long shardBytes,
                            String tokenizer, String name, String license) {

    public static final long DEFAULT_SHARD_BYTES = 512L * 1024 * 1024;

    public enum FileFormat {
        @JsonProperty("jsonl") JSONL("jsonl"),
        @JsonProperty("parquet") PARQUET("parquet");

        private final String key;

        FileFormat(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static FileFormat fromKey(String key) {
            for (FileFormat format : values()) {
                if (format.key.equalsIgnoreCase(key)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("unknown file format '" + key + "' (jsonl, parquet)");
        }
    }

    public enum Unflagged {
        /** End the sample at its last trained turn; masked turns before it stay as context. */
        @JsonProperty("cut") CUT,
        /** One row per trained turn, ending with it, the conversation before it as context. */
        @JsonProperty("split") SPLIT
    }

    public ExportOptions {
        fileFormat = fileFormat == null ? FileFormat.JSONL : fileFormat;
        shape = shape == null ? new Shape(null, null, null) : shape;
        unflagged = unflagged == null ? Unflagged.CUT : unflagged;
        redact = redact == null || redact;
        shardBytes = shardBytes == null ? DEFAULT_SHARD_BYTES : shardBytes;
        name = name == null || name.isBlank() ? "terminal_curator" : name.strip();
        license = license == null || license.isBlank() ? "other" : license.strip();
        if (shardBytes < 1024) {
            throw new IllegalArgumentException("shardBytes: must be at least 1024");
        }
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("name: letters, digits, '_', '.' and '-' only");
        }
    }

    /** What a person training with {@code target} expects: its trainer's usual shape, Parquet, secrets redacted. */
    public static ExportOptions forTarget(ExportFormat target) {
        Shape shape = switch (target) {
            case LLAMA_FACTORY, HARBOR_TRACES -> new Shape(Shape.ToolStyle.TOOL_CALLS, Shape.ReasoningStyle.THINK_TAGS, true);
            case TERMINAL_CORPUS, CORPUS, MESSAGES, SHAREGPT, HARBOR ->
                    new Shape(Shape.ToolStyle.TEXT, Shape.ReasoningStyle.THINK_TAGS, true);
            default -> new Shape(Shape.ToolStyle.TOOL_CALLS, Shape.ReasoningStyle.FIELD, true);
        };
        return new ExportOptions(FileFormat.PARQUET, shape, Unflagged.CUT, true, DEFAULT_SHARD_BYTES, null, null, null);
    }

    public ExportOptions withFileFormat(FileFormat value) {
        return new ExportOptions(value, shape, unflagged, redact, shardBytes, tokenizer, name, license);
    }

    public ExportOptions withShape(Shape value) {
        return new ExportOptions(fileFormat, value, unflagged, redact, shardBytes, tokenizer, name, license);
    }

    public ExportOptions withUnflagged(Unflagged value) {
        return new ExportOptions(fileFormat, shape, value, redact, shardBytes, tokenizer, name, license);
    }

    public ExportOptions withRedact(boolean value) {
        return new ExportOptions(fileFormat, shape, unflagged, value, shardBytes, tokenizer, name, license);
    }

    public ExportOptions withShardBytes(long value) {
        return new ExportOptions(fileFormat, shape, unflagged, redact, value, tokenizer, name, license);
    }

    public ExportOptions withName(String value) {
        return new ExportOptions(fileFormat, shape, unflagged, redact, shardBytes, tokenizer, value, license);
    }

    public ExportOptions withLicense(String value) {
        return new ExportOptions(fileFormat, shape, unflagged, redact, shardBytes, tokenizer, name, value);
    }

    public ExportOptions withTokenizer(String value) {
        return new ExportOptions(fileFormat, shape, unflagged, redact, shardBytes, value, name, license);
    }
}
