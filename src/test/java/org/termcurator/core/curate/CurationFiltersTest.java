package org.termcurator.core.curate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectTestSupport;

class CurationFiltersTest extends ProjectTestSupport {

    private static final String HELLO = "Create /app/hello.txt containing hello";

    private Preview preview(CurationSettings settings) throws Exception {
        return new CurationPipeline(db).preview(settings, JobContext.unobserved());
    }

    private static Map<Long, DroppedSample> droppedById(Preview preview) {
        return preview.dropped().stream().collect(Collectors.toMap(d -> d.sample().trajectoryId(), Function.identity()));
    }

    private static List<Long> keptIds(Preview preview) {
        return preview.kept().stream().map(SampleRef::trajectoryId).sorted().toList();
    }

    @Test
    void defaultsKeepEverySampleWithAConversationAndSayWhyTheRestWent() throws Exception {
        CurationFixture fixture = new CurationFixture();
        fixture.row("hello", HELLO).turn("echo hello > /app/hello.txt").finish().add();
        fixture.row("no-answer", "Say nothing").add();
        List<Long> ids = fixture.importInto(db, dir);

        Preview preview = preview(CurationSettings.defaults());

        assertThat(keptIds(preview)).containsExactly(ids.get(0));
        DroppedSample dropped = droppedById(preview).get(ids.get(1));
        assertThat(dropped.filter()).isEqualTo(Filter.CONVERSATION);
        assertThat(dropped.detail()).contains("no answer");
        assertThat(preview.droppedByFilter()).containsEntry("conversation", 1).containsEntry("outcome", 0);
    }

    @Test
    void successOnlyKeepsResolvedOrRewardAtTheThresholdAndSaysWhyOthersWent() throws Exception {
        CurationFixture fixture = new CurationFixture();
        fixture.row("a", HELLO).turn("echo a").resolved(true).add();
        fixture.row("b", HELLO).turn("echo b").reward(0.6).add();
        fixture.row("c", HELLO).turn("echo c").reward(0.2).add();
        fixture.row("d", HELLO).turn("echo d").add();
        List<Long> ids = fixture.importInto(db, dir);
        CurationSettings success = CurationSettings.defaults()
                .withOutcome(new CurationSettings.Outcome(CurationSettings.OutcomeMode.SUCCESS, 0.5));

        Preview keepAll = preview(CurationSettings.defaults());
        Preview preview = preview(success);
        PresetComparison comparison = PresetComparison.of(keepAll, preview);

        assertThat(keepAll.keptCount()).isEqualTo(4);
        assertThat(comparison.onlyLeft()).extracting(SampleRef::trajectoryId)
                .containsExactlyInAnyOrder(ids.get(2), ids.get(3));
        assertThat(comparison.onlyRight()).isEmpty();
        assertThat(comparison.both()).isEqualTo(2);
        assertThat(keptIds(preview)).containsExactly(ids.get(0), ids.get(1));
        Map<Long, DroppedSample> dropped = droppedById(preview);
        assertThat(dropped.get(ids.get(2)).filter()).isEqualTo(Filter.OUTCOME);
        assertThat(dropped.get(ids.get(2)).detail()).contains("reward 0.2");
        assertThat(dropped.get(ids.get(3)).detail()).isEqualTo("no outcome recorded");
    }

    @Test
    void completeOnlyKeepsRunsWhereTheAgentMarkedTheTaskComplete() throws Exception {
        CurationFixture fixture = new CurationFixture();
        fixture.row("a", HELLO).turn("echo a").finish().add();
        fixture.row("b", HELLO).turn("echo b").add();
        List<Long> ids = fixture.importInto(db, dir);

        Preview preview = preview(CurationSettings.defaults()
                .withOutcome(new CurationSettings.Outcome(CurationSettings.OutcomeMode.COMPLETE, null)));

        assertThat(keptIds(preview)).containsExactly(ids.get(0));
        assertThat(droppedById(preview).get(ids.get(1)).detail()).isEqualTo("the agent did not finish");
    }

