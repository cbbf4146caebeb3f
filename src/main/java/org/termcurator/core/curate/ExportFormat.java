package org.termcurator.core.curate;

import java.util.Locale;

/**
 * What an export writes (docs FORMATS.md sections 7, 11 and 1). The first four are the plain
 * JSONL formats; the trainer targets write a Hugging Face dataset folder (JSONL or Parquet data
 * files and a card) in exactly the shape the named trainer loads.
 */
public enum ExportFormat {
    /** JSONL rows {"messages": [{role, content}]}: OpenAI chat fine-tuning. */
    MESSAGES("messages"),
    /** JSONL rows {"conversations": [{from: system|human|gpt, value}]}. */
    SHAREGPT("sharegpt"),
    /** JSONL rows of the Terminal-Corpus columns: conversations alternating user/assistant, agent, model, task, ... */
    CORPUS("corpus"),
    /** The Harbor task folders of the tasks behind the kept samples. */
    HARBOR("harbor"),
    /** TRL's SFTTrainer: messages with tool_calls, a tools column, chat_template_kwargs. */
    TRL("trl"),
    /** NeMo RL's openai_format: messages and tools. */
    NEMO_RL("nemo-rl"),
    /** LLaMA-Factory sharegpt with function_call and observation turns, and its dataset_info.json entry. */
    LLAMA_FACTORY("llama-factory"),
    /** Axolotl chat_template rows with a train flag on every message, and a config snippet. */
    AXOLOTL("axolotl"),
    /** Harbor's traces export: one row per agent step. */
    HARBOR_TRACES("harbor-traces"),
    /** The published Terminal-Corpus layout: configs by difficulty and domain, its columns. */
    TERMINAL_CORPUS("terminal-corpus");

    private final String key;

    ExportFormat(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Whether this writes a Hugging Face dataset folder for a trainer (the targets). */
    public boolean isTarget() {
        return ordinal() >= TRL.ordinal();
    }

    /** Whether the rows can say per message which ones to train on. */
    public boolean hasTurnFlags() {
        return this == AXOLOTL || this == LLAMA_FACTORY;
    }

    public static ExportFormat fromKey(String key) {
        for (ExportFormat format : values()) {
            if (format.key.equals(key.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown export format '" + key + "' (" + keys() + ")");
    }

    public static String keys() {
        return String.join(", ", java.util.Arrays.stream(values()).map(ExportFormat::key).toList());
    }
}
