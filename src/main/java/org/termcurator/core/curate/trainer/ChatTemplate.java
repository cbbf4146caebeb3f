package org.termcurator.core.curate.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.termcurator.core.io.Mappers;

/**
 * A model's chat template (the Jinja {@code chat_template} of its tokenizer_config.json, or a
 * chat_template.jinja beside it) rendered with Jinjava set up as Hugging Face transformers sets
 * up jinja2: trim_blocks and lstrip_blocks, {@code tojson} as Python's json.dumps writes
 * (", " and ": " separators, non-ASCII kept), {@code raise_exception}. Messages, tools and extra
 * switches (enable_thinking) go in as JSON.
 */
public final class ChatTemplate {

    private static final ObjectMapper JSON = Mappers.json();

    private final String source;
    private final String bosToken;
    private final String eosToken;
    private final Jinjava jinjava;
    /** The template parsed once per thread (a parsed tree is not shared between renders running at once). */
    private final ThreadLocal<Node> parsed;

    public ChatTemplate(String source, String bosToken, String eosToken) {
        this.source = pythonSlices(source);
        this.bosToken = bosToken;
        this.eosToken = eosToken;
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(true)
                .withFailOnUnknownTokens(false).withElResolver(new PythonStrings())
                .withLegacyOverrides(LegacyOverrides.newBuilder().withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true).withUseTrimmingForNotesAndExpressions(true)
                        .withKeepNullableLoopValues(true).build())
                .build());
        jinjava.getGlobalContext().registerFilter(new PythonJsonFilter());
        parsed = ThreadLocal.withInitial(() -> jinjava.newInterpreter().parse(this.source));
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception",
                ChatTemplate.class, "raiseException", String.class));
    }

    /**
     * Rewrites the two Jinja forms Jinjava reads otherwise: {@code x[::-1]} becomes
     * {@code (x|reverse)}, and a keyword argument of {@code namespace(...)} is put in parentheses
     * ({@code n=messages|length - 1} would bind as {@code (n=messages|length) - 1}).
     */
    static String pythonSlices(String template) {
        String reversed = template.replaceAll("([A-Za-z_][\\w.]*)\\[::-1\\]", "($1|reverse)");
        StringBuilder out = new StringBuilder(reversed.length() + 16);
        int from = 0;
        int at;
        while ((at = reversed.indexOf("namespace(", from)) >= 0) {
            int open = at + "namespace(".length();
            Call call = call(reversed, open);
            if (call == null) {
                break;
            }
            int close = call.close();
            out.append(reversed, from, open);
            List<String> arguments = call.arguments();
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                int equals = argument.indexOf('=');
                out.append(i == 0 ? "" : ",");
                if (equals > 0 && argument.substring(0, equals).strip().matches("[A-Za-z_]\\w*")
                        && argument.charAt(equals + 1) != '=') {
                    out.append(argument, 0, equals + 1).append('(').append(argument.substring(equals + 1).strip())
                            .append(')');
                } else {
                    out.append(argument);
                }
            }
            from = close;
        }
        return out.append(reversed, from, reversed.length()).toString();
    }

    /** A call's top-level arguments and the index of its closing ')'. */
    private record Call(List<String> arguments, int close) {
    }

    /**
     * Reads the arguments of the call whose arguments start at {@code open}, split at its
     * top-level commas (quotes and nested brackets skipped), or null when no ')' closes it.
     */
    private static Call call(String text, int open) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = open;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (c != ')') {
                        return null;
                    }
                    arguments.add(text.substring(start, i));
                    return new Call(arguments, i);
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return null;
    }

    /** Reads the template of a model folder: chat_template.jinja, else tokenizer_config.json's chat_template. */
    public static ChatTemplate fromModelFolder(Path folder) throws IOException {
        Path config = folder.resolve("tokenizer_config.json");
        JsonNode root = Files.isRegularFile(config) ? JSON.readTree(config.toFile()) : JSON.createObjectNode();
        String template = null;
        Path jinja = folder.resolve("chat_template.jinja");
        if (Files.isRegularFile(jinja)) {
            template = Files.readString(jinja);
        } else if (root.path("chat_template").isTextual()) {
            template = root.get("chat_template").asText();
        } else if (root.path("chat_template").isArray()) {
            for (JsonNode named : root.get("chat_template")) {
                if ("default".equals(named.path("name").asText())) {
                    template = named.path("template").asText();
                }
            }
        }
        if (template == null) {
            throw new IOException(config + ": no chat_template (and no chat_template.jinja in " + folder + ")");
        }
        return new ChatTemplate(template, token(root.get("bos_token")), token(root.get("eos_token")));
    }

    private static String token(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.path("content").asText(null);
    }

    /**
     * Renders a conversation.
     *
     * @param messages OpenAI-style messages (role, content, reasoning_content, tool_calls, ...)
     * @param tools    the tool schemas, or null
     * @param kwargs   extra template variables (enable_thinking, ...), may be empty
     */
    public String render(JsonNode messages, JsonNode tools, boolean addGenerationPrompt, Map<String, Object> kwargs) {
        Map<String, Object> context = new HashMap<>();
        context.put("messages", plain(messages));
        context.put("tools", tools == null || tools.isNull() || tools.isEmpty() ? null : plain(tools));
        context.put("add_generation_prompt", addGenerationPrompt);
        context.put("bos_token", bosToken);
        context.put("eos_token", eosToken);
        context.putAll(kwargs);
        JinjavaInterpreter interpreter = jinjava.newInterpreter();
        interpreter.getContext().putAll(context);
        JinjavaInterpreter.pushCurrent(interpreter);
        String output;
        try {
            output = interpreter.render(parsed.get(), true);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        List<TemplateError> fatal = interpreter.getErrors().stream()
                .filter(error -> error.getSeverity() == TemplateError.ErrorType.FATAL).toList();
        if (!fatal.isEmpty()) {
            throw new IllegalArgumentException("the chat template failed: " + fatal.getFirst().getMessage()
                    + (fatal.getFirst().getLineno() > 0 ? " (template line " + fatal.getFirst().getLineno() + ")" : ""));
        }
        return output;
    }

    /** JSON as the plain maps, lists and values a template sees. */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.asText();
    }

    public static String raiseException(String message) {
        throw new IllegalArgumentException(message);
    }

    /** {@code tojson} as transformers defines it: Python's json.dumps with ensure_ascii=False. */
    static final class PythonJsonFilter implements Filter {
        @Override
        public String getName() {
            return "tojson";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(first ? "" : ", ");
                    first = false;
                    string(String.valueOf(entry.getKey()), out);
                    out.append(": ");
                    write(entry.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof Iterable<?> list) {
                out.append('[');
                boolean first = true;
                for (Object element : list) {
                    out.append(first ? "" : ", ");
                    first = false;
                    write(element, out);
                }
                out.append(']');
            } else if (value instanceof Boolean bool) {
                out.append(bool ? "true" : "false");
            } else if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                        : pythonFloat(d));
            } else if (value instanceof Number number) {
                out.append(number.longValue());
            } else {
                string(value.toString(), out);
            }
        }

        /** Python's repr of a float: shortest round trip, exponent past 1e16 or under 1e-4. */
        private static String pythonFloat(double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e16) {
                return (long) d + ".0";
            }
            String text = Double.toString(d);
            if (text.contains("E")) {
                String[] parts = text.split("E");
                int exponent = Integer.parseInt(parts[1]);
                String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
                if (exponent >= -4 && exponent < 16) {
                    return new java.math.BigDecimal(d).round(java.math.MathContext.DECIMAL64).stripTrailingZeros()
                            .toPlainString();
                }
                return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
            }
            return text;
        }

        private static void string(String text, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