    @Test
    void cleaningDropsBadTurnsWithTheHarnessReplyOrWholeSamplesAndTrimsTrailingEmptyTurns() throws Exception {
        CurationFixture fixture = new CurationFixture();
        fixture.row("noisy", HELLO).parseError().turn("echo hello > /app/hello.txt").emptyAnswer().add();
        fixture.row("clean", HELLO).turn("echo hello > /app/hello.txt").add();
        fixture.row("only-bad", HELLO).parseError().add();
        List<Long> ids = fixture.importInto(db, dir);
        CurationPipeline pipeline = new CurationPipeline(db);
        CurationSettings dropTurns = CurationSettings.defaults()
                .withCleaning(new CurationSettings.Cleaning(CurationSettings.BadTurns.DROP_TURNS, true));

        Preview turnsDropped = pipeline.preview(dropTurns, JobContext.unobserved());
        Preview samplesDropped = pipeline.preview(CurationSettings.defaults()
                .withCleaning(new CurationSettings.Cleaning(CurationSettings.BadTurns.DROP_SAMPLE, false)),
                JobContext.unobserved());
        SamplePreview noisy = pipeline.previewSample(dropTurns, ExportFormat.MESSAGES, ids.get(0));

        assertThat(keptIds(turnsDropped)).containsExactly(ids.get(0), ids.get(1));
        assertThat(droppedById(turnsDropped).get(ids.get(2)).detail()).isEqualTo("no turn left after cleaning");
        assertThat(noisy.parts()).extracting(SamplePreview.Part::role).containsExactly("user", "assistant", "user");
        assertThat(noisy.written()).doesNotContain("parsing errors").doesNotContain("Sure, I will");
        assertThat(keptIds(samplesDropped)).containsExactly(ids.get(1));
        assertThat(droppedById(samplesDropped).get(ids.get(0)).detail()).contains("did not parse");
    }

    @Test
    void turnRangeAndTokenLimitDropOrCutAfterTheLastWholeTurn() throws Exception {
        CurationFixture fixture = new CurationFixture();
        fixture.row("short", HELLO).turn("echo one").add();
        CurationFixture.Row longRow = fixture.row("long", HELLO);
        for (int i = 0; i < 12; i++) {
            longRow.turn("printf 'line %d of a rather long command output' " + i);
        }
        longRow.add();
        List<Long> ids = fixture.importInto(db, dir);
        CurationPipeline pipeline = new CurationPipeline(db);

        Preview byTurns = pipeline.preview(CurationSettings.defaults()
                .withTurns(new CurationSettings.TurnRange(2, 20)), JobContext.unobserved());
        int shortTokens = pipeline.preview(CurationSettings.defaults(), JobContext.unobserved()).kept().stream()
                .filter(s -> s.trajectoryId() == ids.get(0)).findFirst().orElseThrow().tokens();
        int limit = shortTokens + 150;
        Preview dropped = pipeline.preview(CurationSettings.defaults().withTokens(new CurationSettings.TokenLimit(
                null, limit, null, CurationSettings.OverLength.DROP)), JobContext.unobserved());
        CurationSettings cut = CurationSettings.defaults().withTokens(new CurationSettings.TokenLimit(
                null, limit, "o200k_base", CurationSettings.OverLength.CUT_AFTER_LAST_WHOLE_TURN));
        Preview cutPreview = pipeline.preview(cut, JobContext.unobserved());

        assertThat(keptIds(byTurns)).containsExactly(ids.get(1));
        assertThat(droppedById(byTurns).get(ids.get(0)).detail()).isEqualTo("1 turns, outside 2..20");
        assertThat(keptIds(dropped)).containsExactly(ids.get(0));
        assertThat(droppedById(dropped).get(ids.get(1)).filter()).isEqualTo(Filter.TOKENS);
        assertThat(keptIds(cutPreview)).containsExactly(ids.get(0), ids.get(1));
        SampleRef cutSample = cutPreview.kept().stream().filter(s -> s.trajectoryId() == ids.get(1)).findFirst()
                .orElseThrow();
        assertThat(cutSample.turns()).isBetween(1, 11);
        assertThat(cutSample.tokens()).isLessThanOrEqualTo(limit);
        SamplePreview written = pipeline.previewSample(cut, ExportFormat.MESSAGES, ids.get(1));
        assertThat(written.parts().stream().filter(SamplePreview.Part::trained).count()).isEqualTo(cutSample.turns());
        assertThat(written.tokens()).isEqualTo(cutSample.tokens());
    }

