package org.termcurator.core.curate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.termcurator.core.curate.trainer.Column;
import org.termcurator.core.curate.trainer.Shape;
import org.termcurator.core.curate.trainer.ToolCall;
import org.termcurator.core.curate.trainer.TrainMessage;
import org.termcurator.core.curate.trainer.TrainSample;
import org.termcurator.core.io.Mappers;

/**
 * The rows a trainer target writes for one shaped sample, as JSON objects in the target's field
 * order, and the target's columns (the Parquet schema and the card's features). FORMATS.md
 * section 11 says what each trainer loads.
 */
final class TargetRows {

    private static final ObjectMapper JSON = Mappers.json();

    /** What a row says beside its conversation. */
    record Meta(RowWriter.CorpusColumns columns, String result, String instruction) {
    }

    private TargetRows() {
    }

    private static final Column[] TOOL_CALL = {Column.string("id"), Column.string("type"),
            Column.struct("function", Column.string("name"), Column.json("arguments"))};

    static List<Column> columns(ExportFormat target) {
        return switch (target) {
            case TRL -> List.of(openAiMessages(false), Column.json("tools"),
                    Column.struct("chat_template_kwargs", Column.bool("enable_thinking")));
            case NEMO_RL -> List.of(openAiMessages(false), Column.json("tools"));
            case AXOLOTL -> List.of(openAiMessages(true), Column.json("tools"));
            case LLAMA_FACTORY -> List.of(Column.listOf("conversations", Column.string("from"), Column.string("value"),
                    Column.float64("loss_weight")), Column.string("system"), Column.string("tools"));
            case HARBOR_TRACES -> List.of(roleContent(), Column.string("agent"), Column.string("model"),
                    Column.string("model_provider"), Column.string("date"), Column.string("task"),
                    Column.string("episode"), Column.string("run_id"), Column.string("trial_name"),
                    Column.string("result"), Column.string("instruction"), Column.string("verifier_output"),
                    Column.string("tool_definitions"));
            case TERMINAL_CORPUS -> List.of(roleContent(), Column.string("agent"), Column.string("model"),
                    Column.string("model_provider"), Column.string("date"), Column.string("task"),
                    Column.string("episode"), Column.string("run_id"), Column.string("trial_name"),
                    Column.bool("enable_thinking"), Column.string("source"));
            default -> throw new IllegalArgumentException(target.key() + " is not a trainer target");
        };
    }

    private static Column openAiMessages(boolean train) {
        List<Column> fields = new ArrayList<>(List.of(Column.string("role"), Column.string("content"),
                Column.string("reasoning_content"), Column.listOf("tool_calls", TOOL_CALL),
                Column.string("tool_call_id"), Column.string("name")));
        if (train) {
            fields.add(Column.bool("train"));
        }
        return Column.listOf("messages", fields.toArray(Column[]::new));
    }

    private static Column roleContent() {
        return Column.listOf("conversations", Column.string("role"), Column.string("content"));
    }

    /** The rows of one sample; none when it has no trained turn. */
    static List<ObjectNode> rows(ExportFormat target, TrainSample sample, ExportOptions.Unflagged unflagged, Meta meta) {
        if (sample.trainedTurns() == 0) {
            return List.of();
        }
        List<ObjectNode> rows = new ArrayList<>();
        switch (target) {
            case TRL, NEMO_RL -> {
                for (List<TrainMessage> messages : unflaggedRows(sample.messages(), unflagged)) {
                    ObjectNode row = JSON.createObjectNode();
                    row.set("messages", openAi(messages, false));
                    tools(row, sample);
                    if (target == ExportFormat.TRL && sample.enableThinking() != null) {
                        row.putObject("chat_template_kwargs").put("enable_thinking", sample.enableThinking());
                    }
                    rows.add(row);
                }
            }
            case AXOLOTL -> {
                ObjectNode row = JSON.createObjectNode();
                row.set("messages", openAi(sample.messages(), true));
                tools(row, sample);
                rows.add(row);
            }
            case LLAMA_FACTORY -> rows.add(llamaFactory(sample));
            case HARBOR_TRACES -> {
                List<TrainMessage> messages = sample.messages();
                for (int i = 0; i < messages.size(); i++) {
                    if (messages.get(i).trained()) {
                        ObjectNode row = corpusRow(messages.subList(0, i + 1), meta, "episode-" + assistantsBefore(messages, i));
                        row.put("result", meta.result());
                        row.put("instruction", meta.instruction());
                        row.putNull("verifier_output");
                        row.put("tool_definitions", sample.tools().isEmpty() ? null : text(JSON.valueToTree(sample.tools())));
                        rows.add(row);
                    }
                }
            }
            case TERMINAL_CORPUS -> {
                for (List<TrainMessage> messages : unflaggedRows(sample.messages(), unflagged)) {
                    ObjectNode row = corpusRow(messages, meta, null);
                    RowWriter.CorpusColumns columns = meta.columns();
                    row.put("enable_thinking", columns == null ? null : columns.enableThinking());
                    row.put("source", columns == null ? null : columns.source());
                    rows.add(row);
                }
            }
            default -> throw new IllegalArgumentException(target.key() + " is not a trainer target");
        }
        return rows;
    }

