package org.termcurator.ui.trajectories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.trajectories.Fixtures;
import org.termcurator.core.trajectories.RunImporter;
import org.termcurator.core.trajectories.Step;
import org.termcurator.core.trajectories.TrajectoryDetail;
import org.termcurator.core.trajectories.TrajectoryFilter;
import org.termcurator.core.trajectories.TrajectoryQueries;
import org.termcurator.core.trajectories.TrajectoryRow;
import org.termcurator.core.verifier.TestResult;
import org.termcurator.core.verifier.TestStatus;
import org.termcurator.ui.controls.terminal.TerminalCanvas;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The replay of imported runs in a real SQLite project, headless: stepping, playing, searching,
 * the first failure and the verdict, against the run fixtures of the trajectories import.
 */
@ExtendWith(ApplicationExtension.class)
class ReplayViewTest {

    @TempDir
    static Path dir;
    private static ProjectDb db;

    private StepList steps;
    private ReplayView replay;
    private Stage stage;

    @BeforeAll
    static void importRuns() throws Exception {
        Path runs = Files.createTempDirectory(dir, "runs");
        Fixtures.copy("tb1-run", runs);
        Fixtures.copy("rollout", runs);
        Fixtures.copy("sft/rows.jsonl", runs);
        db = ProjectDb.create(dir.resolve("replay.curator"));
        new RunImporter(db).importPaths(List.of(runs), JobContext.unobserved());
    }

