package org.termcurator.ui.trajectories;

import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.trajectories.TrajectoryDetail;
import org.termcurator.core.trajectories.TrajectoryRow;
import org.termcurator.ui.controls.terminal.TerminalCanvas;

/** A replay view with its step list in a window of its own, for benches outside this package. Use on the FX thread. */
public final class ReplayProbe {

    private final StepList steps = new StepList();
    private final ReplayView replay;
    private final Stage stage = new Stage();

    public ReplayProbe(ProjectDb db) {
        replay = new ReplayView(new ReplayView.ProjectSourceAndWindow() {
            @Override
            public ProjectDb project() {
                return db;
            }

            @Override
            public void compare(TrajectoryDetail left, TrajectoryRow right) {
                // not measured
            }
        }, steps, false);
        SplitPane split = new SplitPane(steps, replay);
        split.setDividerPositions(0.2);
        stage.setScene(new Scene(split, 1600, 900));
        stage.show();
    }

    public void show(TrajectoryDetail detail) {
        replay.show(detail);
        steps.getItems().setAll(detail.steps());
    }

    public ReplayViewModel model() {
        return replay.model();
    }

    public TerminalCanvas terminal() {
        return replay.terminal();
    }

    public Scene scene() {
        return stage.getScene();
    }

    public void close() {
        stage.close();
    }
}
