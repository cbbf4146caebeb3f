package org.termcurator.ui.trajectories;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.termcurator.core.replay.ReplaySession;
import org.termcurator.core.terminal.CastPlayer;
import org.termcurator.core.terminal.Palette;
import org.termcurator.core.trajectories.TrajectoryDetail;
import org.termcurator.core.verifier.TestResult;
import org.termcurator.core.verifier.TestStatus;
import org.termcurator.ui.controls.terminal.TerminalCanvas;
import org.termcurator.ui.controls.terminal.TerminalViewport;

/**
 * The verdict of a trajectory: outcome and reward, each test passed or failed with its message,
 * what the tests printed, and the test run's own recording replayed in a terminal with its own
 * scrubber.
 */
final class VerdictPanel extends VBox {

    private final Label summary = new Label();
    private final ListView<TestResult> tests = new ListView<>();
    private final TextArea output = new TextArea();
    private final TerminalViewport testsViewport = new TerminalViewport();
    private final TerminalCanvas testsTerminal = testsViewport.terminal();
    private final TimelineBar testsTimeline = new TimelineBar();
    private final Label noRecording = new Label("The test run was not recorded.");
    private CastPlayer testsPlayer;

    VerdictPanel() {
        super(6);
        setId("replay-verdict");
        setPadding(new Insets(8));
        summary.setId("replay-verdict-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Label.USE_PREF_SIZE);
        tests.setId("replay-verdict-tests");
        tests.setPlaceholder(new Label("No test results"));
        tests.setPrefHeight(140);
        // the tests' output below grows into the rest; the verdicts must not shrink to a sliver beside it
        tests.setMinHeight(96);
        tests.setCellFactory(list -> new TestResultCell());
        output.setId("replay-tests-output");
        output.setEditable(false);
        output.getStyleClass().add("code");
        testsTerminal.setId("replay-tests-terminal");
        testsTimeline.setOnSeek(this::seekTests);
        BorderPane recording = new BorderPane(testsViewport);
        recording.setBottom(testsTimeline);
        recording.visibleProperty().bind(noRecording.visibleProperty().not());
        Tab outputTab = new Tab("Output", output);
        Tab recordingTab = new Tab("Recording", new StackPane(recording, noRecording));
        recordingTab.setId("replay-tests-recording-tab");
        TabPane tabs = new TabPane(outputTab, recordingTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(summary, tests, tabs);
    }

    ListView<TestResult> tests() {
        return tests;
    }

    TerminalCanvas testsTerminal() {
        return testsTerminal;
    }

    TerminalViewport testsViewport() {
        return testsViewport;
    }

    void show(ReplaySession session) {
        if (session == null) {
            summary.setText("");
            tests.getItems().clear();
            output.clear();
            testsPlayer = null;
            testsTerminal.setView(null);
            testsTimeline.setTimeline(0, java.util.List.of());
            return;
        }
        TrajectoryDetail detail = session.detail();
        long passed = detail.tests().stream().filter(test -> test.status() == TestStatus.PASSED).count();
        StringBuilder text = new StringBuilder();
        text.append(detail.row().resolved() == null ? "Outcome unknown" : detail.row().resolved() ? "Resolved" : "Unresolved");
        if (detail.row().reward() != null) {
            text.append(String.format("  ·  reward %.2f", detail.row().reward()));
        }
        if (detail.rewards() != null && !detail.rewards().isBlank()) {
            text.append("  ·  rewards ").append(detail.rewards());
        }
        if (!detail.tests().isEmpty()) {
            text.append(String.format("  ·  %d of %d tests passed", passed, detail.tests().size()));
        }
        if (detail.row().failureMode() != null && !"unset".equals(detail.row().failureMode())) {
            text.append("  ·  failure: ").append(detail.row().failureMode());
        }
        session.firstFailure().ifPresent(failure -> text.append("\nFirst failure: ").append(failure.reason()));
        summary.setText(text.toString());
        tests.getItems().setAll(detail.tests());
        output.setText(session.testsOutput() == null ? "The tests' output was not stored." : session.testsOutput());
        testsPlayer = session.testsPlayer();
        noRecording.setVisible(testsPlayer == null);
        if (testsPlayer == null) {
            testsTerminal.setView(null);
        } else {
            testsTerminal.setPalette(Palette.of(testsPlayer.header().theme()));
            testsTimeline.setTimeline(testsPlayer.duration(), java.util.List.of());
            seekTests(testsPlayer.duration());
        }
    }

    /** Points at a test (the first failing one after "Jump to first failure"). */
    void highlight(String testName) {
        if (testName == null) {
            return;
        }
        for (int i = 0; i < tests.getItems().size(); i++) {
            if (testName.equals(tests.getItems().get(i).name())) {
                tests.getSelectionModel().select(i);
                tests.scrollTo(i);
                return;
            }
        }
    }

    private void seekTests(double seconds) {
        if (testsPlayer == null) {
            return;
        }
        testsTimeline.setValue(seconds);
        testsTerminal.setView(testsPlayer.seek(seconds));
    }
}
