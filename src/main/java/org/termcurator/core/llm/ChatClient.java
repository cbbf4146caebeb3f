package org.termcurator.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.termcurator.core.io.Mappers;

/**
 * A client for OpenAI-compatible chat completions over java.net.http. Rate limits (429,
 * honouring Retry-After), server errors (5xx), timeouts and dropped connections are retried
 * with exponential back-off; other errors fail at once with the server's words.
 */
public final class ChatClient {

    private static final ObjectMapper JSON = Mappers.json();

    private final ChatEndpoint endpoint;
    private final RetryPolicy retry;
    private final UnaryOperator<String> environment;
    private final HttpClient http;
    private final TokenUsage usage;

    /** One message of the conversation. */
    public record Message(String role, String content) {
        public static Message system(String content) {
            return new Message("system", content);
        }

        public static Message user(String content) {
            return new Message("user", content);
        }

        public static Message assistant(String content) {
            return new Message("assistant", content);
        }
    }

    /**
     * The model's answer, the tokens it cost and how many attempts it took.
     *
     * @param reasoning the endpoint's separate reasoning text (reasoning_content), or null
     * @param reportedCostUsd usage.cost when the endpoint prices its answers itself, else null
     * @param retries what went wrong before this answer, one line per retry
     */
    public record Answer(String content, long promptTokens, long completionTokens, int attempts, String finishReason,
                         long cachedTokens, String reasoning, Double reportedCostUsd, List<String> retries) {

        public Answer {
            retries = retries == null ? List.of() : List.copyOf(retries);
        }
    }

