package org.termcurator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.trajectories.Fixtures;

/** {@code export}, {@code stats} and {@code presets} over a project of the real run fixtures. */
class CurateCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String project;

    @BeforeEach
    void importRuns() throws Exception {
        project = dir.resolve("p.curator").toString();
        CliRun imported = CliRun.of("import", "runs", Fixtures.copy("tb1-run", dir).toString(),
                Fixtures.copy("harbor-job", dir).toString(), Fixtures.copy("sft/rows.jsonl", dir).toString(),
                "--project", project, "--create", "--json");
        assertThat(imported.json().get("imported").asInt()).isPositive();
    }

    @Test
    void exportWithoutPresetKeepsEverySampleWithAConversationAndPrintsCountsAndFiles() throws Exception {
        CliRun stats = CliRun.of("stats", "--project", project, "--json");
        CliRun export = CliRun.of("export", "--project", project, "--format", "messages", "--out",
                dir.resolve("out").toString(), "--json");

        assertThat(export.exitCode()).isZero();
        JsonNode result = export.json();
        int withConversation = stats.json().get("withConversation").asInt();
        assertThat(result.get("exported").asInt()).isEqualTo(withConversation).isPositive();
        assertThat(result.get("dropped").get("conversation").asInt())
                .isEqualTo(stats.json().get("trajectories").asInt() - withConversation);
        assertThat(result.get("dropped").get("outcome").asInt()).isZero();
        assertThat(result.get("files")).extracting(JsonNode::asText)
                .containsExactly(dir.resolve("out/train.jsonl").toAbsolutePath().toString(),
                        dir.resolve("out/manifest.json").toAbsolutePath().toString());
        for (String line : Files.readAllLines(dir.resolve("out/train.jsonl"))) {
            JsonNode row = JSON.readTree(line);
            assertThat(row.get("messages").size()).isGreaterThanOrEqualTo(2);
            assertThat(row.get("messages")).anySatisfy(m -> assertThat(m.get("role").asText()).isEqualTo("assistant"));
        }
        assertThat(export.err()).contains("Reading trajectories");
    }

    @Test
    void statsCountsBySourceOutcomeAndDomainWithSpreads() throws Exception {
        CliRun stats = CliRun.of("stats", "--project", project, "--json");

        assertThat(stats.exitCode()).isZero();
        JsonNode json = stats.json();
        int total = json.get("trajectories").asInt();
        assertThat(total).isPositive();
        int bySource = 0;
        for (JsonNode count : json.get("bySource")) {
            bySource += count.asInt();
        }
        int byOutcome = 0;
        for (JsonNode count : json.get("byOutcome")) {
            byOutcome += count.asInt();
        }
        assertThat(bySource).isEqualTo(total);
        assertThat(byOutcome).isEqualTo(total);
        assertThat(json.get("byOutcome").get("success").asInt()).isPositive();
        assertThat(json.get("turns").get("max").asInt()).isGreaterThanOrEqualTo(json.get("turns").get("median").asInt());
        assertThat(json.get("tokens").get("mean").asDouble()).isPositive();
        assertThat(json.get("encoding").asText()).isEqualTo("cl100k_base");
        assertThat(CliRun.of("stats", "--project", project).out()).contains("with a conversation", "Turns: min");
    }

    @Test
    void presetsAreSavedFromAFileListedShownAndUsedByExportWithASeed() throws Exception {
        Path settings = Files.writeString(dir.resolve("success.json"),
                "{\"outcome\": {\"mode\": \"success\"}, \"seed\": 11}");

        CliRun save = CliRun.of("presets", "save", "success-only", "--settings", settings.toString(),
                "--project", project, "--json");
        CliRun list = CliRun.of("presets", "list", "--project", project, "--json");
        CliRun show = CliRun.of("presets", "show", "success-only", "--project", project, "--json");
        CliRun export = CliRun.of("export", "--project", project, "--preset", "success-only", "--format", "corpus",
                "--out", dir.resolve("out").toString(), "--seed", "5", "--json");

        assertThat(save.exitCode()).isZero();
        assertThat(save.json().get("saved").asText()).isEqualTo("success-only");
        assertThat(list.json().get("presets")).extracting(p -> p.get("name").asText()).containsExactly("success-only");
        assertThat(show.json().get("settings").get("outcome").get("mode").asText()).isEqualTo("success");
        assertThat(export.exitCode()).isZero();
        assertThat(export.json().get("dropped").get("outcome").asInt()).isPositive();
        JsonNode manifest = JSON.readTree(dir.resolve("out/manifest.json").toFile());
        assertThat(manifest.get("preset").asText()).isEqualTo("success-only");
        assertThat(manifest.get("seed").asLong()).isEqualTo(5);
    }

    @Test
    void badSettingsMissingPresetAndUnknownFormatFailWithClearMessagesAndExitCodes() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"turns\": {\"min\": \"many\"}}");

        CliRun badSettings = CliRun.of("export", "--project", project, "--settings", bad.toString(), "--format",
                "messages", "--out", dir.resolve("a").toString(), "--json");
        CliRun missingPreset = CliRun.of("export", "--project", project, "--preset", "nope", "--format", "messages",
                "--out", dir.resolve("b").toString(), "--json");
        CliRun unknownFormat = CliRun.of("export", "--project", project, "--format", "csv", "--out",
                dir.resolve("c").toString(), "--json");
        CliRun both = CliRun.of("export", "--project", project, "--preset", "x", "--settings", bad.toString(),
                "--format", "messages", "--out", dir.resolve("d").toString());

        assertThat(badSettings.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(badSettings.json().get("error").asText()).contains(bad.toString()).contains("field 'turns.min'");
        assertThat(missingPreset.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(missingPreset.json().get("error").asText()).contains("no preset named 'nope'");
        assertThat(unknownFormat.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownFormat.json().get("error").asText()).contains("unknown export format 'csv'");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(dir.resolve("a")).doesNotExist();
    }

    @Test
    void exportTargetWritesAParquetDatasetFolderWithTheCardAndTheSameBytesTwice() throws Exception {
        Path qwen3 = Path.of("src/test/resources/org/termcurator/core/curate/trainer/qwen3").toAbsolutePath();
        CliRun first = CliRun.of("export", "--project", project, "--target", "trl", "--file-format", "parquet",
                "--tokenizer", qwen3.toString(), "--out", dir.resolve("trl1").toString(), "--seed", "5", "--json");
        CliRun second = CliRun.of("export", "--project", project, "--target", "trl", "--file-format", "parquet",
                "--tokenizer", qwen3.toString(), "--out", dir.resolve("trl2").toString(), "--seed", "5", "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.json().get("files")).extracting(JsonNode::asText)
                .contains(dir.resolve("trl1/data/train/train-00000-of-00001.parquet").toAbsolutePath().toString(),
                        dir.resolve("trl1/README.md").toAbsolutePath().toString());
        for (String file : List.of("data/train/train-00000-of-00001.parquet", "README.md")) {
            assertThat(Files.readAllBytes(dir.resolve("trl2").resolve(file)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("trl1").resolve(file)));
        }
        assertThat(Files.readString(dir.resolve("trl1/README.md"))).contains("counted with the tokenizer of qwen3");
        JsonNode manifest = JSON.readTree(dir.resolve("trl1/manifest.json").toFile());
        assertThat(manifest.get("format").asText()).isEqualTo("trl");
        assertThat(manifest.get("options").get("fileFormat").asText()).isEqualTo("parquet");
    }

    @Test
    void aPlainFormatAsTargetAMissingTokenizerAndAnUnknownFileFormatAreUsageErrors() throws Exception {
        CliRun plain = CliRun.of("export", "--project", project, "--target", "sharegpt", "--out",
                dir.resolve("a").toString(), "--json");
        CliRun noTokenizer = CliRun.of("export", "--project", project, "--target", "axolotl", "--tokenizer",
                dir.toString(), "--out", dir.resolve("b").toString(), "--json");
        CliRun fileFormat = CliRun.of("export", "--project", project, "--target", "axolotl", "--file-format", "csv",
                "--out", dir.resolve("c").toString(), "--json");
        CliRun both = CliRun.of("export", "--project", project, "--target", "trl", "--format", "messages", "--out",
                dir.resolve("d").toString(), "--json");

        assertThat(plain.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(plain.json().get("error").asText()).contains("use --format sharegpt");
        assertThat(noTokenizer.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTokenizer.json().get("error").asText()).contains(dir.resolve("tokenizer.json").toString());
        assertThat(fileFormat.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fileFormat.json().get("error").asText()).contains("unknown file format 'csv'");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(dir.resolve("a")).doesNotExist();
    }
}
