package org.termcurator.core.curate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectTestSupport;
import org.termcurator.core.trajectories.ParquetFiles;

class TrainerExportTest extends ProjectTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String API_KEY = "sk-proj-4fT9xQ2mLk8vR7wZ3nB6cY1hJ5dG0sPa";

    /**
     * Four trajectories: a clean one, one with a parse-error turn between good ones, one whose
     * terminal output shows an API key, one that repeats a command.
     */
    private void project() throws Exception {
        CurationFixture.importSampleTasks(db);
        CurationFixture fixture = new CurationFixture();
        fixture.row("sales-by-region", "Sum the sales by region.").turn("ls").turn("python3 sum.py").finish().reward(1)
                .add();
        fixture.row("secure-config-tree", "Lock down the config tree.").turn("ls -la /etc/app").parseError()
                .turn("chmod 600 /etc/app/secret.conf").finish().reward(0).add();
        fixture.row("t-keys", "Find the key the service uses.").answer("cat .env", false)
                .user("root@box:/app# cat .env\nOPENAI_API_KEY=" + API_KEY + "\nroot@box:/app# ").finish().add();
        fixture.row("t-repeat", "Wait for the build.").turn("make").turn("make").finish().add();
        fixture.importInto(db, dir);
    }

    private ExportResult export(ExportFormat target, ExportOptions options, Path out) throws Exception {
        return new CurationPipeline(db).export(CurationSettings.defaults().withSeed(3), "t", target, options, out,
                JobContext.unobserved());
    }

    private static ExportOptions parquet(ExportFormat target) {
        return ExportOptions.forTarget(target).withFileFormat(ExportOptions.FileFormat.PARQUET);
    }

    private static ExportOptions jsonl(ExportFormat target) {
        return ExportOptions.forTarget(target).withFileFormat(ExportOptions.FileFormat.JSONL);
    }

    private static List<JsonNode> jsonlRows(Path file) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    private static String conversationText(JsonNode row) {
        return row.toString();
    }

    @Test
    void trlParquetFolderHasTheCardConfigsToolCallsAndToolsAndKeepsTheParseErrorTurnAsContext() throws Exception {
        project();
        Path out = dir.resolve("trl");
        ExportResult result = export(ExportFormat.TRL, parquet(ExportFormat.TRL), out);

        Path data = out.resolve("data/train/train-00000-of-00001.parquet");
        assertThat(result.files()).contains(data, out.resolve("README.md"), out.resolve("manifest.json"));
        String card = Files.readString(out.resolve("README.md"));
        assertThat(card).startsWith("---\n").contains("configs:", "config_name: default", "path: data/train/*.parquet",
                "license: other", "num_examples: 4", "dataset_info:", "name: tool_calls");
        List<ObjectNode> rows = ParquetFiles.rows(data);
        assertThat(rows).hasSize(4);
        ObjectNode withError = rows.stream().filter(r -> r.toString().contains("Sure, I will just do it.")).findFirst()
                .orElseThrow();
        JsonNode messages = withError.get("messages");
        JsonNode firstAnswer = messages.get(1);
        assertThat(firstAnswer.get("role").asText()).isEqualTo("assistant");
        JsonNode call = firstAnswer.get("tool_calls").get(0);
        assertThat(call.get("type").asText()).isEqualTo("function");
        assertThat(call.get("function").get("name").asText()).isEqualTo("bash_command");
        assertThat(JSON.readTree(call.get("function").get("arguments").asText()).get("keystrokes").asText())
                .isEqualTo("ls -la /etc/app\n");
        assertThat(messages.get(2).get("role").asText()).isEqualTo("tool");
        assertThat(messages.get(2).get("tool_call_id").asText()).isEqualTo(call.get("id").asText());
        assertThat(JSON.readTree(withError.get("tools").asText()).get(0).get("function").get("name").asText())
                .isEqualTo("bash_command");
        // masked, not dropped: the bad answer stays before the turns after it, and the manifest counts it
        List<String> roles = new ArrayList<>();
        messages.forEach(m -> roles.add(m.get("role").asText()));
        assertThat(roles.subList(0, 5)).containsExactly("user", "assistant", "tool", "assistant", "user");
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("counts").get("maskedTurns").asInt()).isEqualTo(1);
        assertThat(manifest.get("counts").get("maskedBy").get("parse-error").asInt()).isEqualTo(1);
        assertThat(manifest.get("counts").get("trainedTokens").asLong()).isPositive();
        assertThat(card).contains("masked (kept as context, not learned from): 1 (harness-error 1, parse-error 1)");
    }

    @Test
    void llamaFactoryRowsAlternateWithFunctionCallAndObservationAndDatasetInfoNamesThem() throws Exception {
        project();
        Path out = dir.resolve("lf");
        export(ExportFormat.LLAMA_FACTORY, jsonl(ExportFormat.LLAMA_FACTORY), out);

        List<JsonNode> rows = jsonlRows(out.resolve("data/train/train-00000-of-00001.jsonl"));
        assertThat(rows).hasSize(4);
        for (JsonNode row : rows) {
            JsonNode conversations = row.get("conversations");
            for (int i = 0; i < conversations.size(); i++) {
                String from = conversations.get(i).get("from").asText();
                assertThat(from).isIn(i % 2 == 0 ? List.of("human", "observation") : List.of("gpt", "function_call"));
            }
            assertThat(conversations.size() % 2).isZero();
            assertThat(JSON.readTree(row.get("tools").asText()).get(0).get("type").asText()).isEqualTo("function");
        }
        JsonNode withError = rows.stream().filter(r -> r.toString().contains("Sure, I will just do it.")).findFirst()
                .orElseThrow();
        List<String> weights = new ArrayList<>();
        List<String> froms = new ArrayList<>();
        for (JsonNode entry : withError.get("conversations")) {
            froms.add(entry.get("from").asText());
            if (entry.has("loss_weight")) {
                weights.add(entry.get("from").asText() + "=" + entry.get("loss_weight").asDouble());
            }
        }
        assertThat(froms).startsWith("human", "function_call", "observation", "gpt", "human", "function_call");
        assertThat(weights).containsExactly("function_call=1.0", "gpt=0.0", "function_call=1.0", "function_call=1.0");
        JsonNode call = JSON.readTree(withError.get("conversations").get(1).get("value").asText()
                .replaceFirst("^<think>[\\s\\S]*</think>", ""));
        assertThat(call.get(0).get("name").asText()).isEqualTo("bash_command");

        JsonNode info = JSON.readTree(out.resolve("dataset_info.json").toFile()).get("terminal_curator");
        assertThat(info.get("file_name").asText()).isEqualTo("data/train");
        assertThat(info.get("formatting").asText()).isEqualTo("sharegpt");
        assertThat(info.get("columns").get("messages").asText()).isEqualTo("conversations");
        assertThat(info.get("columns").get("tools").asText()).isEqualTo("tools");
        assertThat(info.get("tags").get("function_tag").asText()).isEqualTo("function_call");
        assertThat(info.get("tags").get("observation_tag").asText()).isEqualTo("observation");
    }

    @Test
    void axolotlRowsFlagEveryMessageAndComeWithAConfigSnippet() throws Exception {
        project();
        Path out = dir.resolve("ax");
        export(ExportFormat.AXOLOTL, jsonl(ExportFormat.AXOLOTL), out);

        List<JsonNode> rows = jsonlRows(out.resolve("data/train/train-00000-of-00001.jsonl"));
        JsonNode withError = rows.stream().filter(r -> r.toString().contains("Sure, I will just do it.")).findFirst()
                .orElseThrow();
        List<String> flags = new ArrayList<>();
        for (JsonNode message : withError.get("messages")) {
            flags.add(message.get("role").asText() + "=" + message.get("train").asBoolean());
        }
        assertThat(flags).containsSubsequence("assistant=true", "assistant=false", "user=false", "assistant=true");
        assertThat(Files.readString(out.resolve("axolotl.yaml"))).contains("type: chat_template",
                "field_messages: messages", "message_field_training: train", "data/train/*.jsonl");
    }

    @Test
    void anApiKeyInTheTerminalOutputIsRedactedInEveryFormatAndCountedInTheManifest() throws Exception {
        project();
        for (ExportFormat format : ExportFormat.values()) {
            if (format == ExportFormat.HARBOR) {
                continue;
            }
            for (ExportOptions.FileFormat fileFormat : format.isTarget() ? ExportOptions.FileFormat.values()
                    : new ExportOptions.FileFormat[] {ExportOptions.FileFormat.JSONL}) {
                Path out = dir.resolve(format.key() + "-" + fileFormat.key());
                export(format, ExportOptions.forTarget(format).withFileFormat(fileFormat), out);
                StringBuilder all = new StringBuilder();
                try (Stream<Path> files = Files.walk(out)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        all.append(file.toString().endsWith(".parquet") ? ParquetFiles.rows(file).toString()
                                : Files.readString(file));
                    }
                }
                assertThat(all.toString()).as(out.toString()).doesNotContain(API_KEY).contains("[REDACTED:");
                JsonNode redactions = JSON.readTree(out.resolve("manifest.json").toFile()).get("redactions");
                assertThat(redactions.get("total").asInt()).as(out.toString()).isPositive();
            }
        }
    }

    @Test
    void twoExportsWithTheSameSettingsAndSeedAreByteIdenticalParquetIncluded() throws Exception {
        project();
        for (ExportFormat target : List.of(ExportFormat.TRL, ExportFormat.TERMINAL_CORPUS, ExportFormat.AXOLOTL)) {
            Path one = dir.resolve(target.key() + "-1");
            Path two = dir.resolve(target.key() + "-2");
            export(target, parquet(target), one);
            export(target, parquet(target), two);
            Map<String, byte[]> first = files(one);
            Map<String, byte[]> second = files(two);
            assertThat(second.keySet()).isEqualTo(first.keySet());
            assertThat(first.keySet()).anyMatch(name -> name.endsWith(".parquet"));
            first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
        }
    }

    /** Every file but the manifest (which says when it was written), by path. */
    private static Map<String, byte[]> files(Path folder) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(file).toString();
                if (!name.equals("manifest.json")) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    @Test
    void harborTracesWriteOneRowPerTrainedStepAndTerminalCorpusUsesDifficultyAndDomainConfigs() throws Exception {
        project();
        Path traces = dir.resolve("traces");
        export(ExportFormat.HARBOR_TRACES, jsonl(ExportFormat.HARBOR_TRACES), traces);
        List<JsonNode> rows = jsonlRows(traces.resolve("data/train/train-00000-of-00001.jsonl"));
        // 3 + (4 - 1 masked) + 2 + 3 answers
        assertThat(rows).hasSize(11);
        JsonNode row = rows.stream().filter(r -> "sales-by-region".equals(r.get("task").asText())).findFirst().orElseThrow();
        JsonNode last = row.get("conversations").get(row.get("conversations").size() - 1);
        assertThat(last.get("role").asText()).isEqualTo("assistant");
        assertThat(last.get("content").asText()).contains("<tool_call>{\"name\":\"bash_command\"");
        assertThat(row.get("result").asText()).isEqualTo("1");
        assertThat(row.get("instruction").asText()).isNotBlank();
        assertThat(row.has("tool_definitions")).isTrue();

        Path corpus = dir.resolve("corpus");
        export(ExportFormat.TERMINAL_CORPUS, parquet(ExportFormat.TERMINAL_CORPUS), corpus);
        String card = Files.readString(corpus.resolve("README.md"));
        assertThat(card).contains("config_name: skill_based_easy-data-processing",
                "config_name: dataset_adapters-adapter-a");
        List<ObjectNode> easy = ParquetFiles.rows(corpus.resolve(
                "skill_based_easy/data-processing/train/train-00000-of-00001.parquet"));
        assertThat(easy).hasSize(1);
        assertThat(easy.getFirst().get("conversations").get(0).get("role").asText()).isEqualTo("user");
        assertThat(easy.getFirst().get("agent").asText()).isEqualTo("terminus-2");
    }

    /**
     * Two conversations of the Qwen3 fixtures imported as Terminal-Corpus rows; the reference
     * tokenizer counts their renderings as 201 and 333 tokens (token-counts.json).
     */
    @Test
    void theLengthFilterWithAModelFolderDropsExactlyTheSamplesTheReferenceCountsOverTheLimit() throws Exception {
        Path qwen3 = Path.of("src/test/resources/org/termcurator/core/curate/trainer/qwen3").toAbsolutePath();
        JsonNode cases = JSON.readTree(qwen3.resolve("conversations.json").toFile());
        JsonNode counts = JSON.readTree(qwen3.resolve("token-counts.json").toFile());
        assertThat(counts.get(0).asInt()).isEqualTo(201);
        assertThat(counts.get(4).asInt()).isEqualTo(333);
        StringBuilder rows = new StringBuilder();
        for (int i : new int[] {0, 4}) {
            ObjectNode row = JSON.createObjectNode();
            row.set("conversations", cases.get(i).get("messages"));
            row.put("task", "case-" + i);
            rows.append(JSON.writeValueAsString(row)).append('\n');
        }
        Path file = dir.resolve("qwen3-rows.jsonl");
        Files.writeString(file, rows);
        assertThat(new org.termcurator.core.trajectories.RunImporter(db).importPaths(List.of(file),
                JobContext.unobserved()).errors()).isEmpty();
        ExportOptions options = jsonl(ExportFormat.TRL).withShape(new org.termcurator.core.curate.trainer.Shape(
                org.termcurator.core.curate.trainer.Shape.ToolStyle.TEXT, null, null)).withTokenizer(qwen3.toString());

        for (int max : new int[] {201, 332, 333}) {
            CurationSettings settings = CurationSettings.defaults().withTokens(
                    new CurationSettings.TokenLimit(null, max, null, null));
            Path out = dir.resolve("len-" + max);
            ExportResult result = new CurationPipeline(db).export(settings, null, ExportFormat.TRL, options, out,
                    JobContext.unobserved());
            List<String> tasks = new ArrayList<>();
            for (JsonNode row : jsonlRows(out.resolve("data/train/train-00000-of-00001.jsonl"))) {
                tasks.add(row.get("messages").size() == 4 ? "case-0" : "case-4");
            }
            assertThat(tasks).as("max " + max).containsExactlyInAnyOrderElementsOf(
                    max < 333 ? List.of("case-0") : List.of("case-0", "case-4"));
            assertThat(result.dropped().get("tokens")).isEqualTo(max < 333 ? 1 : 0);
            assertThat(Files.readString(out.resolve("README.md"))).contains("counted with the tokenizer of qwen3");
        }
    }

    @Test
    void dataFilesOverTheSizeLimitSplitIntoNamedShards() throws Exception {
        project();
        Path out = dir.resolve("shards");
        export(ExportFormat.TRL, jsonl(ExportFormat.TRL).withShardBytes(2048), out);
        List<Path> shards;
        try (Stream<Path> files = Files.list(out.resolve("data/train"))) {
            shards = files.sorted().toList();
        }
        assertThat(shards).hasSizeGreaterThan(1);
        int total = 0;
        for (int i = 0; i < shards.size(); i++) {
            assertThat(shards.get(i).getFileName().toString())
                    .isEqualTo(String.format("train-%05d-of-%05d.jsonl", i, shards.size()));
            total += Files.readAllLines(shards.get(i)).size();
        }
        assertThat(total).isEqualTo(4);
    }
}
