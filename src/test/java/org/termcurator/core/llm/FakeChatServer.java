package org.termcurator.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local server speaking the OpenAI chat-completions protocol with scripted replies, in the
 * order requests arrive; when the script runs out, the fallback reply is used.
 */
public final class FakeChatServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted reply: HTTP status, headers, body, and how long to wait before sending it. */
    public record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
        public static Reply answer(String content) {
            return answer(content, 100, 40, 0);
        }

        /** An answer with the given token counts (cached tokens as prompt_tokens_details.cached_tokens). */
        public static Reply answer(String content, long promptTokens, long completionTokens, long cachedTokens) {
            ObjectNode root = JSON.createObjectNode();
            root.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "fake-model");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            ObjectNode usage = root.putObject("usage").put("prompt_tokens", promptTokens)
                    .put("completion_tokens", completionTokens).put("total_tokens", promptTokens + completionTokens);
            if (cachedTokens > 0) {
                usage.putObject("prompt_tokens_details").put("cached_tokens", cachedTokens);
            }
            return new Reply(200, Map.of(), root.toString(), 0);
        }

        public static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, headers, "{\"error\":{\"message\":\"scripted " + status + "\"}}", 0);
        }

        public Reply delayed(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    /** A request as the server saw it. */
    public record Request(JsonNode body, String authorization, long receivedAtNanos) {
        /** The content of the conversation's last message (the newest user turn). */
        public String lastMessage() {
            JsonNode messages = body.path("messages");
            return messages.path(messages.size() - 1).path("content").asText();
        }

        public String userPrompt() {
            for (JsonNode message : body.path("messages")) {
                if (message.path("role").asText().equals("user")) {
                    return message.path("content").asText();
                }
            }
            return "";
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Reply fallback = Reply.status(500, Map.of());

    public FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(JSON.readTree(in), exchange.getRequestHeaders().getFirst("Authorization"), System.nanoTime()));
            Reply reply = script.poll();
            if (reply == null) {
                reply = fallback;
            }
            try {
                if (reply.delayMillis() > 0) {
                    Thread.sleep(reply.delayMillis());
                }
                reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(reply.status(), out.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(out);
                }
            } catch (InterruptedException | IOException e) {
                exchange.close(); // the client gave up on this request
            }
        });
        server.start();
    }

    public FakeChatServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public FakeChatServer otherwise(Reply reply) {
        fallback = reply;
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<Request> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
