package org.termcurator.core.curate.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Qwen3's chat template rendered here against the same conversations rendered by Python's
 * jinja2 as transformers sets it up (the fixtures and the script that made them are in
 * src/test/resources/.../trainer/qwen3).
 */
class ChatTemplateTest {

    static final Path QWEN3 = Path.of("src/test/resources/org/termcurator/core/curate/trainer/qwen3").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void qwen3RendersEveryTestConversationExactlyAsJinja2Does() throws Exception {
        ChatTemplate template = ChatTemplate.fromModelFolder(QWEN3);
        JsonNode cases = JSON.readTree(QWEN3.resolve("conversations.json").toFile());
        JsonNode expected = JSON.readTree(QWEN3.resolve("rendered.json").toFile());
        assertThat(cases.size()).isEqualTo(expected.size()).isEqualTo(5);
        for (int i = 0; i < cases.size(); i++) {
            JsonNode conversation = cases.get(i);
            Map<String, Object> kwargs = new HashMap<>();
            conversation.path("kwargs").properties().forEach(e -> kwargs.put(e.getKey(), ChatTemplate.plain(e.getValue())));
            String rendered = template.render(conversation.get("messages"), conversation.get("tools"),
                    conversation.path("add_generation_prompt").asBoolean(false), kwargs);
            assertThat(rendered).as("conversation " + i).isEqualTo(expected.get(i).asText());
        }
    }
}
