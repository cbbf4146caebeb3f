package org.termcurator.core.curate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.termcurator.core.curate.trainer.Redactor;
import org.termcurator.core.curate.trainer.Shape;
import org.termcurator.core.curate.trainer.TerminusTools;
import org.termcurator.core.curate.trainer.ToolCall;
import org.termcurator.core.curate.trainer.TrainMessage;
import org.termcurator.core.curate.trainer.TrainSample;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.terminus.TerminusCodec;
import org.termcurator.core.terminus.TerminusTurn;
import org.termcurator.core.io.Mappers;

/**
 * Turns a cleaned conversation into a {@link TrainSample}: each kept assistant turn with its
 * train flag from the masking rule, its commands as text or as tool calls, its reasoning as a
 * field, inline or left out; the terminal's reply to a turn with calls becomes a {@code tool}
 * message (the harness returns one observation after all of a step's commands, so it answers
 * the last call). Secrets are redacted here, once, so every format writes the same text.
 */
final class SampleShaper {

    private static final ObjectMapper JSON = Mappers.json();

    private SampleShaper() {
    }

    /**
     * @param tools          the tool schemas of the trajectory (ATIF definitions) or empty for the Terminus ones
     * @param enableThinking the source's enable_thinking, or null
     * @param redactor       null to keep secrets
     */
    static TrainSample shape(Conversation conversation, boolean[] keep, CurationSettings.Masking masking, Shape shape,
                             List<JsonNode> tools, Boolean enableThinking, Redactor redactor) {
        List<TrainMessage> messages = new ArrayList<>();
        for (ChatMessage message : conversation.prefix()) {
            messages.add(TrainMessage.of(message.role(), redact(redactor, message.content())));
        }
        boolean toolCalls = shape.tools() == Shape.ToolStyle.TOOL_CALLS;
        for (int t = 0; t < conversation.turns().size(); t++) {
            if (!keep[t]) {
                continue;
            }
            Conversation.Turn turn = conversation.turns().get(t);
            boolean trained = masking.trains(turn.flags());
            String reasoning = shape.reasoning() == Shape.ReasoningStyle.DROP ? null : redact(redactor, turn.reasoning());
            List<ToolCall> calls = toolCalls ? calls(turn, t, redactor) : List.of();
            String content = toolCalls && !calls.isEmpty() ? text(turn) : turn.message();
            content = redact(redactor, content);
            if (reasoning != null && shape.reasoning() == Shape.ReasoningStyle.THINK_TAGS) {
                content = "<think>" + reasoning + "</think>" + content;
                reasoning = null;
            }
            messages.add(new TrainMessage("assistant", content, reasoning, calls, null, null, trained));
            for (int r = 0; r < turn.replies().size(); r++) {
                ChatMessage reply = turn.replies().get(r);
                String text = redact(redactor, reply.content());
                if (r == 0 && !calls.isEmpty()) {
                    ToolCall last = calls.getLast();
                    messages.add(new TrainMessage("tool", text, null, List.of(), last.id(), last.name(), null));
                } else {
                    messages.add(TrainMessage.of(reply.role(), text));
                }
            }
        }
        if (!shape.keepEarlierReasoning()) {
            messages = lastReasoningOnly(messages, shape);
        }
        List<JsonNode> schemas = !toolCalls ? List.of() : tools.isEmpty() ? TerminusTools.definitions() : tools;
        return new TrainSample(messages, schemas, enableThinking);
    }

    /** Keeps the reasoning of the last assistant message only (field or inline). */
    static List<TrainMessage> lastReasoningOnly(List<TrainMessage> messages, Shape shape) {
        int last = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).isAssistant()) {
                last = i;
            }
        }
        List<TrainMessage> result = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            TrainMessage message = messages.get(i);
            if (message.isAssistant() && i != last) {
                message = message.withReasoning(null);
                if (shape.reasoning() == Shape.ReasoningStyle.THINK_TAGS && message.content().startsWith("<think>")) {
                    int end = message.content().indexOf("</think>");
                    if (end >= 0) {
                        message = message.withContent(message.content().substring(end + "</think>".length()));
                    }
                }
            }
            result.add(message);
        }
        return result;
    }

    /** The answer's prose: Terminus analysis and plan, or the message as it is. */
    private static String text(Conversation.Turn turn) {
        TerminusTurn response = TerminusCodec.lenient(turn.message());
        if (response == null || !response.ok()) {
            return turn.message();
        }
        String analysis = response.analysis() == null ? "" : response.analysis().strip();
        String plan = response.plan() == null ? "" : response.plan().strip();
        return analysis.isEmpty() ? plan : plan.isEmpty() ? analysis : analysis + "\n\n" + plan;
    }

    private static List<ToolCall> calls(Conversation.Turn turn, int index, Redactor redactor) {
        List<ToolCall> calls = new ArrayList<>();
        if (turn.toolCalls() != null) {
            try {
                JsonNode stored = JSON.readTree(turn.toolCalls());
                for (JsonNode call : stored) {
                    String name = call.path("function_name").asText(call.path("name").asText(""));
                    if (name.isEmpty()) {
                        continue;
                    }
                    String id = call.path("tool_call_id").asText(call.path("id").asText(""));
                    calls.add(new ToolCall(id.isEmpty() ? id(index, calls.size()) : id, name,
                            redact(redactor, call.path("arguments").isObject() ? call.get("arguments")
                                    : JSON.createObjectNode())));
                }
                return calls;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                calls.clear(); // fall back to the parsed answer
            }
        }
        if (turn.bad()) {
            return calls;
        }
        TerminusTurn response = TerminusCodec.lenient(turn.message());
        if (response == null || !response.ok()) {
            return calls;
        }
        for (TerminalCommand command : response.commands()) {
            ObjectNode arguments = JSON.createObjectNode();
            arguments.put("keystrokes", redact(redactor, command.keystrokes()));
            if (command.duration() != null) {
                arguments.put("duration", command.duration());
            }
            calls.add(new ToolCall(id(index, calls.size()), TerminusTools.BASH_COMMAND, arguments));
        }
        if (response.complete() || turn.marksComplete()) {
            calls.add(new ToolCall(id(index, calls.size()), TerminusTools.MARK_TASK_COMPLETE, JSON.createObjectNode()));
        }
        return calls;
    }

    private static String id(int turn, int call) {
        return "call_" + turn + "_" + call;
    }

    private static String redact(Redactor redactor, String text) {
        return redactor == null || text == null ? text : redactor.redact(text);
    }

    private static JsonNode redact(Redactor redactor, JsonNode arguments) {
        if (redactor == null) {
            return arguments;
        }
        try {
            String text = JSON.writeValueAsString(arguments);
            String redacted = redactor.redact(text);
            return redacted.equals(text) ? arguments : JSON.readTree(redacted);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
