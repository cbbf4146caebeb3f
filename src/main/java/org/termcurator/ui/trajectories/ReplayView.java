package org.termcurator.ui.trajectories;

import java.sql.SQLException;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.replay.FirstFailure;
import org.termcurator.core.replay.ReplaySession;
import org.termcurator.core.trajectories.Step;
import org.termcurator.core.trajectories.TrajectoryDetail;
import org.termcurator.core.trajectories.TrajectoryFacet;
import org.termcurator.core.trajectories.TrajectoryFilter;
import org.termcurator.core.trajectories.TrajectoryQueries;
import org.termcurator.core.trajectories.TrajectoryRow;
import org.termcurator.ui.controls.terminal.TerminalCanvas;
import org.termcurator.ui.controls.terminal.TerminalViewport;

/**
 * The replay of the selected trajectory: the terminal at any moment, play/pause with speed and an
 * idle-time cap, a scrubber with markers, search inside the session, copy screen, "Jump to first
 * failure", the current step in full and the verdict. The step list it is given stays in step
 * with the replay both ways: choosing a step seeks to it, and playing or seeking selects the step
 * showing.
 */
final class ReplayView extends BorderPane {

    private final ReplayViewModel model;
    private final ListView<Step> steps;
    private final TerminalViewport viewport = new TerminalViewport();
    private final TerminalCanvas terminal = viewport.terminal();
    private final TimelineBar timeline = new TimelineBar();
    private final StepInspector inspector = new StepInspector();
    private final VerdictPanel verdict = new VerdictPanel();
    private final TabPane side;
    private final SplitPane split;
    private final VBox player;
    private final TextField search = new TextField();
    private final ReplayWindows windows = new ReplayWindows(this);
    private final Tab verdictTab;
    private final Label banner = new Label();
    private final Button compare = new Button("Compare…", new FontIcon(Feather.COLUMNS));
    private final ProjectSourceAndWindow context;
    private TrajectoryDetail detail;
    /** True while the view itself changes the step list's selection, so it is not taken as a user's choice. */
    private boolean followingReplay;

    /** What the view needs from its surroundings: the project, and a way to open a comparison. */
    interface ProjectSourceAndWindow extends ReplayViewModel.ProjectSource {
        void compare(TrajectoryDetail left, TrajectoryRow right);
    }