    @AfterAll
    static void closeProject() {
        db.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        steps = new StepList();
        replay = new ReplayView(new ReplayView.ProjectSourceAndWindow() {
            @Override
            public ProjectDb project() {
                return db;
            }

            @Override
            public void compare(TrajectoryDetail left, TrajectoryRow right) {
                CompareWindow.open(stage, this, left, right);
            }
        }, steps, true);
        SplitPane split = new SplitPane(steps, replay);
        split.setDividerPositions(0.25);
        stage.setScene(new Scene(split, 1400, 800));
        stage.show();
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void onFx(Runnable work) {
        fx(() -> {
            work.run();
            return null;
        });
    }

    static TrajectoryDetail detail(String trialName) throws Exception {
        TrajectoryQueries store = new TrajectoryQueries(db);
        TrajectoryRow row = store.page(TrajectoryFilter.all(), 0, 100).rows().stream()
                .filter(candidate -> trialName.equals(candidate.trialName())).findFirst()
                .orElseThrow(() -> new AssertionError(trialName + " was not imported"));
        return store.detail(row.id()).orElseThrow();
    }

    /** Shows the trajectory the way the trajectories view does and waits for its recording. */
    private TrajectoryDetail open(String trialName) throws Exception {
        TrajectoryDetail detail = detail(trialName);
        onFx(() -> {
            replay.show(detail);
            steps.getItems().setAll(detail.steps());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> replay.model().session() != null));
        return detail;
    }

    private String screen() {
        return fx(() -> replay.terminal().getView().screenText());
    }

    private static int firstAssistantWithCommand(List<Step> steps, String command) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.isAssistant() && step.commands().stream().anyMatch(c -> c.keystrokes().startsWith(command))) {
                return i;
            }
        }
        throw new AssertionError("no step sends " + command);
    }

    @Test
    void clickingAStepSeeksTheTerminalToThatStepAndPlaybackHighlightsSteps(FxRobot robot) throws Exception {
        TrajectoryDetail detail = open("fix-permissions.1-of-2");
        // it opens at the end of the recording
        assertThat(screen()).contains("chmod +x /app/run.sh && chown app:app /app/run.sh");

        // the second answer starts at the harness's episode-1 marker: before its chmod is typed
        int second = firstAssistantWithCommand(detail.steps(), "chmod");
        robot.interact(() -> steps.scrollTo(second));
        robot.clickOn(robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(cell -> cell.getIndex() == second).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> replay.model().timeProperty().get())).isEqualTo(7.0);
        assertThat(screen()).contains("-rw-r--r-- 1 root root 42").doesNotContain("chown");
        assertThat(fx(() -> replay.inspector().commandsText())).startsWith("chmod +x /app/run.sh && chown");

        // playing from the first step moves time on, and the step list follows the replay
        int first = firstAssistantWithCommand(detail.steps(), "ls -l");
        onFx(() -> {
            replay.model().speedProperty().set(8.0);
            replay.model().seekToStep(first);
        });
        assertThat(fx(() -> steps.getSelectionModel().getSelectedIndex())).isEqualTo(first);
        robot.clickOn("#replay-play");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fx(() -> replay.model().playingProperty().get()));
        assertThat(fx(() -> replay.model().timeProperty().get())).isEqualTo(7.9);
        assertThat(fx(() -> steps.getSelectionModel().getSelectedIndex())).isEqualTo(second);
        assertThat(screen()).contains("chown app:app");
    }

    @Test
    void clickingTheScrubberSeeksAndItMarksTheSteps(FxRobot robot) throws Exception {
        open("fix-permissions.1-of-2");
        assertThat(fx(() -> replay.model().session().markers())).extracting(marker -> marker.kind().name())
                .contains("STEP", "INPUT", "MARKER");
        var point = fx(() -> replay.timeline().localToScreen(replay.timeline().xOf(7.5), 11));
        robot.clickOn(point);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> replay.model().timeProperty().get())).isBetween(7.3, 7.7);
        assertThat(screen()).contains("chown app:app /app/run.sh");
        assertThat(fx(() -> replay.timeline().getValue())).isBetween(7.3, 7.7);
    }

    @Test
    void searchFindsStepsAndTerminalOutputAndEachHitSeeks(FxRobot robot) throws Exception {
        TrajectoryDetail detail = open("fix-permissions.1-of-2");
        onFx(() -> replay.model().seek(0));
        robot.clickOn("#replay-search").write("chown").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label count = robot.lookup("#replay-search-count").queryAs(Label.class);
        assertThat(count.getText()).endsWith("of " + fx(() -> replay.model().hits().size()));
        // first the answer that sends it, then the terminal echoing it
        int second = firstAssistantWithCommand(detail.steps(), "chmod");
        assertThat(fx(() -> steps.getSelectionModel().getSelectedIndex())).isEqualTo(second);
        robot.clickOn("#replay-search-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> replay.model().timeProperty().get())).isEqualTo(7.2);
        assertThat(screen()).contains("chown app:app /app/run.sh");
        assertThat(count.getText()).startsWith("2 of");
        robot.clickOn("#replay-search-previous");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count.getText()).startsWith("1 of");
        assertThat(fx(() -> replay.model().timeProperty().get())).isEqualTo(7.0);
    }

    @Test
    void jumpToFirstFailureSelectsTheUnparsedAnswerAndTheVerdictPointsAtTheFailingTest(FxRobot robot) throws Exception {
        TrajectoryDetail detail = open("fix-permissions.2-of-2");
        @SuppressWarnings("unchecked")
        ListView<TestResult> tests = robot.lookup("#replay-verdict-tests").queryAs(ListView.class);
        assertThat(tests.getItems()).extracting(TestResult::name, TestResult::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("test_script_is_executable", TestStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple("test_owner_is_app", TestStatus.FAILED));
        assertThat(robot.lookup("#replay-verdict-summary").queryAs(Label.class).getText())
                .contains("Unresolved").contains("1 of 2 tests passed");

        robot.clickOn("#replay-first-failure");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(detail.steps().get(1).parseStatus().dbValue()).isEqualTo("parse_error");
        assertThat(fx(() -> steps.getSelectionModel().getSelectedIndex())).isEqualTo(1);
        assertThat(fx(() -> tests.getSelectionModel().getSelectedItem().name())).isEqualTo("test_owner_is_app");
    }

    @Test
    void aRolloutShowsFilesChangedItsTestRecordingAndFailsFirstAtItsUnparsedAnswer(FxRobot robot) throws Exception {
        TrajectoryDetail detail = open("count-lines-llm-1");
        int working = firstAssistantWithCommand(detail.steps(), "wc -l");
        onFx(() -> replay.model().seekToStep(working));
        assertThat(fx(() -> replay.model().timeProperty().get())).isEqualTo(18.25);
        assertThat(robot.lookup("#replay-step-files").queryAs(Label.class).getText()).isEqualTo("added  /app/count.txt");
        // the command is highlighted as shell: the redirect target is plain, the number a number
        assertThat(fx(() -> replay.inspector().commandsText())).isEqualTo("wc -l /data/log.txt > /app/count.txt");
        String testsScreen = fx(() -> org.termcurator.core.terminal.ScreenRenderer.toText(
                replay.verdict().testsTerminal().getView(), true));
        assertThat(testsScreen).startsWith("1 failed, 1 passed in 0.03s");
        robot.clickOn("#replay-first-failure");
        WaitForAsyncUtils.waitForFxEvents();
        int unparsed = fx(() -> steps.getSelectionModel().getSelectedIndex());
        assertThat(detail.steps().get(unparsed).parseStatus().dbValue()).isEqualTo("parse_error");
    }

    @Test
    void aRowWithoutRecordingReplaysATranscriptOfItsCommandsAndSaysSo(FxRobot robot) throws Exception {
        TrajectoryRow row = new TrajectoryQueries(db).page(TrajectoryFilter.all(), 0, 100).rows().stream()
                .filter(candidate -> "jsonl".equals(candidate.format()) || candidate.sourcePath().contains("rows.jsonl"))
                .findFirst().orElseThrow();
        TrajectoryDetail detail = new TrajectoryQueries(db).detail(row.id()).orElseThrow();
        onFx(() -> {
            replay.show(detail);
            steps.getItems().setAll(detail.steps());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> replay.model().session() != null));
        assertThat(robot.lookup("#replay-status").queryAs(Label.class).getText()).startsWith("No recording");
        String firstCommand = detail.steps().stream().flatMap(step -> step.commands().stream()).findFirst()
                .orElseThrow().keystrokes().strip();
        assertThat(screen()).contains("$ " + firstCommand);
    }

    @Test
    void copyScreenPutsTheShownScreenOnTheClipboard(FxRobot robot) throws Exception {
        open("fix-permissions.1-of-2");
        onFx(() -> replay.model().seek(1.6));
        robot.clickOn("#replay-copy-screen");
        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(copied).startsWith("root@c0ffee:/app# ls -l /app/run.sh\n-rw-r--r-- 1 root root 42");
    }

    @Test
    void compareOpensBothTrialsOfTheTaskAndStepsThemTogether(FxRobot robot) throws Exception {
        open("fix-permissions.1-of-2");
        robot.clickOn("#replay-compare");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".menu-item").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".menu-item").queryAll().stream()
                .filter(node -> node.lookup(".label") instanceof Label label && label.getText().startsWith("fix-permissions.2-of-2"))
                .findFirst().orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compare-right-replay").tryQuery()
                .map(node -> ((ReplayView) node).session() != null).orElse(false));
        ReplayView left = robot.lookup("#compare-left-replay").queryAs(ReplayView.class);
        ReplayView right = robot.lookup("#compare-right-replay").queryAs(ReplayView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> left.session() != null));
        onFx(() -> left.model().seekToStep(0));
        robot.clickOn("#compare-next-step");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> left.model().currentStepProperty().get())).isEqualTo(1);
        assertThat(fx(() -> right.model().currentStepProperty().get())).isEqualTo(1);
        // Esc closes the comparison
        Stage compare = (Stage) left.getScene().getWindow();
        robot.interact(() -> left.viewport().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(compare.isShowing()).isFalse();
    }

    @Test
    void theKeysOfTheReplayWorkWhereverFocusIsInIt(FxRobot robot) throws Exception {
        TrajectoryDetail detail = open("fix-permissions.2-of-2");
        double duration = fx(() -> replay.model().duration());
        assertThat(duration).isGreaterThan(1);
        robot.interact(() -> replay.viewport().requestFocus());

        robot.type(javafx.scene.input.KeyCode.HOME);
        assertThat(fx(() -> replay.model().timeProperty().get())).isZero();
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertThat(fx(() -> replay.model().timeProperty().get())).isEqualTo(Math.min(5, duration));
        robot.type(javafx.scene.input.KeyCode.LEFT);
        assertThat(fx(() -> replay.model().timeProperty().get())).isZero();
        robot.type(javafx.scene.input.KeyCode.PERIOD);
        double frame = fx(() -> replay.model().timeProperty().get());
        assertThat(frame).as("the first output event").isGreaterThan(0).isLessThan(duration);
        robot.type(javafx.scene.input.KeyCode.COMMA);
        assertThat(fx(() -> replay.model().timeProperty().get())).isLessThan(frame);
        robot.type(javafx.scene.input.KeyCode.END);
        assertThat(fx(() -> replay.model().timeProperty().get())).isEqualTo(duration);

        // Shift+arrows walk the steps, from the step list too
        onFx(() -> replay.model().seekToStep(0));
        robot.press(javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.RIGHT)
                .release(javafx.scene.input.KeyCode.SHIFT);
        assertThat(fx(() -> replay.model().currentStepProperty().get())).isEqualTo(1);

        // Space plays and pauses
        robot.type(javafx.scene.input.KeyCode.HOME).type(javafx.scene.input.KeyCode.SPACE);
        assertThat(fx(() -> replay.model().playingProperty().get())).isTrue();
        robot.type(javafx.scene.input.KeyCode.SPACE);
        assertThat(fx(() -> replay.model().playingProperty().get())).isFalse();

        // Ctrl+F searches the session; Enter and Shift+Enter walk the hits
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.CONTROL);
        javafx.scene.control.TextField search = robot.lookup("#replay-search").queryAs(javafx.scene.control.TextField.class);
        assertThat(fx(search::isFocused)).isTrue();
        robot.write("app").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> replay.model().hits().size())).isGreaterThan(1);
        assertThat(fx(() -> replay.model().hitIndexProperty().get())).isZero();
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertThat(fx(() -> replay.model().hitIndexProperty().get())).isEqualTo(1);
        robot.press(javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.SHIFT);
        assertThat(fx(() -> replay.model().hitIndexProperty().get())).isZero();
        // a space typed into the search is the field's, not play
        robot.type(javafx.scene.input.KeyCode.SPACE);
        assertThat(fx(() -> replay.model().playingProperty().get())).isFalse();

        // zoom, then F11 gives the terminal the whole window and Esc brings it back
        robot.interact(() -> replay.viewport().requestFocus());
        double fitted = fx(() -> replay.viewport().terminal().getFontSize());
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.EQUALS)
                .release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(fx(() -> replay.viewport().terminal().getFontSize())).isGreaterThan(fitted);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT0)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> replay.viewport().terminal().getFontSize())).isEqualTo(fitted);
        double inPlace = fx(() -> replay.viewport().getWidth());
        robot.type(javafx.scene.input.KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#replay-maximized").tryQuery()).isPresent();
        assertThat(fx(() -> replay.viewport().getWidth())).as("the window's width")
                .isGreaterThan(inPlace + 200).isGreaterThan(fx(() -> stage.getWidth()) - 40);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#replay-maximized").tryQuery()).isEmpty();
        assertThat(fx(() -> replay.viewport().getScene())).isNotNull();

        // the pop-out follows the replay
        robot.clickOn("#replay-pop-out");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> replay.windows().popOutStage() != null));
        onFx(() -> replay.model().seek(0));
        TerminalCanvas popped = fx(() -> ((org.termcurator.ui.controls.terminal.TerminalViewport)
                replay.windows().popOutStage().getScene().getRoot()).terminal());
        assertThat(fx(() -> popped.getView().screenText())).isEqualTo(screen());
        robot.interact(() -> replay.windows().popOutStage().close());

        // F1 shows the sheet of shortcuts
        robot.interact(() -> replay.viewport().requestFocus());
        robot.type(javafx.scene.input.KeyCode.F1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#replay-shortcuts-sheet").tryQuery().isPresent());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(detail.steps()).isNotEmpty();
    }

    @Test
    void samePlaceInAnotherTrajectoryIsTheSameTurn() {
        List<Step> five = List.of(Step.of("user", "a"), Step.of("assistant", "b"), Step.of("user", "c"),
                Step.of("assistant", "d"), Step.of("user", "e"));
        List<Step> three = List.of(Step.of("user", "a"), Step.of("assistant", "b"), Step.of("user", "c"));
        assertThat(CompareWindow.sameTurn(five, 3, three)).as("second answer: the shorter run's last step").isEqualTo(2);
        assertThat(CompareWindow.sameTurn(five, 2, three)).isEqualTo(2);
        assertThat(CompareWindow.sameTurn(three, 1, five)).isEqualTo(1);
    }
}
