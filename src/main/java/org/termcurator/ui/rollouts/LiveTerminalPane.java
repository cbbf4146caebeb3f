package org.termcurator.ui.rollouts;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;

/**
 * The live terminal of the selected running rollout, redrawn a few times a second while its
 * screen changes. A finished rollout shows a hint to open its trajectory instead.
 */
final class LiveTerminalPane extends BorderPane {

    private static final Duration FRAME = Duration.millis(100);

    private final LiveTerminals terminals;
    private final Label title = new Label("Select a running rollout to watch its terminal live.");
    private final TextArea screen = new TextArea();
    private final Timeline redraw;
    private RolloutItem watched;
    private long drawnVersion = -1;
    private LiveTerminals.Live drawn;

    LiveTerminalPane(LiveTerminals terminals) {
        this.terminals = terminals;
        setId("rollouts-live");
        title.setId("rollouts-live-title");
        title.setPadding(new Insets(6, 12, 6, 12));
        screen.setId("rollouts-live-screen");
        screen.setEditable(false);
        screen.setStyle("-fx-font-family: monospace;");
        setTop(title);
        setCenter(screen);
        redraw = new Timeline(new KeyFrame(FRAME, event -> draw()));
        redraw.setCycleCount(Animation.INDEFINITE);
    }

    Timeline redraw() {
        return redraw;
    }

    /** Watches this rollout (null: none). */
    void watch(RolloutItem item) {
        watched = item;
        drawn = null;
        drawnVersion = -1;
        if (item == null) {
            redraw.stop();
            title.setText("Select a running rollout to watch its terminal live.");
            screen.clear();
            return;
        }
        draw();
        redraw.play();
    }

    private void draw() {
        RolloutItem item = watched;
        if (item == null) {
            return;
        }
        LiveTerminals.Live live = terminals.of(item.key());
        if (live == null) {
            if (!item.isRunning()) {
                redraw.stop();
                title.setText(item.taskProperty().get() + " #" + item.attempt() + " has ended"
                        + (item.trajectoryId() != null ? ": open its trajectory to replay it." : "."));
            } else {
                title.setText(item.taskProperty().get() + " #" + item.attempt() + " — " + item.phaseText()
                        + ", no terminal output yet");
            }
            return;
        }
        if (live == drawn && live.version() == drawnVersion) {
            return;
        }
        drawn = live;
        drawnVersion = live.version();
        title.setText(item.taskProperty().get() + " #" + item.attempt() + " — live, " + live.cast() + " terminal");
        screen.setText(live.text());
    }
}
