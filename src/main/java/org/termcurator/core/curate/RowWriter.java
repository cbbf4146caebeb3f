package org.termcurator.core.curate;

import com.fasterxml.jackson.core.JsonGenerator;
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

    static void write(ExportFormat format, JsonGenerator json, List<ChatMessage> messages, CorpusColumns columns)
            throws IOException {
        json.writeStartObject();
        switch (format) {
            case MESSAGES -> {
                json.writeArrayFieldStart("messages");
                for (ChatMessage message : messages) {
                    pair(json, "role", message.role(), "content", message.content());
                }
                json.writeEndArray();
            }
            case SHAREGPT -> {
                json.writeArrayFieldStart("conversations");
                for (ChatMessage message : messages) {
                    String from = switch (message.role()) {
                        case "assistant" -> "gpt";
                        case "system" -> "system";
                        default -> "human";
                    };
                    pair(json, "from", from, "value", message.content());
                }
                json.writeEndArray();
            }
            case CORPUS -> {
                json.writeArrayFieldStart("conversations");
                for (ChatMessage message : alternating(messages)) {
                    pair(json, "role", message.role(), "content", message.content());
                }
                json.writeEndArray();
                json.writeStringField("agent", columns.agent());
                json.writeStringField("model", columns.model());
                json.writeStringField("model_provider", columns.modelProvider());
                json.writeStringField("date", columns.date());
                json.writeStringField("task", columns.task());
                json.writeStringField("episode", columns.episode());
                json.writeStringField("run_id", columns.runId());
                json.writeStringField("trial_name", columns.trialName());
                if (columns.enableThinking() == null) {
                    json.writeNullField("enable_thinking");
                } else {
                    json.writeBooleanField("enable_thinking", columns.enableThinking());
                }
                json.writeStringField("source", columns.source());
            }
            case HARBOR -> throw new IllegalArgumentException("Harbor exports write task folders, not rows");
        }
        json.writeEndObject();
    }

    private static void pair(JsonGenerator json, String key1, String value1, String key2, String value2)
            throws IOException {
        json.writeStartObject();
        json.writeStringField(key1, value1);
        json.writeStringField(key2, value2);
        json.writeEndObject();
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