    @Test
    void denyListAndScriptFilterDropWithThePatternAndScriptNamed() throws Exception {
        CurationFixture fixture = new CurationFixture();
        fixture.row("identity", HELLO).assistant("{\"analysis\": \"I am Claude, made by a lab.\", \"plan\": \"x\", "
                + "\"commands\": [], \"task_complete\": true}").add();
        fixture.row("cyrillic", HELLO).assistant("{\"analysis\": \"Смотрю на экран и пишу файл\", \"plan\": \"x\", "
                + "\"commands\": [], \"task_complete\": true}").add();
        fixture.row("plain", HELLO).turn("echo hello").add();
        List<Long> ids = fixture.importInto(db, dir);

        Preview preview = preview(CurationSettings.defaults().withQuality(new CurationSettings.Quality(
                List.of("(?i)I am (Claude|ChatGPT)"), List.of("latin"), 0.1)));

        assertThat(keptIds(preview)).containsExactly(ids.get(2));
        Map<Long, DroppedSample> dropped = droppedById(preview);
        assertThat(dropped.get(ids.get(0)).filter()).isEqualTo(Filter.DENY_LIST);
        assertThat(dropped.get(ids.get(0)).detail()).isEqualTo("matches (?i)I am (Claude|ChatGPT)");
        assertThat(dropped.get(ids.get(1)).filter()).isEqualTo(Filter.SCRIPT);
        assertThat(dropped.get(ids.get(1)).detail()).contains("CYRILLIC");
    }

    @Test
    void decontaminationDropsInstructionsSharingAnNgramWithAReferenceFileOrImportedTasks() throws Exception {
        CurationFixture.importSampleTasks(db);
        String benchmark = "Write a program that reads the numbers from input.txt and prints their sum to stdout "
                + "followed by a newline";
        CurationFixture fixture = new CurationFixture();
        fixture.row("leaky", "Please: " + benchmark + " thanks").turn("python3 sum.py").add();
        fixture.row("hello", HELLO).turn("echo hello").add();
        fixture.row("sales-by-region", "ignored, the linked task's instruction counts").turn("awk").add();
        List<Long> ids = fixture.importInto(db, dir);
        Path reference = Files.writeString(dir.resolve("bench.jsonl"),
                "{\"instruction\": \"" + benchmark + "\"}\n{\"prompt\": \"Something else entirely\"}\n");

        Preview byFile = preview(CurationSettings.defaults().withDecontamination(new CurationSettings.Decontamination(
                true, 14, CurationSettings.Reference.FILE, reference.toString())));
        Preview byTasks = preview(CurationSettings.defaults().withDecontamination(new CurationSettings.Decontamination(
                true, 8, CurationSettings.Reference.IMPORTED_TASKS, null)));

        assertThat(keptIds(byFile)).containsExactly(ids.get(1), ids.get(2));
        assertThat(droppedById(byFile).get(ids.get(0)).detail()).contains("14-word sequence");
        assertThat(keptIds(byTasks)).containsExactly(ids.get(0), ids.get(1));
        assertThat(droppedById(byTasks).get(ids.get(2)).filter()).isEqualTo(Filter.DECONTAMINATION);
    }

    @Test
    void nearDuplicatesKeepTheBestScoredMemberOfEachCluster() throws Exception {
        CurationFixture fixture = new CurationFixture();
        fixture.row("hello", HELLO).turn("echo hi").reward(0).add();
        fixture.row("hello", HELLO).turn("echo hello > /app/hello.txt").resolved(true).add();
        fixture.row("hello", HELLO + ".").parseError().turn("echo hello > /app/hello.txt").resolved(true).add();
        fixture.row("other", "Count the lines of every log file under /var/log and report the total")
                .turn("find /var/log -name '*.log' | xargs wc -l").add();
        List<Long> ids = fixture.importInto(db, dir);

        Preview byInstruction = preview(CurationSettings.defaults()
                .withNearDuplicates(new CurationSettings.NearDuplicates(true, false, 0.8)));

        assertThat(keptIds(byInstruction)).containsExactly(ids.get(1), ids.get(3));
        Map<Long, DroppedSample> dropped = droppedById(byInstruction);
        assertThat(dropped.get(ids.get(0)).detail()).isEqualTo("instruction near-duplicate of trajectory " + ids.get(1));
        assertThat(dropped.get(ids.get(2)).filter()).isEqualTo(Filter.NEAR_DUPLICATES);
    }

