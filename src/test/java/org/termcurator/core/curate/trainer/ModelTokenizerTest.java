package org.termcurator.core.curate.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real (cut-down Qwen3) tokenizer.json through DJL against the counts the reference
 * implementation (the @huggingface/tokenizers npm package) gives for the rendered test conversations.
 */
class ModelTokenizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countsOfTheRenderedConversationsMatchTheReferenceTokenizer() throws Exception {
        JsonNode rendered = JSON.readTree(ChatTemplateTest.QWEN3.resolve("rendered.json").toFile());
        JsonNode expected = JSON.readTree(ChatTemplateTest.QWEN3.resolve("token-counts.json").toFile());
        try (ModelTokenizer tokenizer = ModelTokenizer.open(ChatTemplateTest.QWEN3)) {
            for (int i = 0; i < rendered.size(); i++) {
                assertThat(tokenizer.count(rendered.get(i).asText())).as("conversation " + i)
                        .isEqualTo(expected.get(i).asInt());
            }
            // the special tokens are single tokens, as the template means them
            assertThat(tokenizer.count("<|im_start|><|im_end|><think></think>")).isEqualTo(4);
        }
    }

    @Test
    void aFolderWithoutTokenizerJsonIsAnErrorNamingTheFile(@TempDir Path empty) {
        assertThatThrownBy(() -> ModelTokenizer.open(empty)).isInstanceOf(IOException.class)
                .hasMessageContaining(empty.resolve("tokenizer.json").toString());
    }
}
