package org.termcurator.ui.trajectories;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.trajectories.Step;
import org.termcurator.core.trajectories.TrajectoryDetail;
import org.termcurator.core.trajectories.TrajectoryQueries;
import org.termcurator.core.trajectories.TrajectoryRow;

/**
 * Two trajectories side by side, each with its steps and replay. With "Sync steps" on, moving to
 * a step on one side moves the other to its step of the same turn (the N-th answer of each), so
 * two attempts at a task can be stepped through together.
 */
final class CompareWindow {

    private final ReplayViewModel.ProjectSource projects;
    private final Side left;
    private final Side right;
    private final CheckBox sync = new CheckBox("Sync steps");
    private final Stage stage = new Stage();
    private boolean syncing;

    /** One trajectory's half of the window. */
    private final class Side {
        final Label header = new Label();
        final StepList steps = new StepList();
        final ReplayView replay;

        Side(String id) {
            replay = new ReplayView(new ReplayView.ProjectSourceAndWindow() {
                @Override
                public ProjectDb project() {
                    return projects.project();
                }

                @Override
                public void compare(TrajectoryDetail one, TrajectoryRow other) {
                    // a comparison does not open further comparisons
                }
            }, steps, false);
            replay.setId("compare-" + id + "-replay");
            steps.setId("compare-" + id + "-steps");
            header.setId("compare-" + id + "-header");
            header.setWrapText(true);
            header.setPadding(new Insets(4));
            replay.model().currentStepProperty().addListener((observable, before, after) -> follow(this, after.intValue()));
        }

        BorderPane pane() {
            SplitPane split = new SplitPane(steps, replay);
            split.setOrientation(Orientation.VERTICAL);
            split.setDividerPositions(0.3);
            BorderPane pane = new BorderPane(split);
            pane.setTop(header);
            return pane;
        }

        void show(TrajectoryDetail detail) {
            header.setText(ReplayView.describe(detail.row()) + "\n" + detail.steps().size() + " steps");
            steps.getItems().setAll(detail.steps());
            replay.show(detail);
        }
    }

    private CompareWindow(ReplayViewModel.ProjectSource projects) {
        this.projects = projects;
        this.left = new Side("left");
        this.right = new Side("right");
    }

    /** Opens a window comparing {@code first} with the trajectory of {@code second}, which loads in the background. */
    static CompareWindow open(Window owner, ReplayViewModel.ProjectSource projects, TrajectoryDetail first,
                              TrajectoryRow second) {
        CompareWindow window = new CompareWindow(projects);
        window.build(owner);
        window.left.show(first);
        ProjectDb db = projects.project();
        Thread.ofVirtual().name("compare-load").start(() -> {
            Optional<TrajectoryDetail> other;
            try {
                other = db == null ? Optional.empty() : new TrajectoryQueries(db).detail(second.id());
            } catch (SQLException | RuntimeException e) {
                other = Optional.empty();
            }
            Optional<TrajectoryDetail> loaded = other;
            Platform.runLater(() -> loaded.ifPresentOrElse(window.right::show,
                    () -> window.right.header.setText("Cannot read " + ReplayView.describe(second))));
        });
        return window;
    }

    private void build(Window owner) {
        Button previous = new Button("Previous step", new FontIcon(Feather.SKIP_BACK));
        previous.setId("compare-previous-step");
        previous.setOnAction(event -> stepBoth(-1));
        Button next = new Button("Next step", new FontIcon(Feather.SKIP_FORWARD));
        next.setId("compare-next-step");
        next.setOnAction(event -> stepBoth(1));
        sync.setId("compare-sync");
        sync.setSelected(true);
        HBox bar = new HBox(8, previous, next, sync);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        SplitPane halves = new SplitPane(left.pane(), right.pane());
        VBox.setVgrow(halves, Priority.ALWAYS);
        VBox root = new VBox(bar, halves);
        root.setId("compare-window");
        // as large as the window it opens from (at most 1500x900): both sides need the room
        double width = owner == null ? 1500 : Math.min(1500, Math.max(900, owner.getWidth()));
        double height = owner == null ? 900 : Math.min(900, Math.max(600, owner.getHeight()));
        Scene scene = new Scene(root, width, height);
        // Esc or Ctrl+W closes the comparison; the rest of the keys go to the side that has focus
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ESCAPE
                    || event.isShortcutDown() && event.getCode() == javafx.scene.input.KeyCode.W) {
                stage.close();
                event.consume();
            }
        });
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            stage.initOwner(owner);
        }
        stage.setTitle("Compare trajectories");
        stage.setScene(scene);
        stage.show();
    }

    Stage stage() {
        return stage;
    }

    ReplayView leftReplay() {
        return left.replay;
    }

    ReplayView rightReplay() {
        return right.replay;
    }

    /** Moves the left side a step; with sync on the right one follows through {@link #follow}. */
    private void stepBoth(int delta) {
        ReplayViewModel model = left.replay.model();
        if (delta > 0) {
            model.nextStep();
        } else {
            model.previousStep();
        }
        if (!sync.isSelected()) {
            ReplayViewModel other = right.replay.model();
            if (delta > 0) {
                other.nextStep();
            } else {
                other.previousStep();
            }
        }
    }

    private void follow(Side moved, int stepIndex) {
        if (syncing || !sync.isSelected() || stepIndex < 0) {
            return;
        }
        Side other = moved == left ? right : left;
        List<Step> from = moved.steps.getItems();
        List<Step> to = other.steps.getItems();
        int target = sameTurn(from, stepIndex, to);
        if (target < 0) {
            return;
        }
        syncing = true;
        try {
            other.replay.model().seekToStep(target);
        } finally {
            syncing = false;
        }
    }

    /**
     * The step of {@code to} at the same turn as step {@code index} of {@code from}: the same count
     * of assistant answers before it and the same role, or the last step when {@code to} is shorter.
     */
    static int sameTurn(List<Step> from, int index, List<Step> to) {
        if (to.isEmpty() || index >= from.size()) {
            return -1;
        }
        int answersBefore = 0;
        for (int i = 0; i < index; i++) {
            if (from.get(i).isAssistant()) {
                answersBefore++;
            }
        }
        boolean wantAnswer = from.get(index).isAssistant();
        int answers = 0;
        for (int i = 0; i < to.size(); i++) {
            boolean answer = to.get(i).isAssistant();
            if (answers == answersBefore && answer == wantAnswer) {
                return i;
            }
            if (answer) {
                answers++;
            }
        }
        return to.size() - 1;
    }
}
