package org.termcurator.ui.rollouts;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;
import org.termcurator.ui.controls.terminal.TerminalCanvas;

/**
 * The live terminal of the selected running rollout. The terminal control repaints itself as
 * output arrives; a slow check here follows the rollout from the agent's terminal to the
 * tests' and notices when it ends.
 */
final class LiveTerminalPane extends BorderPane {

    private static final Duration CHECK = Duration.millis(250);
    private static final String NOTHING = "Select a running rollout to watch its terminal live.";

    private final LiveTerminals terminals;
    private final Label title = new Label(NOTHING);
    private final TerminalCanvas screen = new TerminalCanvas();
    private final Timeline follow;
    private RolloutItem watched;
    private LiveTerminals.Live shown;

    LiveTerminalPane(LiveTerminals terminals) {
        this.terminals = terminals;
        setId("rollouts-live");
        title.setId("rollouts-live-title");
        title.setPadding(new Insets(6, 12, 6, 12));
        screen.setId("rollouts-live-screen");
        screen.setFitToSize(true);
        setTop(title);
        setCenter(screen);
        follow = new Timeline(new KeyFrame(CHECK, event -> follow()));
        follow.setCycleCount(Animation.INDEFINITE);
    }

    /** The text of the terminal shown, empty when none is. */
    String shownText() {
        return shown == null ? "" : shown.text();
    }

    /** Watches this rollout (null: none). */
    void watch(RolloutItem item) {
        watched = item;
        shown = null;
        screen.setView(null);
        if (item == null) {
            follow.stop();
            title.setText(NOTHING);
            return;
        }
        follow();
        follow.play();
    }

    private void follow() {
        RolloutItem item = watched;
        if (item == null) {
            return;
        }
        String name = item.taskProperty().get() + " #" + item.attempt();
        LiveTerminals.Live live = terminals.of(item.key());
        if (live == null) {
            if (!item.isRunning()) {
                follow.stop();
                title.setText(name + " has ended" + (item.trajectoryId() != null || item.handle() != null
                        ? ": open its trajectory to replay it." : "."));
            } else if (shown == null) {
                title.setText(name + " — " + item.phaseText() + ", no terminal output yet");
            }
            return;
        }
        if (live != shown) {
            shown = live;
            screen.showLive(live.terminal());
            title.setText(name + " — live, " + live.cast() + " terminal");
        }
    }
}