    @Test
    void commandSequenceDuplicatesAreFoundApartFromInstructions() throws Exception {
        String commands = "cd /app && ls -la && grep -rn TODO src | sort | uniq -c | sort -rn | head -20";
        CurationFixture fixture = new CurationFixture();
        fixture.row("first", "List the TODO comments of the project").turn(commands).resolved(true).add();
        fixture.row("second", "Which TODO notes are most common?").turn(commands).resolved(false).add();
        List<Long> ids = fixture.importInto(db, dir);

        Preview preview = preview(CurationSettings.defaults()
                .withNearDuplicates(new CurationSettings.NearDuplicates(false, true, 0.9)));

        assertThat(keptIds(preview)).containsExactly(ids.get(0));
        assertThat(droppedById(preview).get(ids.get(1)).detail()).startsWith("command sequence near-duplicate");
    }

    @Test
    void capsAndWeightsShapeTheMixtureBestScoredFirst() throws Exception {
        CurationFixture fixture = new CurationFixture();
        for (int i = 0; i < 6; i++) {
            fixture.row("a" + i, HELLO + " " + i).turn("echo " + i).source("big").resolved(i < 2).add();
        }
        for (int i = 0; i < 2; i++) {
            fixture.row("b" + i, HELLO + " b" + i).turn("echo b" + i).source("small").add();
        }
        List<Long> ids = fixture.importInto(db, dir);

        Preview capped = preview(CurationSettings.defaults().withMixture(new CurationSettings.Mixture(
                Map.of("big", 2), null, null, null)));
        Preview weighted = preview(CurationSettings.defaults().withMixture(new CurationSettings.Mixture(
                null, null, CurationSettings.MixtureKey.SOURCE, Map.of("big", 1.0, "small", 1.0))));

        assertThat(keptIds(capped)).containsExactly(ids.get(0), ids.get(1), ids.get(6), ids.get(7));
        assertThat(droppedById(capped).get(ids.get(2)).detail()).isEqualTo("over the cap of source 'big'");
        assertThat(weighted.kept()).filteredOn(s -> s.source().equals("big")).hasSize(2);
        assertThat(weighted.kept()).filteredOn(s -> s.source().equals("small")).hasSize(2);
    }

    @Test
    void funnelCountsAddUpFromEverySampleToTheKeptOnes() throws Exception {
        CurationFixture fixture = new CurationFixture();
        fixture.row("a", HELLO).turn("echo a").resolved(true).add();
        fixture.row("b", HELLO).turn("echo b").add();
        fixture.row("c", HELLO).parseError().add();
        fixture.row("d", "nothing").add();
        for (int i = 0; i < 5; i++) {
            fixture.row("e" + i, "Long task " + i).turn("a").turn("b").turn("c").resolved(true).add();
        }
        fixture.importInto(db, dir);

        Preview preview = preview(CurationSettings.defaults()
                .withOutcome(new CurationSettings.Outcome(CurationSettings.OutcomeMode.SUCCESS, 1.0))
                .withTurns(new CurationSettings.TurnRange(null, 2)));

        List<FunnelStage> funnel = preview.funnel();
        assertThat(funnel.getFirst().in()).isEqualTo(preview.total()).isEqualTo(9);
        for (int i = 1; i < funnel.size(); i++) {
            assertThat(funnel.get(i).in()).as(funnel.get(i).filter().key()).isEqualTo(funnel.get(i - 1).out());
        }
        assertThat(funnel.getLast().out()).isEqualTo(preview.keptCount()).isEqualTo(1);
        assertThat(preview.keptCount() + preview.dropped().size()).isEqualTo(preview.total());
        assertThat(preview.droppedByFilter()).containsEntry("conversation", 1).containsEntry("outcome", 2)
                .containsEntry("turns", 5);
        assertThat(preview.turns().bins().stream().mapToLong(Histogram.Bin::before).sum()).isEqualTo(8);
        assertThat(preview.turns().bins().stream().mapToLong(Histogram.Bin::after).sum()).isEqualTo(1);
    }
}
