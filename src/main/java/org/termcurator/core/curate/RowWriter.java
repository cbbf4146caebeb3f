package org.termcurator.core.curate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes one sample as one JSONL row of an export format (FORMATS.md section 7). */
final class RowWriter {

    /** The Terminal-Corpus columns of a trajectory beside its conversation. */
    record CorpusColumns(String agent, String model, String modelProvider, String date, String task, String episode,
                         String runId, String trialName, Boolean enableThinking, String source) {
    }

    private RowWriter() {
    }

    static void write(ExportFormat format, JsonLineWriter json, List<ChatMessage> messages, CorpusColumns columns)
            throws IOException {
        json.startObject();
        switch (format) {
            case MESSAGES -> {
                json.startArray("messages");
                for (ChatMessage message : messages) {
                    pair(json, "role", message.role(), "content", message.content());
                }
                json.endArray();
            }
            case SHAREGPT -> {
                json.startArray("conversations");
                for (ChatMessage message : messages) {
                    String from = switch (message.role()) {
                        case "assistant" -> "gpt";
                        case "system" -> "system";
                        default -> "human";
                    };
                    pair(json, "from", from, "value", message.content());
                }
                json.endArray();
            }
            case CORPUS -> {
                json.startArray("conversations");
                for (ChatMessage message : alternating(messages)) {
                    pair(json, "role", message.role(), "content", message.content());
                }
                json.endArray();
                json.stringField("agent", columns.agent());
                json.stringField("model", columns.model());
                json.stringField("model_provider", columns.modelProvider());
                json.stringField("date", columns.date());
                json.stringField("task", columns.task());
                json.stringField("episode", columns.episode());
                json.stringField("run_id", columns.runId());
                json.stringField("trial_name", columns.trialName());
                json.booleanField("enable_thinking", columns.enableThinking());
                json.stringField("source", columns.source());
            }
            case HARBOR -> throw new IllegalArgumentException("Harbor exports write task folders, not rows");
        }
        json.endObject();
    }

    private static void pair(JsonLineWriter json, String key1, String value1, String key2, String value2)
            throws IOException {
        json.startObject();
        json.stringField(key1, value1);
        json.stringField(key2, value2);
        json.endObject();
    }

    /**
     * Terminal-Corpus rows alternate user/assistant strictly, starting with the user and with no
     * system turn: the system prompt opens the first user message, and messages of the same
     * role in a row are joined by a blank line.
     */
    static List<ChatMessage> alternating(List<ChatMessage> messages) {
        List<ChatMessage> result = new ArrayList<>();
        for (ChatMessage message : messages) {
            String role = message.isAssistant() ? "assistant" : "user";
            if (result.isEmpty() && role.equals("assistant")) {
                result.add(new ChatMessage("user", ""));
            }
            if (!result.isEmpty() && result.getLast().role().equals(role)) {
                ChatMessage last = result.removeLast();
                String joined = last.content().isEmpty() ? message.content()
                        : message.content().isEmpty() ? last.content() : last.content() + "\n\n" + message.content();
                result.add(new ChatMessage(role, joined));
            } else {
                result.add(new ChatMessage(role, message.content()));
            }
        }
        return result;
    }
}