    ReplayView(ProjectSourceAndWindow context, ListView<Step> steps, boolean offerCompare) {
        this.context = context;
        this.model = new ReplayViewModel(context);
        this.steps = steps;
        setId("trajectory-replay");
        getStyleClass().add("replay-view");
        terminal.setId("replay-terminal");
        viewport.setId("replay-viewport");
        timeline.setId("replay-timeline");
        timeline.setOnSeek(seconds -> {
            model.pause();
            model.seek(seconds);
        });
        banner.setId("replay-status");
        banner.getStyleClass().add("text-muted");
        banner.textProperty().bind(model.statusProperty());
        banner.visibleProperty().bind(model.statusProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setWrapText(true);

        VBox.setVgrow(viewport, Priority.ALWAYS);
        player = new VBox(4, banner, viewport, timeline);
        player.setPadding(new Insets(4));

        Tab stepTab = new Tab("Step", inspector);
        verdictTab = new Tab("Verdict", verdict);
        verdictTab.setId("replay-verdict-tab");
        side = new TabPane(stepTab, verdictTab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setMinWidth(0);
        split = new SplitPane(player, side);
        split.setDividerPositions(0.62);

        compare.setVisible(offerCompare);
        compare.setManaged(offerCompare);
        player.getChildren().addAll(0, List.of(transportBar(), searchBar()));
        setCenter(split);
        wire();
    }

    ReplayViewModel model() {
        return model;
    }

    TerminalCanvas terminal() {
        return terminal;
    }

    TerminalViewport viewport() {
        return viewport;
    }

    ReplayWindows windows() {
        return windows;
    }

    /**
     * Takes the step and verdict tabs out of the replay, for a layout that shows them beside
     * the step list instead; the terminal then has the replay's whole width.
     */
    Node takeSide() {
        split.getItems().remove(side);
        return side;
    }

    TimelineBar timeline() {
        return timeline;
    }

    VerdictPanel verdict() {
        return verdict;
    }

    StepInspector inspector() {
        return inspector;
    }

    /** Replays {@code detail}; null clears the replay. */
    void show(TrajectoryDetail detail) {
        this.detail = detail;
        model.load(detail);
    }

    private static Button iconButton(Feather icon, String id, String tooltip, Runnable action) {
        Button button = new Button("", new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(event -> action.run());
        return button;
    }

    private FlowPane transportBar() {
        Button play = new Button();
        play.setId("replay-play");
        play.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(model.playingProperty().get() ? Feather.PAUSE : Feather.PLAY), model.playingProperty()));
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.setOnAction(event -> model.togglePlaying());
        Button previous = new Button("", new FontIcon(Feather.SKIP_BACK));
        previous.setId("replay-previous-step");
        previous.setTooltip(new Tooltip("Previous step"));
        previous.setOnAction(event -> model.previousStep());
        Button next = new Button("", new FontIcon(Feather.SKIP_FORWARD));
        next.setId("replay-next-step");
        next.setTooltip(new Tooltip("Next step"));
        next.setOnAction(event -> model.nextStep());

        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("replay-speed");
        speed.getItems().setAll(ReplayViewModel.SPEEDS);
        speed.setConverter(converter(value -> (value == Math.rint(value) ? String.valueOf(value.intValue()) : value) + "×"));
        speed.setValue(model.speedProperty().get());
        speed.valueProperty().addListener((observable, before, after) -> {
            if (after != null) {
                model.speedProperty().set(after);
            }
        });
        speed.setTooltip(new Tooltip("Playback speed"));

        ComboBox<Double> idle = new ComboBox<>();
        idle.setId("replay-idle-cap");
        idle.getItems().setAll(ReplayViewModel.IDLE_CAPS);
        idle.setConverter(converter(value -> value == 0 ? "pauses in full" : "pauses ≤ " + value + " s"));
        idle.setValue(model.idleCapProperty().get());
        model.idleCapProperty().addListener((observable, before, after) -> idle.setValue(after.doubleValue()));
        idle.valueProperty().addListener((observable, before, after) -> {
            if (after != null) {
                model.idleCapProperty().set(after);
            }
        });
        idle.setTooltip(new Tooltip("Idle-time cap: longer pauses in the recording play this long"));

        Label clock = new Label();
        clock.setId("replay-clock");
        clock.setMinWidth(Region.USE_PREF_SIZE);
        clock.textProperty().bind(Bindings.createStringBinding(() -> String.format("%.1f / %.1f s",
                model.timeProperty().get(), model.duration()), model.timeProperty(), model.sessionProperty()));

        Button copy = new Button("", new FontIcon(Feather.COPY));
        copy.setId("replay-copy-screen");
        copy.setTooltip(new Tooltip("Copy the screen's text"));
        copy.setOnAction(event -> terminal.copyScreen());
        Button failure = new Button("First failure", new FontIcon(Feather.ALERT_TRIANGLE));
        failure.setId("replay-first-failure");
        failure.setTooltip(new Tooltip("Jump to the first failure: the first answer that did not parse or command that "
                + "failed; else a timeout; else the last step before the first failing test"));
        failure.setOnAction(event -> jumpToFirstFailure());
        failure.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.session() == null || model.session().firstFailure().isEmpty(), model.sessionProperty()));
        compare.setId("replay-compare");
        compare.setTooltip(new Tooltip("Compare side by side with another trajectory of the same task"));
        compare.setOnAction(event -> offerComparisons());
        compare.disableProperty().bind(model.sessionProperty().isNull());

