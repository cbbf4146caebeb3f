package org.termcurator.core.curate.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.trajectories.ParquetFiles;

class ParquetRowWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<Column> COLUMNS = List.of(
            Column.listOf("messages", Column.string("role"), Column.string("content"), Column.bool("train"),
                    Column.listOf("tool_calls", Column.string("id"), Column.string("type"),
                            Column.struct("function", Column.string("name"), Column.json("arguments")))),
            Column.json("tools"), Column.int64("n"));

    @TempDir
    Path dir;

    @Test
    void nestedRowsReadBackAsTheyWereWithArgumentsAsJsonTextAndTwoWritesAreByteIdentical() throws Exception {
        ObjectNode row = (ObjectNode) JSON.readTree("""
                {"messages":[{"role":"user","content":"list files","train":false},
                 {"role":"assistant","content":"Lîsting.","train":true,"tool_calls":[{"id":"call_1","type":"function",
                  "function":{"name":"bash_command","arguments":{"keystrokes":"ls\\n","duration":0.1}}}]}],
                 "tools":[{"type":"function","function":{"name":"bash_command"}}],"n":7}""");
        ObjectNode empty = (ObjectNode) JSON.readTree("{\"messages\":[],\"n\":null}");
        Path first = dir.resolve("a.parquet");
        Path second = dir.resolve("b.parquet");
        for (Path file : List.of(first, second)) {
            try (ParquetRowWriter writer = new ParquetRowWriter(file, COLUMNS)) {
                writer.write(row);
                writer.write(empty);
            }
        }
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        List<ObjectNode> rows = ParquetFiles.rows(first);
        assertThat(rows).hasSize(2);
        var assistant = rows.get(0).get("messages").get(1);
        assertThat(assistant.get("content").asText()).isEqualTo("Lîsting.");
        assertThat(assistant.get("train").asBoolean()).isTrue();
        var call = assistant.get("tool_calls").get(0).get("function");
        assertThat(JSON.readTree(call.get("arguments").asText())).isEqualTo(JSON.readTree("{\"keystrokes\":\"ls\\n\",\"duration\":0.1}"));
        assertThat(rows.get(0).get("n").asLong()).isEqualTo(7);
        assertThat(rows.get(1).get("messages")).isEmpty();
        assertThat(new String(Files.readAllBytes(first), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Lîsting");
    }
}
