package org.termcurator.ui.trajectories;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.termcurator.ui.controls.terminal.TerminalViewport;

/**
 * Where a replay's terminal can go besides its place in the section: maximized over the whole
 * window (F11, Esc back) or popped out into a window of its own that follows the replay; and
 * the sheet of the replay's keyboard shortcuts.
 */
final class ReplayWindows {

    /** Key and what it does, in the order the sheet lists them. */
    static final String[][] SHORTCUTS = {
            {"Space", "Play / pause"},
            {"← / →", "Back / forward 5 seconds"},
            {"Shift+← / Shift+→", "Previous / next step"},
            {", / .", "One frame back / forward"},
            {"Home / End", "Start / end of the recording"},
            {"Ctrl+F", "Search this session"},
            {"Enter / Shift+Enter", "Next / previous hit (in the search field)"},
            {"Ctrl+= / Ctrl+- / Ctrl+0", "Larger text / smaller text / fit the space"},
            {"F11", "Terminal over the whole window (Esc comes back)"},
            {"Esc or Ctrl+W", "Close Compare (in the Compare window)"},
            {"F1 or ?", "This sheet"},
    };

    private final ReplayView view;
    private Scene maximizedScene;
    private Parent formerRoot;
    private Stage popOut;

    ReplayWindows(ReplayView view) {
        this.view = view;
    }

    boolean isMaximized() {
        return formerRoot != null;
    }

    /** Gives the player the whole window, or puts it back. */
    void toggleMaximized() {
        if (isMaximized()) {
            restore();
        } else {
            maximize();
        }
    }

    private void maximize() {
        Scene scene = view.getScene();
        if (scene == null) {
            return;
        }
        formerRoot = scene.getRoot();
        maximizedScene = scene;
        BorderPane layer = new BorderPane(view.detachPlayer());
        layer.setId("replay-maximized");
        layer.getStyleClass().add("replay-maximized");
        layer.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (view.handleKey(event)) {
                event.consume();
            }
        });
        StackPane stack = new StackPane();
        scene.setRoot(stack);
        stack.getChildren().addAll(formerRoot, layer);
        view.viewport().requestFocus();
    }

    private void restore() {
        Scene scene = maximizedScene;
        Parent root = formerRoot;
        formerRoot = null;
        maximizedScene = null;
        if (scene.getRoot() instanceof StackPane stack) {
            stack.getChildren().clear();
        }
        scene.setRoot(root);
        view.attachPlayer();
        view.viewport().requestFocus();
    }

    /** Opens (or brings forward) a window with the terminal alone, following the replay. */
    void popOut() {
        if (popOut != null) {
            popOut.toFront();
            return;
        }
        ReplayViewModel model = view.replayModel();
        TerminalViewport terminal = new TerminalViewport();
        terminal.setId("replay-pop-out-terminal");
        terminal.terminal().setPalette(view.terminal().getPalette());
        terminal.terminal().setView(model.screen());
        ChangeListener<Number> follow = (observable, before, after) -> terminal.terminal().setView(model.screen());
        model.frameProperty().addListener(follow);
        ChangeListener<Object> palette = (observable, before, after) -> {
            if (model.session() != null) {
                terminal.terminal().setPalette(model.session().palette());
            }
        };
        model.sessionProperty().addListener(palette);
        terminal.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (view.handleKey(event)) {
                event.consume();
            }
        });
        Stage stage = new Stage();
        Window owner = view.getScene() == null ? null : view.getScene().getWindow();
        if (owner != null) {
            stage.initOwner(owner);
        }
        var bounds = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(terminal, Math.min(1200, bounds.getWidth() * 0.8), Math.min(760, bounds.getHeight() * 0.8));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setTitle("Replay" + (model.session() == null ? "" : " · " + ReplayView.describe(model.session().detail().row())));
        stage.setOnHidden(event -> {
            model.frameProperty().removeListener(follow);
            model.sessionProperty().removeListener(palette);
            popOut = null;
        });
        popOut = stage;
        stage.show();
        terminal.requestFocus();
    }

    /** The pop-out window while it is open, else null. */
    Stage popOutStage() {
        return popOut;
    }

    /** The sheet of shortcuts, over the window of {@code anchor}. */
    static Alert showShortcuts(javafx.scene.Node anchor) {
        GridPane grid = new GridPane();
        grid.setId("replay-shortcuts-sheet");
        grid.setHgap(18);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label key = new Label(SHORTCUTS[i][0]);
            key.getStyleClass().addAll("text-bold", "monospace");
            key.setMinWidth(Label.USE_PREF_SIZE);
            Label action = new Label(SHORTCUTS[i][1]);
            action.setWrapText(true);
            grid.addRow(i, key, action);
        }
        Alert sheet = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        sheet.setTitle("Replay shortcuts");
        sheet.setHeaderText("Keys of the replay");
        sheet.getDialogPane().setContent(new VBox(grid));
        sheet.getDialogPane().setMinWidth(520);
        if (anchor.getScene() != null && anchor.getScene().getWindow() != null) {
            sheet.initOwner(anchor.getScene().getWindow());
        }
        sheet.show();
        return sheet;
    }
}
