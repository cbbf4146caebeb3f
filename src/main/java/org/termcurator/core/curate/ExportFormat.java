package org.termcurator.core.curate;

import java.util.Locale;

/** What an export writes (docs FORMATS.md section 7 and section 1). */
public enum ExportFormat {
    /** JSONL rows {"messages": [{role, content}]}: OpenAI chat fine-tuning. */
    MESSAGES("messages"),
    /** JSONL rows {"conversations": [{from: system|human|gpt, value}]}. */
    SHAREGPT("sharegpt"),
    /** JSONL rows of the Terminal-Corpus columns: conversations alternating user/assistant, agent, model, task, ... */
    CORPUS("corpus"),
    /** The Harbor task folders of the tasks behind the kept samples. */
    HARBOR("harbor");

    private final String key;

    ExportFormat(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ExportFormat fromKey(String key) {
        for (ExportFormat format : values()) {
            if (format.key.equals(key.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown export format '" + key + "' (messages, sharegpt, corpus, harbor)");
    }
}