        Button zoomOut = iconButton(Feather.ZOOM_OUT, "replay-zoom-out", "Smaller text (Ctrl+-)", viewport::zoomOut);
        Button zoomIn = iconButton(Feather.ZOOM_IN, "replay-zoom-in", "Larger text (Ctrl+=); Ctrl+0 fits again",
                viewport::zoomIn);
        Button maximize = iconButton(Feather.MAXIMIZE, "replay-maximize",
                "Give the terminal the whole window (F11; Esc comes back)", windows::toggleMaximized);
        Button popOut = iconButton(Feather.EXTERNAL_LINK, "replay-pop-out", "Open the terminal in its own window",
                windows::popOut);
        Button keys = iconButton(Feather.HELP_CIRCLE, "replay-shortcuts", "Keyboard shortcuts (F1 or ?)",
                () -> ReplayWindows.showShortcuts(this));
        // wraps onto a second line where the replay is narrow: every control stays in view
        HBox transport = new HBox(6, play, previous, next, speed, idle, clock);
        transport.setAlignment(Pos.CENTER_LEFT);
        HBox tools = new HBox(6, copy, failure, compare, zoomOut, zoomIn, maximize, popOut, keys);
        tools.setAlignment(Pos.CENTER_LEFT);
        FlowPane bar = new FlowPane(12, 4, transport, tools);
        bar.setId("replay-transport");
        bar.setPadding(new Insets(4, 4, 0, 4));
        bar.setMinWidth(0);
        bar.prefWrapLengthProperty().bind(player.widthProperty().subtract(12));
        for (var node : java.util.stream.Stream.concat(transport.getChildren().stream(), tools.getChildren().stream()).toList()) {
            if (node instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return bar;
    }

    private HBox searchBar() {
        search.setId("replay-search");
        search.setPromptText("Search this session (Ctrl+F): terminal output and steps");
        // Enter: the next hit (a new text searches first); Shift+Enter: the previous hit
        search.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != javafx.scene.input.KeyCode.ENTER) {
                return;
            }
            event.consume();
            if (!search.getText().strip().equals(model.searchTermProperty().get())) {
                model.search(search.getText());
            } else if (event.isShiftDown()) {
                model.previousHit();
            } else {
                model.nextHit();
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        Button previous = new Button("", new FontIcon(Feather.CHEVRON_UP));
        previous.setId("replay-search-previous");
        previous.setOnAction(event -> model.previousHit());
        Button next = new Button("", new FontIcon(Feather.CHEVRON_DOWN));
        next.setId("replay-search-next");
        next.setOnAction(event -> model.nextHit());
        previous.disableProperty().bind(Bindings.isEmpty(model.hits()));
        next.disableProperty().bind(Bindings.isEmpty(model.hits()));
        Label count = new Label();
        count.setId("replay-search-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(Bindings.createStringBinding(() -> model.searchTermProperty().get().isEmpty() ? ""
                : model.hits().isEmpty() ? "no hits"
                : (model.hitIndexProperty().get() + 1) + " of " + model.hits().size(),
                model.hits(), model.hitIndexProperty(), model.searchTermProperty()));
        HBox bar = new HBox(6, search, previous, next, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        return bar;
    }

    private void wire() {
        model.frameProperty().addListener((observable, before, after) -> {
            terminal.setView(model.screen());
            timeline.setValue(model.timeProperty().get());
        });
        model.sessionProperty().addListener((observable, before, after) -> {
            timeline.setTimeline(after == null ? 0 : after.duration(), after == null ? List.of() : after.markers());
            if (after != null) {
                terminal.setPalette(after.palette());
            }
            verdict.show(after);
            inspector.show(null);
        });
        model.firstScreenProperty().addListener((observable, before, after) -> {
            if (after != null && model.session() == null) {
                terminal.setPalette(after.palette());
                terminal.setView(after.screen());
            }
        });
        model.searchTermProperty().addListener((observable, before, after) -> terminal.setSearchTerm(after));
        model.currentStepProperty().addListener((observable, before, after) -> followStep(after.intValue()));
        model.highlightedTestProperty().addListener((observable, before, after) -> verdict.highlight(after));
        steps.getSelectionModel().selectedIndexProperty().addListener((observable, before, after) -> {
            int index = after.intValue();
            if (!followingReplay && index >= 0) {
                model.pause();
                model.seekToStep(index);
            }
            inspector.show(index >= 0 && index < steps.getItems().size() ? steps.getItems().get(index) : null);
        });
        // clicking the step already selected (e.g. the one playback stopped on) seeks to it again
        steps.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, event -> {
            int index = steps.getSelectionModel().getSelectedIndex();
            if (clickedCell(event) && index >= 0 && model.session() != null
                    && model.timeProperty().get() != model.session().moments().at(index)) {
                model.pause();
                model.seekToStep(index);
            }
        });
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (handleKey(event)) {
                event.consume();
            }
        });
    }

    /**
     * The replay's keys, wherever focus is in it (the step list too, when its owner passes them
     * here): Space play/pause, ←/→ 5 s, Shift+←/→ steps, , and . one frame, Home/End, Ctrl+F
     * search, zoom, F11 maximize, Esc back, F1 or ? the shortcuts. Keys typed into a text field
     * stay the field's. True when the key was the replay's.
     */
    boolean handleKey(javafx.scene.input.KeyEvent event) {
        javafx.scene.input.KeyCode code = event.getCode();
        if (viewport.zoomKey(event)) {
            return true;
        }
        if (event.isShortcutDown() && code == javafx.scene.input.KeyCode.F) {
            search.requestFocus();
            search.selectAll();
            return true;
        }
        if (code == javafx.scene.input.KeyCode.F11) {
            windows.toggleMaximized();
            return true;
        }
        if (code == javafx.scene.input.KeyCode.ESCAPE && windows.isMaximized()) {
            windows.toggleMaximized();
            return true;
        }
        if (code == javafx.scene.input.KeyCode.F1) {
            ReplayWindows.showShortcuts(this);
            return true;
        }
        boolean typing = event.getTarget() instanceof javafx.scene.control.TextInputControl
                || event.getTarget() instanceof ComboBox<?>;
        if (typing || event.isShortcutDown() || event.isAltDown() || model.session() == null) {
            return false;
        }
        switch (code) {
            case SPACE -> model.togglePlaying();
            case LEFT -> {
                if (event.isShiftDown()) {
                    model.pause();
                    model.previousStep();
                } else {
                    model.seekBy(-SEEK_SECONDS);
                }
            }
            case RIGHT -> {
                if (event.isShiftDown()) {
                    model.pause();
                    model.nextStep();
                } else {
                    model.seekBy(SEEK_SECONDS);
                }
            }
            case COMMA -> model.previousFrame();
            case PERIOD -> model.nextFrame();
            case HOME -> model.toStart();
            case END -> model.toEnd();
            default -> {
                if ("?".equals(event.getText())) {
                    ReplayWindows.showShortcuts(this);
                    return true;
                }
                return false;
            }
        }
        return true;
    }

    static final double SEEK_SECONDS = 5;

    /** Takes the player (bars, terminal, scrubber) out of the view, e.g. to show it maximized. */
    VBox detachPlayer() {
        double[] dividers = split.getDividerPositions();
        split.getItems().remove(player);
        player.setUserData(dividers);
        return player;
    }

    /** Puts the player back where {@link #detachPlayer()} took it from. */
    void attachPlayer() {
        if (!split.getItems().contains(player)) {
            split.getItems().addFirst(player);
            if (player.getUserData() instanceof double[] dividers && dividers.length == split.getDividers().size()) {
                split.setDividerPositions(dividers);
            }
        }
    }

    /** The replay's view model, for the pop-out window that follows it. */
    ReplayViewModel replayModel() {
        return model;
    }

    /** True when the click landed on a step's cell, not on the list's scroll bar or empty space. */
    private static boolean clickedCell(javafx.scene.input.MouseEvent event) {
        for (javafx.scene.Node node = event.getPickResult().getIntersectedNode(); node != null; node = node.getParent()) {
            if (node instanceof javafx.scene.control.ListCell<?> cell) {
                return !cell.isEmpty();
            }
        }
        return false;
    }

    /** Selects the step the replay is at, without that selection seeking again. */
    private void followStep(int index) {
        followingReplay = true;
        try {
            if (index < 0 || index >= steps.getItems().size()) {
                steps.getSelectionModel().clearSelection();
                inspector.show(null);
            } else if (steps.getSelectionModel().getSelectedIndex() != index) {
                steps.getSelectionModel().select(index);
                steps.scrollTo(index);
            }
        } finally {
            followingReplay = false;
        }
    }

    private void jumpToFirstFailure() {
        if (model.jumpToFirstFailure()) {
            String test = model.highlightedTestProperty().get();
            boolean testFailedOnly = model.session().firstFailure()
                    .map(failure -> failure.kind() == FirstFailure.Kind.FAILED_TEST).orElse(false);
            if (test != null && testFailedOnly) {
                side.getSelectionModel().select(verdictTab);
            }
            verdict.highlight(test);
        }
    }

    /** Lists other trajectories of the same task in a menu; choosing one opens the comparison. */
    private void offerComparisons() {
        TrajectoryDetail left = detail;
        ProjectDb db = context.project();
        if (left == null || db == null) {
            return;
        }
        String task = left.row().taskName();
        Thread.ofVirtual().name("replay-compare-candidates").start(() -> {
            List<TrajectoryRow> rows;
            try {
                TrajectoryFilter filter = task == null ? TrajectoryFilter.all() : TrajectoryFilter.all().with(TrajectoryFacet.TASK, task);
                rows = new TrajectoryQueries(db).page(filter, 0, 50).rows().stream()
                        .filter(row -> row.id() != left.row().id()).toList();
            } catch (SQLException | RuntimeException e) {
                rows = List.of();
            }
            List<TrajectoryRow> candidates = rows;
            Platform.runLater(() -> {
                ContextMenu menu = new ContextMenu();
                menu.setId("replay-compare-menu");
                for (TrajectoryRow row : candidates) {
                    MenuItem item = new MenuItem(describe(row));
                    item.setMnemonicParsing(false);
                    item.setOnAction(event -> context.compare(left, row));
                    menu.getItems().add(item);
                }
                if (candidates.isEmpty()) {
                    MenuItem none = new MenuItem("No other trajectory of this task");
                    none.setDisable(true);
                    menu.getItems().add(none);
                }
                menu.show(compare, javafx.geometry.Side.BOTTOM, 0, 0);
            });
        });
    }

    static String describe(TrajectoryRow row) {
        return (row.trialName() == null ? "#" + row.id() : row.trialName()) + "  ·  "
                + (row.agent() == null ? "?" : row.agent()) + " / " + (row.model() == null ? "?" : row.model()) + "  ·  "
                + (row.resolved() == null ? "unknown" : row.resolved() ? "resolved" : "unresolved");
    }

    private static StringConverter<Double> converter(java.util.function.Function<Double, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public Double fromString(String string) {
                return null;
            }
        };
    }

    /** The replay's session, once loaded; for the comparison's synced stepping. */
    ReplaySession session() {
        return model.session();
    }
}
