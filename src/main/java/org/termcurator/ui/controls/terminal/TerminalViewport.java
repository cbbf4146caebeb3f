package org.termcurator.ui.controls.terminal;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A recorded terminal drawn at a readable size: the font follows the space so that the
 * recording's whole width (and height) fits, but never below {@link #MIN_READABLE} pixels; past
 * that the terminal scrolls instead of shrinking further. A zoom factor (Ctrl+= / Ctrl+- /
 * Ctrl+0) scales the fitted size. The replay, the tests recording and both sides of a
 * comparison use this one control.
 */
public final class TerminalViewport extends StackPane {

    /** The smallest font the fit chooses, in pixels: below it text stops being legible. */
    public static final double MIN_READABLE = 7;
    static final double MAX_SIZE = 28;
    private static final double ZOOM_STEP = 1.15;
    private static final double MIN_ZOOM = 0.25;
    private static final double MAX_ZOOM = 6;

    private final TerminalCanvas terminal;
    private final ScrollPane scroll;
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final ReadOnlyDoubleWrapper fontSize = new ReadOnlyDoubleWrapper(this, "fontSize", 13);

    public TerminalViewport() {
        this(new TerminalCanvas());
    }

    public TerminalViewport(TerminalCanvas terminal) {
        this.terminal = terminal;
        getStyleClass().add("terminal-viewport");
        terminal.setFitToSize(false);
        // the canvas is at least its grid's size: a grid wider than the space scrolls
        terminal.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        scroll = new ScrollPane(terminal);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setPannable(false);
        scroll.getStyleClass().add("terminal-scroll");
        scroll.setStyle("-fx-background: black; -fx-background-color: black; -fx-background-insets: 0; -fx-padding: 0;");
        scroll.setPadding(javafx.geometry.Insets.EMPTY);
        setStyle("-fx-background-color: black;");
        setMinSize(0, 0);
        getChildren().add(scroll);
        widthProperty().addListener((observable, before, after) -> fit());
        heightProperty().addListener((observable, before, after) -> fit());
        zoom.addListener((observable, before, after) -> fit());
        terminal.setOnGridChanged(this::fit);
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (zoomKey(event)) {
                event.consume();
            }
        });
    }

    public TerminalCanvas terminal() {
        return terminal;
    }

    /** 1 is the fitted size; each step of zoom in or out multiplies it by 1.15. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** The font size in pixels the terminal is drawn at now. */
    public ReadOnlyDoubleProperty fontSizeProperty() {
        return fontSize.getReadOnlyProperty();
    }

    public void zoomIn() {
        zoom.set(Math.min(MAX_ZOOM, zoom.get() * ZOOM_STEP));
    }

    public void zoomOut() {
        zoom.set(Math.max(MIN_ZOOM, zoom.get() / ZOOM_STEP));
    }

    public void zoomReset() {
        zoom.set(1);
    }

    /** Whether the grid is wider than the space (the viewport then scrolls sideways). */
    public boolean scrollsHorizontally() {
        return terminal.prefWidth(-1) > width() + 0.5;
    }

    /** The room for the grid: the control less the scroll pane's and the canvas's insets. */
    private double width() {
        return Math.max(0, getWidth() - scroll.snappedLeftInset() - scroll.snappedRightInset()
                - terminal.snappedLeftInset() - terminal.snappedRightInset() - 2);
    }

    private double height() {
        return Math.max(0, getHeight() - scroll.snappedTopInset() - scroll.snappedBottomInset()
                - terminal.snappedTopInset() - terminal.snappedBottomInset() - 2);
    }

    /** Chooses the font size: the grid fitted to the space, times the zoom, never below legible. */
    private void fit() {
        double w = width();
        double h = height();
        if (w <= 0 || h <= 0) {
            return;
        }
        double[] unit = TerminalCanvas.cellSizeAt(10);
        // cells are whole pixels high and the canvas rounds up: fit a little inside the room
        double byWidth = 10 * (w - 1) / (terminal.gridColumns() * unit[0]);
        double byHeight = 10 * (h - 1) / (terminal.gridRows() * unit[1]);
        double fitted = Math.floor(Math.min(byWidth, byHeight) * 4) / 4;
        // the zoom scales what is shown: the fit, or the legible minimum where the fit is smaller
        double shown = Math.max(fitted, MIN_READABLE);
        double size = Math.clamp(Math.floor(shown * zoom.get() * 4) / 4, MIN_READABLE, MAX_SIZE);
        // the cell is not exactly linear in the size: step down until the grid fits when it should
        while (size > MIN_READABLE && zoom.get() <= 1 && exceeds(size, w, h)) {
            size -= 0.25;
        }
        if (size != terminal.getFontSize()) {
            terminal.setFontSize(size);
        }
        fontSize.set(terminal.getFontSize());
    }

    private boolean exceeds(double size, double w, double h) {
        double[] cell = TerminalCanvas.cellSizeAt(size);
        return Math.ceil(terminal.gridColumns() * cell[0]) > w || Math.ceil(terminal.gridRows() * cell[1]) > h;
    }

    /** Zooms for Ctrl+= / Ctrl+- / Ctrl+0 (Cmd on macOS); true when the key was one of them. */
    public boolean zoomKey(KeyEvent event) {
        if (!event.isShortcutDown()) {
            return false;
        }
        KeyCode code = event.getCode();
        if (code == KeyCode.EQUALS || code == KeyCode.PLUS || code == KeyCode.ADD) {
            zoomIn();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            zoomOut();
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            zoomReset();
        } else {
            return false;
        }
        return true;
    }
}
