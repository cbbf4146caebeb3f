package org.termcurator.ui.curate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.app.AppContext;
import org.termcurator.core.curate.CurationPipeline;
import org.termcurator.core.curate.CurationSettings.OutcomeMode;
import org.termcurator.core.curate.ExportHistory;
import org.termcurator.core.curate.Filter;
import org.termcurator.core.curate.Preview;
import org.termcurator.core.curate.SampleRef;
import org.termcurator.core.curate.StageBoundary;
import org.termcurator.core.jobs.Job;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.jobs.JobState;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.settings.SettingsStore;
import org.termcurator.core.trajectories.Fixtures;
import org.termcurator.core.trajectories.RunImporter;
import org.termcurator.ui.controls.EmptyState;
import org.termcurator.ui.session.ScriptedFileDialogs;
import org.termcurator.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Curate & Export section in the real window, headless, over a real project with imported runs. */
@ExtendWith(ApplicationExtension.class)
class CurateExportViewTest {

    private static final String SUCCESS_ONLY = "Success only (resolved or reward ≥ threshold)";
    private static final String KEEP_ALL = "Keep all";

    @TempDir
    static Path dir;

    private final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        Path config = Files.createTempDirectory(dir, "config").resolve("settings.json");
        context = new AppContext(new SettingsStore(config), dialogs);
        new MainWindow(context.ui()).show(stage);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> context.close());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void emptyProjectSaysThereIsNothingToCurate(FxRobot robot) throws Exception {
        robot.clickOn("#nav-curate-export");
        assertThat(emptyTitle(robot)).isEqualTo("No project open");
        openProject(false);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Nothing to curate yet".equals(emptyTitle(robot)));
        assertThat(robot.lookup("#curate-browser").tryQuery()).isEmpty();
    }

    @Test
    void switchingToSuccessOnlyUpdatesTheFunnelAndTheDroppedListSaysWhy(FxRobot robot) throws Exception {
        CurateExportView view = showSection(robot);
        Preview all = view.model().previewProperty().get();
        int baseline = all.keptCount();
        assertThat(baseline).as("keep all keeps every sample with a conversation").isBetween(1, 6);
        FunnelChart funnel = robot.lookup("#curate-funnel").queryAs(FunnelChart.class);
        assertThat(funnel.stages().getFirst()).isEqualTo(new Bar("All samples", 6));
        assertThat(funnel.stages().getLast().count()).isEqualTo(baseline);

        chooseOutcome(robot, SUCCESS_ONLY);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> keptCount(view) < baseline);
        Preview success = view.model().previewProperty().get();
        assertThat(success.settings().outcome().mode()).isEqualTo(OutcomeMode.SUCCESS);
        assertThat(success.dropped()).filteredOn(dropped -> dropped.filter() == Filter.OUTCOME)
                .hasSize(baseline - success.keptCount());
        // the funnel's outcome bar shows what is left after it, and so does the status line
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(funnel.stages()).contains(new Bar(Filter.OUTCOME.label(), success.keptCount()));
        assertThat(robot.lookup("#curate-status").queryAs(Label.class).getText())
                .startsWith("Keeps " + success.keptCount() + " of 6 samples");
        // the before/after distributions differ now
        assertThat(success.turns().bins()).anySatisfy(bin -> assertThat(bin.after()).isLessThan(bin.before()));

        // the browser lists the dropped samples, each with the reason
        robot.interact(() -> view.select("curate-tab-samples"));
        robot.interact(() -> robot.lookup("#curate-browse-mode").queryAs(ComboBox.class).setValue(BrowseMode.DROPPED));
        @SuppressWarnings("unchecked")
        TableView<SampleRow> table = robot.lookup("#curate-samples").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 6 - success.keptCount());
        assertThat(table.getItems()).allSatisfy(row -> {
            assertThat(row.kept()).isFalse();
            assertThat(row.reason()).startsWith(row.droppedBy().label());
        });
        assertThat(table.getItems()).filteredOn(row -> row.droppedBy() == Filter.OUTCOME)
                .hasSize(baseline - success.keptCount())
                .allSatisfy(row -> assertThat(row.reason()).startsWith("Outcome"));
        assertThat(robot.lookup(".sample-dropped").tryQuery()).as("the dropped mark is drawn").isPresent();

        // back to keep all: everything is kept again
        chooseOutcome(robot, KEEP_ALL);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> keptCount(view) == baseline);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 6 - baseline);
    }

    @Test
    void aTurnRangeThatCannotBeIsRefusedAndSaysWhy(FxRobot robot) throws Exception {
        CurateExportView view = showSection(robot);
        robot.clickOn("#curate-turns-min").write("5");
        robot.clickOn("#curate-turns-max").write("2");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#curate-settings-problem").queryAs(Label.class).getText()).startsWith("turns.max");
        assertThat(view.model().settings().turns().min()).isEqualTo(5);
        assertThat(view.model().settings().turns().max()).isNull();
        robot.interact(() -> robot.lookup("#curate-turns-max").queryAs(TextField.class).setText("20"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#curate-settings-problem").queryAs(Label.class).getText()).isEmpty();
        view.model().previewSettled().get(15, TimeUnit.SECONDS);
        assertThat(view.model().previewProperty().get().settings().turns().max()).isEqualTo(20);
    }

    @Test
    void curriculumStagesShowAsHeadersInTheTrainingOrder(FxRobot robot) throws Exception {
        CurateExportView view = showSection(robot);
        int kept = keptCount(view);
        // the curriculum is the last group of the settings: scroll down to it
        robot.interact(() -> robot.lookup("#curate-settings-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#curate-curriculum-order");
        robot.clickOn("Fewer → more turns");
        robot.clickOn("#curate-curriculum-stages").write("0.5, 0.5");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.model().previewProperty().get().stages().size() == 2);
        Preview staged = view.model().previewProperty().get();
        assertThat(staged.stages()).extracting(StageBoundary::count).containsExactly(kept / 2, kept - kept / 2);
        // shuffled inside a stage, easier stage first
        List<Integer> turns = staged.kept().stream().map(SampleRef::turns).toList();
        assertThat(turns.subList(0, kept / 2).stream().mapToInt(Integer::intValue).max().orElseThrow())
                .isLessThanOrEqualTo(turns.subList(kept / 2, kept).stream().mapToInt(Integer::intValue).min().orElseThrow());

        robot.interact(() -> view.select("curate-tab-curriculum"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#curate-curriculum-summary").queryAs(Label.class).getText())
                .contains("Fewer → more turns").contains("stage 1: 1–" + kept / 2).contains("stage 2: " + (kept / 2 + 1));
        assertThat(robot.lookup(".curate-stage-header").queryAllAs(Label.class).stream()
                .filter(Label::isVisible).map(Label::getText).toList())
                .contains("Stage 1 · " + kept / 2 + " samples", "Stage 2 · " + (kept - kept / 2) + " samples");
    }

    @Test
    void savingAPresetAndPickingItAgainRestoresItsSettingsAndTwoPresetsCompare(FxRobot robot) throws Exception {
        CurateExportView view = showSection(robot);
        CurateViewModel model = view.model();
        int baseline = keptCount(view);
        chooseOutcome(robot, SUCCESS_ONLY);
        assertThat(robot.lookup("#curate-modified").query().isVisible()).isTrue();
        robot.clickOn("#curate-preset-name").write("success-only");
        robot.clickOn("#curate-save-preset");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.presetNames().contains("success-only"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "success-only".equals(model.presetNameProperty().get()));
        assertThat(model.modifiedProperty().get()).isFalse();
        @SuppressWarnings("unchecked")
        ComboBox<String> preset = robot.lookup("#curate-preset").queryAs(ComboBox.class);
        assertThat(preset.getValue()).isEqualTo("success-only");

        // back to the default preset: keep all again
        robot.clickOn("#curate-preset");
        robot.clickOn("default");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.settings().outcome().mode() == OutcomeMode.KEEP_ALL);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> keptCount(view) == baseline);

        // and the saved one again: its settings come back into the form
        robot.clickOn("#curate-preset");
        robot.clickOn("success-only");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.settings().outcome().mode() == OutcomeMode.SUCCESS);
        @SuppressWarnings("unchecked")
        ComboBox<OutcomeMode> outcome = robot.lookup("#curate-outcome").queryAs(ComboBox.class);
        assertThat(outcome.getValue()).isEqualTo(OutcomeMode.SUCCESS);
        assertThat(model.modifiedProperty().get()).isFalse();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> keptCount(view) < baseline);
        int kept = keptCount(view);

        // side by side: what the default keeps that success-only drops, and why
        robot.interact(() -> view.select("curate-tab-compare"));
        robot.interact(() -> {
            robot.lookup("#curate-compare-left").queryAs(ComboBox.class).setValue("default");
            robot.lookup("#curate-compare-right").queryAs(ComboBox.class).setValue("success-only");
        });
        robot.clickOn("#curate-compare");
        @SuppressWarnings("unchecked")
        TableView<CurateViewModel.PresetDifferences.Difference> differences =
                robot.lookup("#curate-compare-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> differences.getItems().size() == baseline - kept);
        assertThat(differences.getItems()).allSatisfy(row -> {
            assertThat(row.keptBy()).isEqualTo("default");
            assertThat(row.droppedBy()).isEqualTo("success-only");
            assertThat(row.reason()).startsWith("Outcome");
        });
        assertThat(robot.lookup("#curate-compare-summary").queryAs(Label.class).getText())
                .contains("'default' keeps " + baseline).contains("'success-only' keeps " + kept);

        // deleting the preset takes it off the list
        robot.clickOn("#curate-delete-preset");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.presetNames().contains("success-only"));
        assertThat(model.presetNameProperty().get()).isEqualTo("default");
    }

    @Test
    void exportWritesTheFilesIntoTheChosenFolderAndAppearsInTheHistory(FxRobot robot) throws Exception {
        CurateExportView view = showSection(robot);
        ExportViewModel export = view.exportModel();
        Path out = chooseExportFolder(robot, view, "export");
        assertThat(robot.lookup("#export-out").queryAs(TextField.class).getText()).isEqualTo(out.toString());
        assertThat(dialogs.lastTitle).isEqualTo("Export To");

        // one sample as it will be written: a JSON line with its messages, assistant turns trained on
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> export.sampleProperty().get() != null);
        assertThat(export.sampleProperty().get().written()).startsWith("{\"messages\":");
        assertThat(robot.lookup("#export-sample-title").queryAs(Label.class).getText()).contains("tokens");
        assertThat(robot.lookup(".sample-part-trained").tryQuery()).isPresent();
        assertThat(robot.lookup(".sample-part-context").tryQuery()).isPresent();

        robot.clickOn("#export-run");
        Job<?> job = export.runningJob();
        job.completion().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> export.history().size() == 1);
        assertThat(files(out)).anySatisfy(file -> assertThat(file.toString()).endsWith(".jsonl"));
        for (String line : Files.readAllLines(files(out).stream().filter(f -> f.toString().endsWith(".jsonl"))
                .findFirst().orElseThrow())) {
            assertThat(line).startsWith("{\"messages\":");
        }
        assertThat(robot.lookup("#export-status").queryAs(Label.class).getText()).startsWith("Exported " + keptCount(view) + " samples");
        ExportHistory.ExportRecord first = export.history().getFirst();
        assertThat(first.outPath()).isEqualTo(out.toAbsolutePath().normalize().toString());
        assertThat(first.presetName()).isEqualTo("default");

        // run again from the history
        @SuppressWarnings("unchecked")
        TableView<ExportHistory.ExportRecord> history = robot.lookup("#export-history").queryAs(TableView.class);
        robot.interact(() -> history.getSelectionModel().select(0));
        robot.clickOn("#export-rerun");
        export.runningJob().completion().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 2);

        // the Export button asks before it replaces the earlier export; no is no export
        Job<?> before = export.runningJob();
        dialogs.replace = false;
        robot.clickOn("#export-run");
        assertThat(dialogs.questions).containsExactly(out.toAbsolutePath().normalize()
                + " holds an earlier export. Replace it with this one?");
        assertThat(export.runningJob()).isSameAs(before);
        dialogs.replace = true;
        robot.clickOn("#export-run");
        export.runningJob().completion().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 3);
    }

    @Test
    void cancellingARunningExportLeavesNoFiles(FxRobot robot) throws Exception {
        CurateExportView view = showSection(robot);
        ExportViewModel export = view.exportModel();
        Path out = chooseExportFolder(robot, view, "cancelled");
        CurationPipeline pipeline = view.model().pipeline();
        Job<?> job;
        // holding the pipeline keeps the started export waiting at its first step, so cancel meets it running
        synchronized (pipeline) {
            robot.clickOn("#export-run");
            job = export.runningJob();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> job.state() == JobState.RUNNING);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#export-cancel").query().isVisible());
            robot.clickOn("#export-cancel");
            assertThat(job.isCancelRequested()).isTrue();
        }
        job.completion().handle((value, failure) -> null).get(30, TimeUnit.SECONDS);
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        Label status = robot.lookup("#export-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Export cancelled"));
        assertThat(export.exportingProperty().get()).isFalse();
        assertThat(files(out)).isEmpty();
        export.historyLoaded().get(10, TimeUnit.SECONDS);
        assertThat(export.history()).isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------------

    private ProjectDb openProject(boolean withRuns) throws Exception {
        Path folder = Files.createTempDirectory(dir, "project");
        ProjectDb db = context.ui().session().create(folder.resolve("curate.curator")).completion().get(15, TimeUnit.SECONDS);
        if (withRuns) {
            Path runs = Files.createDirectories(folder.resolve("runs"));
            new RunImporter(db).importPaths(List.of(Fixtures.copy("tb1-run", runs), Fixtures.copy("harbor-job", runs)),
                    JobContext.unobserved());
        }
        return db;
    }

    /** A project with six imported trajectories (three unresolved), the section showing its first preview. */
    private CurateExportView showSection(FxRobot robot) throws Exception {
        openProject(true);
        robot.clickOn("#nav-curate-export");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#curate-browser").tryQuery().isPresent());
        CurateExportView view = robot.lookup("#curate-browser").queryAs(CurateExportView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.model().previewProperty().get() != null
                && view.model().previewProperty().get().total() == 6);
        return view;
    }

    /** Opens the Export tab and answers its folder chooser with a new folder. */
    private Path chooseExportFolder(FxRobot robot, CurateExportView view, String name) {
        Path out = dir.resolve(name + "-" + System.nanoTime());
        dialogs.next = out;
        robot.interact(() -> view.select("curate-tab-export"));
        robot.clickOn("#export-choose-out");
        return out;
    }

    private static void chooseOutcome(FxRobot robot, String label) {
        robot.clickOn("#curate-outcome");
        robot.clickOn(label);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int keptCount(CurateExportView view) {
        Preview preview = view.model().previewProperty().get();
        return preview == null ? -1 : preview.keptCount();
    }

    private static String emptyTitle(FxRobot robot) {
        return robot.lookup("#curate-view .empty-state").tryQueryAs(EmptyState.class).map(EmptyState::titleText).orElse("");
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
