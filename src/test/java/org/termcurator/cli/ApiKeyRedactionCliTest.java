package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.generation.GenerationRunTest;
import org.termcurator.core.llm.ChatClient;
import org.termcurator.core.llm.FakeChatServer;

/**
 * An endpoint that echoes the API key (in a completion and in an error body): the key is in no
 * file the app writes (project, generation folder) and in nothing it prints.
 */
class ApiKeyRedactionCliTest {

    @TempDir
    Path dir;

    @Test
    void generateWritesAndPrintsNoEchoedKey() throws Exception {
        // the CLI reads the key from the environment: PATH stands in for a key variable here
        String key = System.getenv("PATH");
        Assumptions.assumeTrue(key != null && key.length() >= ChatClient.MIN_REDACTED_LENGTH, "PATH is needed as a key");
        String project = dir.resolve("p.curator").toString();
        assertThat(CliRun.of("skills", "import", "--default", "--project", project, "--create").exitCode()).isZero();
        Path out = dir.resolve("generated");
        CliRun generated;
        try (FakeChatServer server = new FakeChatServer()) {
            server.then(FakeChatServer.Reply.answer(GenerationRunTest.goodAnswer("one", "Do one. The key is " + key)),
                    new FakeChatServer.Reply(400, Map.of(), "{\"error\":{\"message\":\"bad request for key " + key
                            + "\"}}", 0));
            generated = CliRun.of("generate", "--project", project, "--mode", "skill", "--count", "2", "--domain",
                    "debugging", "--endpoint", server.baseUrl(), "--model", "m", "--concurrency", "1",
                    "--random-seed", "7", "--api-key-env", "PATH", "--out", out.toString(), "--json");
            assertThat(server.requests()).allSatisfy(request ->
                    assertThat(request.authorization()).isEqualTo("Bearer " + key));
        }
        assertThat(generated.out() + generated.err()).contains(ChatClient.REDACTED).doesNotContain(key);
        assertThat(Files.readString(out.resolve("one/instruction.md"))).contains(ChatClient.REDACTED);
        List<Path> written;
        try (Stream<Path> walk = Files.walk(dir)) {
            written = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(written).as("the project and the generation folder").hasSizeGreaterThan(3);
        byte[] needle = key.getBytes(StandardCharsets.UTF_8);
        for (Path file : written) {
            assertThat(indexOf(Files.readAllBytes(file), needle)).as(file + " holds the key").isEqualTo(-1);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
