package org.termcurator.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An endpoint that echoes the API key back: the key never leaves the client. */
class ApiKeyRedactionTest {

    static final String KEY = "sk-test-0123456789abcdef/XYZ";

    private static ChatClient client(FakeChatServer server) {
        return new ChatClient(new ChatEndpoint(server.baseUrl(), "m", "CURATOR_TEST_KEY"),
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(10)),
                name -> name.equals("CURATOR_TEST_KEY") ? KEY : null, new TokenUsage());
    }

    @Test
    void aKeyEchoedInAnErrorBodyIsNotInTheError() throws Exception {
        try (FakeChatServer server = new FakeChatServer()) {
            server.then(new FakeChatServer.Reply(401, Map.of(),
                    "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY.replace("/", "\\/") + " or " + KEY
                            + "\"}}", 0));
            assertThatThrownBy(() -> client(server).complete(List.of(ChatClient.Message.user("hi")), 0, null))
                    .isInstanceOf(ChatException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageContaining(ChatClient.REDACTED)
                    .hasMessageNotContaining(KEY)
                    .hasMessageNotContaining(KEY.replace("/", "\\/"));
            assertThat(server.requests().getFirst().authorization()).as("the key was sent").isEqualTo("Bearer " + KEY);
        }
    }

    @Test
    void aKeyEchoedInACompletionIsNotInTheAnswer() throws Exception {
        try (FakeChatServer server = new FakeChatServer()) {
            server.then(FakeChatServer.Reply.answer("your key is " + KEY + ", run: echo " + KEY));
            ChatClient.Answer answer = client(server).complete(List.of(ChatClient.Message.user("hi")), 0, null);
            assertThat(answer.content()).doesNotContain(KEY)
                    .isEqualTo("your key is " + ChatClient.REDACTED + ", run: echo " + ChatClient.REDACTED);
        }
    }

    @Test
    void shortKeysAreNotSearchedForAndNoKeyMeansNothingToRedact() {
        assertThat(ChatClient.redact("abc abc", "abc")).isEqualTo("abc abc");
        assertThat(ChatClient.redact("text", null)).isEqualTo("text");
        assertThat(ChatClient.redact("a \"quoted\\key\" b", "\"quoted\\key\"")).doesNotContain("quoted");
    }
}
