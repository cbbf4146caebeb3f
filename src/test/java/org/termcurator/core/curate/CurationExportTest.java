package org.termcurator.core.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.termcurator.core.io.ExportTargetException;
import org.termcurator.core.jobs.JobCancelledException;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectTestSupport;

class CurationExportTest extends ProjectTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Twelve samples over six tasks, two of them linked to sample tasks with domain and difficulty. */
    private List<Long> project() throws Exception {
        CurationFixture.importSampleTasks(db);
        CurationFixture fixture = new CurationFixture();
        String[] tasks = {"sales-by-region", "secure-config-tree", "t-alpha", "t-beta", "t-gamma", "t-delta"};
        for (int i = 0; i < 12; i++) {
            CurationFixture.Row row = fixture.row(tasks[i % tasks.length], "Instruction of " + tasks[i % tasks.length]);
            for (int turn = 0; turn <= i % 4; turn++) {
                row.turn("echo step " + turn + " of sample " + i);
            }
            row.assistant("<think>Done, I think.</think>{\"analysis\": \"done\", \"plan\": \"\", \"commands\": [], "
                    + "\"task_complete\": true}");
            row.reward(i % 3 == 0 ? 1.0 : 0.0).add();
        }
        return fixture.importInto(db, dir);
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    private ExportResult export(CurationSettings settings, ExportFormat format, Path out) throws Exception {
        return new CurationPipeline(db).export(settings, "test", format, out, JobContext.unobserved());
    }

    @Test
    void sameSettingsAndSeedGiveIdenticalBytesAnotherSeedTheSameSetInAnotherOrder() throws Exception {
        project();
        CurationSettings settings = CurationSettings.defaults().withSeed(7);

        export(settings, ExportFormat.MESSAGES, dir.resolve("one"));
        export(settings, ExportFormat.MESSAGES, dir.resolve("two"));
        export(settings.withSeed(8), ExportFormat.MESSAGES, dir.resolve("three"));

        byte[] one = Files.readAllBytes(dir.resolve("one/train.jsonl"));
        byte[] three = Files.readAllBytes(dir.resolve("three/train.jsonl"));
        assertThat(Files.readAllBytes(dir.resolve("two/train.jsonl"))).isEqualTo(one);
        assertThat(three).isNotEqualTo(one);
        assertThat(Files.readAllLines(dir.resolve("three/train.jsonl")))
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(dir.resolve("one/train.jsonl")));
    }

    @Test
    void messagesLinesParseWithRolesAndContentAndMatchTheSamplePreview() throws Exception {
        List<Long> ids = project();
        CurationPipeline pipeline = new CurationPipeline(db);
        CurationSettings settings = CurationSettings.defaults();

        ExportResult result = pipeline.export(settings, ExportFormat.MESSAGES, dir.resolve("out"), JobContext.unobserved());
        SamplePreview sample = pipeline.previewSample(settings, ExportFormat.MESSAGES, ids.get(5));

        List<JsonNode> rows = lines(dir.resolve("out/train.jsonl"));
        assertThat(rows).hasSize(12);
        assertThat(result.exported()).isEqualTo(12);
        for (JsonNode row : rows) {
            assertThat(row.fieldNames()).toIterable().containsExactly("messages");
            for (JsonNode message : row.get("messages")) {
                assertThat(message.get("role").asText()).isIn("system", "user", "assistant");
                assertThat(message.get("content").isTextual()).isTrue();
            }
            assertThat(row.get("messages").get(0).get("role").asText()).isEqualTo("user");
        }
        assertThat(Files.readAllLines(dir.resolve("out/train.jsonl"))).contains(sample.written());
        assertThat(sample.parts()).filteredOn(SamplePreview.Part::trained)
                .allSatisfy(part -> assertThat(part.role()).isEqualTo("assistant"));
        assertThat(sample.parts().getLast().content()).startsWith("<think>Done, I think.</think>");
        assertThat(sample.tokens()).isEqualTo(sample.parts().stream().mapToInt(SamplePreview.Part::tokens).sum());
    }

    @Test
    void shareGptAndCorpusRowsHaveTheirDocumentedFields() throws Exception {
        project();

        export(CurationSettings.defaults(), ExportFormat.SHAREGPT, dir.resolve("sharegpt"));
        export(CurationSettings.defaults(), ExportFormat.CORPUS, dir.resolve("corpus"));

        for (JsonNode row : lines(dir.resolve("sharegpt/train.jsonl"))) {
            for (JsonNode turn : row.get("conversations")) {
                assertThat(turn.get("from").asText()).isIn("system", "human", "gpt");
                assertThat(turn.get("value").isTextual()).isTrue();
            }
        }
        for (JsonNode row : lines(dir.resolve("corpus/train.jsonl"))) {
            assertThat(row.fieldNames()).toIterable().containsExactly("conversations", "agent", "model",
                    "model_provider", "date", "task", "episode", "run_id", "trial_name", "enable_thinking", "source");
            JsonNode turns = row.get("conversations");
            for (int i = 0; i < turns.size(); i++) {
                assertThat(turns.get(i).get("role").asText()).isEqualTo(i % 2 == 0 ? "user" : "assistant");
            }
            assertThat(row.get("agent").asText()).isEqualTo("terminus-2");
            assertThat(row.get("episode").asText()).isEqualTo("episode-" + (turns.size() / 2 - 1));
            assertThat(row.get("enable_thinking").asBoolean()).isTrue();
        }
    }

    @Test
    void manifestRecordsSettingsCountsAndFileHashesAndTheExportIsInTheHistory() throws Exception {
        project();
        CurationSettings settings = CurationSettings.defaults().withSeed(3)
                .withSplit(new CurationSettings.Split(0.34));

        ExportResult result = export(settings, ExportFormat.MESSAGES, dir.resolve("out"));

        JsonNode manifest = JSON.readTree(dir.resolve("out/manifest.json").toFile());
        assertThat(manifest.get("preset").asText()).isEqualTo("test");
        assertThat(manifest.get("seed").asLong()).isEqualTo(3);
        assertThat(CurationSettings.fromJson(manifest.get("settings").toString())).isEqualTo(settings);
        assertThat(manifest.get("inputHash").asText()).hasSize(64);
        assertThat(manifest.get("counts").get("funnel")).hasSize(Filter.values().length);
        assertThat(manifest.get("files")).extracting(f -> f.get("path").asText())
                .containsExactly("train.jsonl", "validation.jsonl");
        assertThat(manifest.get("files").get(0).get("sha256").asText())
                .isEqualTo(org.termcurator.core.tasks.Hashing.sha256(Files.readAllBytes(dir.resolve("out/train.jsonl"))));
        ExportHistory.ExportRecord record = new ExportHistory(db).find(result.historyId()).orElseThrow();
        assertThat(record.settings()).isEqualTo(settings);
        assertThat(record.format()).isEqualTo(ExportFormat.MESSAGES);
        assertThat(record.outPath()).isEqualTo(dir.resolve("out").toAbsolutePath().toString());
        assertThat(record.counts()).containsEntry("exported", 12).containsEntry("train", result.train());
        assertThat(new ExportHistory(db).list()).hasSize(1);
    }

    @Test
    void splitPutsWholeTasksOnOneSideOnly() throws Exception {
        project();
        CurationSettings settings = CurationSettings.defaults().withSplit(new CurationSettings.Split(0.3));

        ExportResult result = export(settings, ExportFormat.CORPUS, dir.resolve("out"));

        Set<String> train = new HashSet<>();
        lines(dir.resolve("out/train.jsonl")).forEach(row -> train.add(row.get("task").asText()));
        Set<String> validation = new HashSet<>();
        lines(dir.resolve("out/validation.jsonl")).forEach(row -> validation.add(row.get("task").asText()));
        assertThat(validation).isNotEmpty();
        assertThat(train).isNotEmpty().doesNotContainAnyElementsOf(validation);
        assertThat(result.train() + result.validation()).isEqualTo(12);
        assertThat(validation).hasSize(2);
    }

    @Test
    void exportWithoutSplitIntoTheFolderOfAnEarlierSplitExportLeavesNoValidationFileBehind() throws Exception {
        project();
        Path out = dir.resolve("out");
        export(CurationSettings.defaults().withSplit(new CurationSettings.Split(0.3)), ExportFormat.MESSAGES, out);
        assertThat(out.resolve("validation.jsonl")).exists();

        ExportResult again = export(CurationSettings.defaults(), ExportFormat.MESSAGES, out);

        assertThat(out.resolve("validation.jsonl")).doesNotExist();
        assertThat(lines(out.resolve("train.jsonl"))).hasSize(again.train());
    }

    @Test
    void exportRefusesAFolderWithTheUsersOwnFilesAndLeavesThemAsTheyWere() throws Exception {
        project();
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("train.jsonl"), "{\"mine\": 1}\n");
        Path harbor = Files.createDirectories(dir.resolve("harbor/tasks/my-task"));
        Files.writeString(harbor.resolve("task.toml"), "version = \"1.0\"\n");

        assertThatThrownBy(() -> export(CurationSettings.defaults(), ExportFormat.MESSAGES, out))
                .isInstanceOf(ExportTargetException.class).hasMessageContaining("train.jsonl");
        assertThatThrownBy(() -> export(CurationSettings.defaults(), ExportFormat.HARBOR, dir.resolve("harbor")))
                .isInstanceOf(ExportTargetException.class).hasMessageContaining("tasks/my-task/task.toml");

        assertThat(out.resolve("train.jsonl")).hasContent("{\"mine\": 1}");
        assertThat(harbor.resolve("task.toml")).hasContent("version = \"1.0\"");
        assertThat(new ExportHistory(db).list()).isEmpty();
    }

    @Test
    void exportThatKeepsNoSampleSaysSoAndWritesNothing() throws Exception {
        project();
        Path out = dir.resolve("out");
        CurationSettings none = CurationSettings.defaults()
                .withTurns(new CurationSettings.TurnRange(1000, null));

        assertThatThrownBy(() -> export(none, ExportFormat.MESSAGES, out))
                .hasMessageContaining("keep none of the 12 samples, so nothing was written");
        assertThat(out).doesNotExist();
    }

    @Test
    void curriculumOrdersEasyToHardAndShufflesInsideStages() throws Exception {
        project();
        CurationPipeline pipeline = new CurationPipeline(db);
        CurationSettings byTurns = CurationSettings.defaults().withCurriculum(
                new CurationSettings.Curriculum(CurationSettings.CurriculumOrder.TURNS, List.of()));
        CurationSettings staged = CurationSettings.defaults().withCurriculum(
                new CurationSettings.Curriculum(CurationSettings.CurriculumOrder.TURNS, List.of(1.0, 1.0)));
        CurationSettings byDifficulty = CurationSettings.defaults().withCurriculum(
                new CurationSettings.Curriculum(CurationSettings.CurriculumOrder.DIFFICULTY, List.of()));

        List<Integer> turns = pipeline.preview(byTurns, JobContext.unobserved()).kept().stream()
                .map(SampleRef::turns).toList();
        Preview stages = pipeline.preview(staged, JobContext.unobserved());
        List<String> tasks = pipeline.preview(byDifficulty, JobContext.unobserved()).kept().stream()
                .map(SampleRef::taskName).toList();

        assertThat(turns).isSorted();
        assertThat(stages.stages()).containsExactly(new StageBoundary(0, 0, 6), new StageBoundary(1, 6, 6));
        List<SampleRef> kept = stages.kept();
        int maxFirst = kept.subList(0, 6).stream().mapToInt(SampleRef::turns).max().orElseThrow();
        int minSecond = kept.subList(6, 12).stream().mapToInt(SampleRef::turns).min().orElseThrow();
        assertThat(maxFirst).isLessThanOrEqualTo(minSecond);
        assertThat(kept).allSatisfy(s -> assertThat(s.stage()).isEqualTo(kept.indexOf(s) < 6 ? 0 : 1));
        // easy (sales-by-region) first, hard (secure-config-tree) next, unlabelled last
        assertThat(tasks.subList(0, 2)).containsOnly("sales-by-region");
        assertThat(tasks.subList(2, 4)).containsOnly("secure-config-tree");
    }

    @Test
    void cancelledExportLeavesNothingInTheOutputFolder() throws Exception {
        project();
        Path out = dir.resolve("out");
        export(CurationSettings.defaults().withSeed(1), ExportFormat.MESSAGES, out);
        String old = Files.readString(out.resolve("train.jsonl"));
        JobContext cancelWhileWriting = new JobContext() {
            private boolean writing;

            @Override
            public void progress(long done, long total) {
            }

            @Override
            public void message(String message) {
                writing |= message.startsWith("Writing");
            }

            @Override
            public boolean isCancelled() {
                return writing;
            }
        };

        assertThatThrownBy(() -> new CurationPipeline(db).export(CurationSettings.defaults(), ExportFormat.MESSAGES,
                out, cancelWhileWriting)).isInstanceOf(JobCancelledException.class);

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("train.jsonl",
                    "manifest.json");
        }
        try (Stream<Path> besides = Files.list(dir)) {
            assertThat(besides.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("curator-export"));
        }
        assertThat(Files.readString(out.resolve("train.jsonl"))).isEqualTo(old);
        assertThat(new ExportHistory(db).list()).hasSize(1);
    }

    @Test
    void harborExportWritesTheTaskFoldersBehindTheKeptSamples() throws Exception {
        project();

        ExportResult result = export(CurationSettings.defaults(), ExportFormat.HARBOR, dir.resolve("out"));

        assertThat(dir.resolve("out/tasks/sales-by-region/task.toml")).exists();
        assertThat(dir.resolve("out/tasks/secure-config-tree/instruction.md")).exists();
        try (Stream<Path> folders = Files.list(dir.resolve("out/tasks"))) {
            assertThat(folders).hasSize(2);
        }
        assertThat(result.files()).contains(dir.resolve("out/tasks/sales-by-region/task.toml").toAbsolutePath());
        assertThat(result.files().getLast()).isEqualTo(dir.resolve("out/manifest.json").toAbsolutePath());
    }

    @Test
    void harborExportOfSamplesWithoutTasksFailsAndWritesNothing() throws Exception {
        CurationFixture fixture = new CurationFixture();
        fixture.row("no-such-task", "Instruction of a task that was never imported").turn("echo hi")
                .assistant("{\"analysis\": \"done\", \"plan\": \"\", \"commands\": [], \"task_complete\": true}")
                .reward(1.0).add();
        fixture.importInto(db, dir);
        Path out = dir.resolve("out");

        assertThatThrownBy(() -> export(CurationSettings.defaults(), ExportFormat.HARBOR, out))
                .hasMessageContaining("none of the 1 kept samples is linked to a task");
        assertThat(out).doesNotExist();
    }

    @Test
    void corpusRowOfATrajectoryWithoutATaskHasANullTask() throws Exception {
        CurationFixture fixture = new CurationFixture();
        fixture.row(null, "An instruction with no task behind it").turn("echo hi")
                .assistant("{\"analysis\": \"done\", \"plan\": \"\", \"commands\": [], \"task_complete\": true}")
                .add();
        fixture.importInto(db, dir);

        export(CurationSettings.defaults(), ExportFormat.CORPUS, dir.resolve("corpus"));

        List<JsonNode> rows = lines(dir.resolve("corpus/train.jsonl"));
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("task").isNull()).as(rows.getFirst().get("task").toString()).isTrue();
    }
}
