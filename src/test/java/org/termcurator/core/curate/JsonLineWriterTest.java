package org.termcurator.core.curate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLineWriterTest {

    @Test
    void rowsReadBackAsTheSameStringsWhateverTheyHold() throws Exception {
        String tricky = "quote \" backslash \\ newline \n tab \t bell \u0007 nul \u0000 del \u007f "
                + "é 日本語 emoji \uD83D\uDE00 line sep \u2028 end";
        String big = "x".repeat(200_000) + "\"" + "y".repeat(10);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLineWriter json = new JsonLineWriter(bytes);

        for (String content : List.of(tricky, big, "")) {
            RowWriter.write(ExportFormat.MESSAGES, json, List.of(new ChatMessage("user", content),
                    new ChatMessage("assistant", content)), null);
            json.endLine();
        }
        json.flush();

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.get("messages").get(1).get("content").asText()).isEqualTo(tricky);
        assertThat(first.get("messages").get(1).get("role").asText()).isEqualTo("assistant");
        assertThat(mapper.readTree(lines.get(1)).get("messages").get(0).get("content").asText()).isEqualTo(big);
        assertThat(lines.get(2)).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"\"},"
                + "{\"role\":\"assistant\",\"content\":\"\"}]}");
        assertThat(lines.get(0)).contains("\\u0007", "\\u0000", "\\n", "\\t", "日本語");
    }
}
