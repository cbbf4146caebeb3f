package org.termcurator.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatClientTest {

    private FakeChatServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatClient client(Duration requestTimeout) {
        return new ChatClient(new ChatEndpoint(server.baseUrl(), "m", null),
                new RetryPolicy(5, Duration.ofMillis(10), Duration.ofSeconds(2), requestTimeout), name -> null,
                new TokenUsage());
    }

    @Test
    void answersCarryCachedTokensReasoningTheEndpointsCostAndWhatWasRetried() throws Exception {
        String body = """
                {"choices": [{"message": {"role": "assistant", "content": "hi", "reasoning_content": "thinking"},
                  "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 10, "completion_tokens": 2, "cost": 0.25,
                           "prompt_tokens_details": {"cached_tokens": 6}}}""";
        server.then(FakeChatServer.Reply.status(503, Map.of()),
                FakeChatServer.Reply.status(429, Map.of("Retry-After", "0")),
                new FakeChatServer.Reply(200, Map.of(), body, 0));

        ChatClient.Answer answer = client(Duration.ofSeconds(5)).complete(List.of(ChatClient.Message.user("q")), 0.7,
                null, Duration.ofSeconds(30));

        assertThat(answer.content()).isEqualTo("hi");
        assertThat(answer.reasoning()).isEqualTo("thinking");
        assertThat(answer.cachedTokens()).isEqualTo(6);
        assertThat(answer.reportedCostUsd()).isEqualTo(0.25);
        assertThat(answer.attempts()).isEqualTo(3);
        assertThat(answer.retries()).hasSize(2);
        assertThat(answer.retries().get(0)).startsWith("HTTP 503").contains("waited");
        assertThat(answer.retries().get(1)).startsWith("HTTP 429");
    }

    @Test
    void theCallersTimeBoundsEveryRequestAndWait() {
        server.otherwise(FakeChatServer.Reply.answer("late").delayed(5000));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client(Duration.ofMinutes(1)).complete(List.of(ChatClient.Message.user("q")), 0.7,
                null, Duration.ofMillis(500)))
                .isInstanceOf(ChatException.class).hasMessageContaining("no answer in the time allowed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
}