    /**
     * For rows with no per-turn flag: CUT ends the sample at its last trained turn; SPLIT gives one
     * row per trained turn, ending with it. Reasoning stays only where the shape keeps it.
     */
    static List<List<TrainMessage>> unflaggedRows(List<TrainMessage> messages, ExportOptions.Unflagged unflagged) {
        List<List<TrainMessage>> rows = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).trained()) {
                last = i;
                if (unflagged == ExportOptions.Unflagged.SPLIT) {
                    rows.add(messages.subList(0, i + 1));
                }
            }
        }
        if (unflagged == ExportOptions.Unflagged.CUT && last >= 0) {
            rows.add(messages.subList(0, last + 1));
        }
        return rows;
    }

    private static int assistantsBefore(List<TrainMessage> messages, int index) {
        int count = 0;
        for (int i = 0; i < index; i++) {
            if (messages.get(i).isAssistant()) {
                count++;
            }
        }
        return count;
    }

    private static void tools(ObjectNode row, TrainSample sample) {
        if (sample.tools().isEmpty()) {
            row.putNull("tools");
        } else {
            row.set("tools", JSON.valueToTree(sample.tools()));
        }
    }

    /** OpenAI-style messages of a sample, as TRL rows write them and chat templates read them. */
    static ArrayNode openAiMessages(List<TrainMessage> messages) {
        return openAi(messages, false);
    }

    private static ArrayNode openAi(List<TrainMessage> messages, boolean train) {
        ArrayNode array = JSON.createArrayNode();
        for (TrainMessage message : messages) {
            ObjectNode node = array.addObject();
            node.put("role", message.role());
            node.put("content", message.content());
            if (message.reasoning() != null) {
                node.put("reasoning_content", message.reasoning());
            }
            if (!message.toolCalls().isEmpty()) {
                ArrayNode calls = node.putArray("tool_calls");
                for (ToolCall call : message.toolCalls()) {
                    ObjectNode entry = calls.addObject();
                    entry.put("id", call.id());
                    entry.put("type", "function");
                    entry.putObject("function").put("name", call.name()).set("arguments", call.arguments());
                }
            }
            if (message.toolCallId() != null) {
                node.put("tool_call_id", message.toolCallId());
            }
            if (message.name() != null) {
                node.put("name", message.name());
            }
            if (train) {
                node.put("train", message.trained());
            }
        }
        return array;
    }

    /**
     * LLaMA-Factory sharegpt: system messages go to the {@code system} column; human and
     * observation turns at odd positions, gpt and function_call at even ones (an empty human turn
     * is put where two answers would meet); a function_call's value is its calls as JSON, the
     * answer's prose and reasoning in a {@code <think>} block before it, as its function
     * formatter reads; {@code loss_weight} 1 or 0 on the answers.
     */
    private static ObjectNode llamaFactory(TrainSample sample) {
        ObjectNode row = JSON.createObjectNode();
        ArrayNode conversations = row.putArray("conversations");
        StringBuilder system = new StringBuilder();
        for (TrainMessage message : sample.messages()) {
            switch (message.role()) {
                case "system" -> system.append(system.isEmpty() ? "" : "\n\n").append(message.content());
                case "assistant" -> {
                    if (conversations.isEmpty() || isAnswer(conversations.get(conversations.size() - 1))) {
                        sharegpt(conversations, "human", "");
                    }
                    ObjectNode entry;
                    if (message.toolCalls().isEmpty()) {
                        entry = sharegpt(conversations, "gpt", message.content());
                    } else {
                        ArrayNode calls = JSON.createArrayNode();
                        for (ToolCall call : message.toolCalls()) {
                            calls.addObject().put("name", call.name()).set("arguments", call.arguments());
                        }
                        String thought = message.content() == null ? "" : message.content();
                        String value = (thought.isBlank() ? "" : thought.startsWith("<think>") ? thought
                                : "<think>" + thought + "</think>") + text(calls);
                        entry = sharegpt(conversations, "function_call", value);
                    }
                    entry.put("loss_weight", message.trained() ? 1.0 : 0.0);
                }
                default -> {
                    String from = "tool".equals(message.role()) ? "observation" : "human";
                    if (!conversations.isEmpty() && !isAnswer(conversations.get(conversations.size() - 1))) {
                        ObjectNode last = (ObjectNode) conversations.get(conversations.size() - 1);
                        last.put("value", join(last.get("value").asText(), message.content()));
                    } else {
                        sharegpt(conversations, from, message.content());
                    }
                }
            }
        }
        while (!conversations.isEmpty() && !isAnswer(conversations.get(conversations.size() - 1))) {
            conversations.remove(conversations.size() - 1);
        }
        row.put("system", system.isEmpty() ? null : system.toString());
        row.put("tools", sample.tools().isEmpty() ? null : text(JSON.valueToTree(sample.tools())));
        return row;
    }

    private static boolean isAnswer(JsonNode entry) {
        String from = entry.get("from").asText();
        return from.equals("gpt") || from.equals("function_call");
    }

    private static ObjectNode sharegpt(ArrayNode conversations, String from, String value) {
        return conversations.addObject().put("from", from).put("value", value);
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : second == null || second.isEmpty() ? first : first + "\n\n" + second;
    }

    /**
     * Terminal-Corpus and Harbor traces rows: user/assistant alternating, tool output as the user
     * turn it was, calls written after the answer as {@code <tool_call>{"name","arguments"}</tool_call>}.
     */
    private static ObjectNode corpusRow(List<TrainMessage> messages, Meta meta, String episode) {
        List<ChatMessage> flat = new ArrayList<>();
        for (TrainMessage message : messages) {
            StringBuilder content = new StringBuilder(message.content() == null ? "" : message.content());
            for (ToolCall call : message.toolCalls()) {
                ObjectNode body = JSON.createObjectNode().put("name", call.name());
                body.set("arguments", call.arguments());
                content.append(content.isEmpty() ? "" : "\n").append("<tool_call>").append(text(body))
                        .append("</tool_call>");
            }
            flat.add(new ChatMessage(message.isAssistant() ? "assistant" : "system".equals(message.role()) ? "system"
                    : "user", content.toString()));
        }
        ObjectNode row = JSON.createObjectNode();
        ArrayNode conversations = row.putArray("conversations");
        for (ChatMessage message : RowWriter.alternating(flat)) {
            conversations.addObject().put("role", message.role()).put("content", message.content());
        }
        RowWriter.CorpusColumns columns = meta.columns();
        row.put("agent", columns == null ? null : columns.agent());
        row.put("model", columns == null ? null : columns.model());
        row.put("model_provider", columns == null ? null : columns.modelProvider());
        row.put("date", columns == null ? null : columns.date());
        row.put("task", columns == null ? null : columns.task());
        row.put("episode", episode != null ? episode : columns == null ? null : columns.episode());
        row.put("run_id", columns == null ? null : columns.runId());
        row.put("trial_name", columns == null ? null : columns.trialName());
        return row;
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Which reasoning style a target's shape uses, for the card. */
    static String describe(Shape shape) {
        return (shape.tools() == Shape.ToolStyle.TOOL_CALLS ? "tool calls" : "text protocol") + ", reasoning "
                + switch (shape.reasoning()) {
                    case FIELD -> "as reasoning_content";
                    case THINK_TAGS -> "inline in <think> tags";
                    case DROP -> "left out";
                } + (shape.keepEarlierReasoning() ? "" : " (last turn only)");
    }
}