    /**
     * @param environment looks up environment variables (System::getenv in the app); the API key
     *                    is read through it at each request
     */
    public ChatClient(ChatEndpoint endpoint, RetryPolicy retry, UnaryOperator<String> environment, TokenUsage usage) {
        this.endpoint = endpoint;
        this.retry = retry;
        this.environment = environment;
        this.usage = usage;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public ChatEndpoint endpoint() {
        return endpoint;
    }

    /** Sends the conversation and waits for the answer; interrupting the thread abandons it. */
    public Answer complete(List<Message> messages, double temperature, Long seed)
            throws ChatException, InterruptedException {
        return complete(messages, temperature, seed, null);
    }

    /**
     * Like {@link #complete(List, double, Long)}, but gives up once {@code maxWait} has passed in
     * all, retries and back-off included (null: no limit), e.g. when an agent's time runs out.
     */
    public Answer complete(List<Message> messages, double temperature, Long seed, Duration maxWait)
            throws ChatException, InterruptedException {
        String body = requestBody(messages, temperature, seed);
        long deadline = maxWait == null ? Long.MAX_VALUE : System.nanoTime() + maxWait.toNanos();
        String failure = null;
        Throwable cause = null;
        List<String> retries = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1) {
                usage.addRetry();
            }
            Duration left = remaining(deadline);
            if (left.isZero()) {
                throw new ChatException("no answer in the time allowed" + (failure == null ? "" : "; last: " + failure),
                        attempt - 1, cause);
            }
            Duration wait;
            try {
                HttpResponse<String> response = http.send(request(body, min(retry.requestTimeout(), left)),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                // an endpoint may echo the key (in an error, or a model repeating it): it never goes further
                String answered = redact(response.body());
                if (status / 100 == 2) {
                    return answer(answered, attempt, retries);
                }
                failure = "HTTP " + status + " from " + endpoint.chatCompletionsUri() + ": " + snippet(answered);
                cause = null;
                if (status != 429 && status / 100 != 5) {
                    throw new ChatException(failure, attempt, null);
                }
                wait = retryAfter(response).orElse(retry.backoff(attempt));
            } catch (HttpTimeoutException e) {
                failure = "no answer from " + endpoint.chatCompletionsUri() + " within "
                        + readable(min(retry.requestTimeout(), left));
                cause = e;
                wait = retry.backoff(attempt);
            } catch (IOException e) {
                failure = "cannot reach " + endpoint.chatCompletionsUri() + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + redact(e.getMessage())) + ")";
                cause = e;
                wait = retry.backoff(attempt);
            }
            if (attempt < retry.maxAttempts()) {
                Duration sleep = min(wait, remaining(deadline));
                retries.add(failure + "; waited " + readable(sleep));
                Thread.sleep(sleep.toMillis()); // interruptible: cancel ends the wait
            }
        }
        throw new ChatException(failure + " (gave up after " + retry.maxAttempts() + " attempts)", retry.maxAttempts(), cause);
    }

    private static Duration remaining(long deadline) {
        if (deadline == Long.MAX_VALUE) {
            return ChronoUnit.FOREVER.getDuration();
        }
        long left = deadline - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Throws when the endpoint names an API key variable that is not set, so that a run can stop
     * before it starts instead of failing every request the same way.
     */
    public void requireApiKey() throws ChatException {
        apiKey();
    }

    /** The API key from the named environment variable; null when the endpoint needs none. */
    private String apiKey() throws ChatException {
        if (endpoint.apiKeyEnvVar() == null) {
            return null;
        }
        String key = environment.apply(endpoint.apiKeyEnvVar());
        if (key == null || key.isBlank()) {
            throw new ChatException("the environment variable " + endpoint.apiKeyEnvVar()
                    + " (named in Settings for the API key) is not set", 0, null);
        }
        return key.strip();
    }

    private HttpRequest request(String body, Duration timeout) throws ChatException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.chatCompletionsUri())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String key = apiKey();
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder.build();
    }

    private String requestBody(List<Message> messages, double temperature, Long seed) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", endpoint.model());
        ArrayNode list = body.putArray("messages");
        for (Message message : messages) {
            list.addObject().put("role", message.role()).put("content", message.content());
        }
        body.put("temperature", temperature);
        if (seed != null) {
            body.put("seed", seed);
        }
        return body.toString();
    }

    private Answer answer(String body, int attempt, List<String> retries) throws ChatException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new ChatException("the endpoint answered with something that is not JSON: " + snippet(body), attempt, e);
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) {
            throw new ChatException("the endpoint's answer has no choices[0].message.content: " + snippet(body), attempt, null);
        }
        JsonNode tokens = root.path("usage");
        long prompt = tokens.path("prompt_tokens").asLong(0);
        long completion = tokens.path("completion_tokens").asLong(0);
        long cached = tokens.path("prompt_tokens_details").path("cached_tokens").asLong(tokens.path("cached_tokens").asLong(0));
        Double cost = tokens.path("cost").isNumber() ? tokens.path("cost").doubleValue() : null;
        JsonNode message = choice.path("message");
        String reasoning = message.path("reasoning_content").isTextual() ? message.path("reasoning_content").asText()
                : message.path("reasoning").isTextual() ? message.path("reasoning").asText() : null;
        usage.addAnswer(prompt, completion);
        if (reasoning != null) {
            reasoning = redact(reasoning);
        }
        return new Answer(redact(content.asText()), prompt, completion, attempt, choice.path("finish_reason").asText(null),
                cached, reasoning, cost, retries);
    }

    /**
     * The text with the API key (as it is, and as JSON would escape it) replaced by
     * {@link #REDACTED}. The app knows the key's value, so nothing an endpoint echoes can carry it
     * into the project, a generation folder, a result file, a log or the terminal. Keys shorter
     * than {@link #MIN_REDACTED_LENGTH} are not searched for (they would garble ordinary text).
     */
    public String redact(String text) {
        if (text == null || endpoint.apiKeyEnvVar() == null) {
            return text;
        }
        String key = environment.apply(endpoint.apiKeyEnvVar());
        return redact(text, key == null ? null : key.strip());
    }

    /** {@code text} with {@code secret} replaced, as it is and JSON-escaped; see {@link #redact(String)}. */
    public static String redact(String text, String secret) {
        if (text == null || secret == null || secret.length() < MIN_REDACTED_LENGTH) {
            return text;
        }
        String escaped = new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(secret));
        // JSON may also escape "/" as "\/"
        return text.replace(secret, REDACTED).replace(escaped, REDACTED).replace(escaped.replace("/", "\\/"), REDACTED);
    }

    /** What stands where an API key was. */
    public static final String REDACTED = "[redacted API key]";
    /** Shorter keys are not redacted. */
    public static final int MIN_REDACTED_LENGTH = 8;

    /** Retry-After in seconds or as an HTTP date; capped by the policy so a server cannot stall a run. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        Duration wait;
        try {
            wait = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
        } catch (NumberFormatException e) {
            try {
                wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (RuntimeException unparsable) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(wait.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : wait);
    }

    private static String readable(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }

    private static String snippet(String body) {
        if (body == null) {
            return "(no body)";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
