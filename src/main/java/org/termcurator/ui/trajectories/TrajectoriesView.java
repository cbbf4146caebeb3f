package org.termcurator.ui.trajectories;

import java.io.File;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.termcurator.core.trajectories.FacetCount;
import org.termcurator.core.trajectories.ImportError;
import org.termcurator.core.trajectories.TrajectoryDetail;
import org.termcurator.core.trajectories.TrajectoryFacet;
import org.termcurator.core.trajectories.TrajectoryRow;
import org.termcurator.core.trajectories.TrajectorySort;
import org.termcurator.core.verifier.TestResult;
import org.termcurator.ui.controls.EmptyState;
import org.termcurator.ui.session.ProjectActions;
import org.termcurator.ui.session.UiServices;

/**
 * The Trajectories section: import runs (button, folder chooser, or drop), a paged table with
 * full-text search and facets, and a detail panel with the selected trajectory's steps and
 * test results above a place for its terminal replay.
 */
public final class TrajectoriesView extends StackPane {

    private final UiServices services;
    private final ProjectActions actions;
    private final TrajectoriesViewModel model;
    private final BorderPane content = new BorderPane();
    private final EmptyState noProject = new EmptyState(Feather.FOLDER, "", "");
    private final VBox facetsBox = new VBox(10);
    private final ScrollPane facetsScroll = new ScrollPane();
    private final TableView<TrajectoryRow> table = new TableView<>();
    private final StepList steps = new StepList();
    private final ListView<TestResult> tests = new ListView<>();
    private final ListView<TrajectoryDetail.AttachmentInfo> files = new ListView<>();
    private final Label detailHeader = new Label("Select a trajectory to see its steps");
    private final ReplayView replay;
    private final java.util.Set<TrajectoryFacet> expandedFacets = java.util.EnumSet.noneOf(TrajectoryFacet.class);
    private static final int FACET_LABELS_SHOWN = 12;
    private static final Duration SEARCH_DEBOUNCE = Duration.millis(300);
    static final javafx.scene.input.KeyCombination TOGGLE_FACETS =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+B");
    private final javafx.beans.property.BooleanProperty facetsShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "facetsShown", false);

    private TrajectoriesView(UiServices services, ProjectActions actions) {
        this.services = services;
        this.actions = actions;
        this.model = new TrajectoriesViewModel(services);
        this.replay = new ReplayView(new ReplayView.ProjectSourceAndWindow() {
            @Override
            public org.termcurator.core.project.ProjectDb project() {
                return services.session().project();
            }

            @Override
            public void compare(TrajectoryDetail left, TrajectoryRow right) {
                CompareWindow.open(getScene().getWindow(), this, left, right);
            }
        }, steps, true);
        setId("trajectories-view");
        getStyleClass().add("section-view");
        content.setTop(toolbar());
        Node facets = facetsPane();
        // the facet pane collapses (its toggle in the toolbar, Ctrl+B) and stays as the user left it;
        // it starts collapsed, so that at 1280x800 a 160-column recording is drawn whole and legible
        services.layout().flag("trajectories.facets-shown", facetsShown);
        content.leftProperty().bind(javafx.beans.binding.Bindings.when(facetsShown).then(facets).otherwise((Node) null));
        content.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (TOGGLE_FACETS.match(event)) {
                facetsShown.set(!facetsShown.get());
                event.consume();
            }
        });
        content.setCenter(centre());
        acceptDroppedRuns();
        model.facets().addListener((MapChangeListener<TrajectoryFacet, List<FacetCount>>) change -> redrawFacets());
        model.filterProperty().addListener((observable, before, after) -> redrawFacets());
        model.detailProperty().addListener((observable, before, after) -> showDetail(after));
        services.session().projectProperty().addListener((observable, before, after) -> showProjectOrNot());
        showProjectOrNot();
        model.refresh();
    }

    public static TrajectoriesView create(UiServices services, ProjectActions actions) {
        return new TrajectoriesView(services, actions);
    }

    public TrajectoriesViewModel model() {
        return model;
    }

    private void showProjectOrNot() {
        if (model.hasProject()) {
            getChildren().setAll(content);
            return;
        }
        Button create = new Button("New Project…");
        create.getStyleClass().add("accent");
        create.setOnAction(event -> actions.newProject());
        Button open = new Button("Open Project…");
        open.setOnAction(event -> actions.openProject());
        noProject.update("No project open", "Trajectories live in a project file. Create one, or open an existing one.",
                create, open);
        getChildren().setAll(noProject);
    }

    private Node toolbar() {
        Button importRuns = new Button("Import Runs…", new FontIcon(Feather.DOWNLOAD));
        importRuns.setId("trajectories-import");
        importRuns.setTooltip(new Tooltip("A Terminal-Bench 1 run folder, a Harbor job or trial folder, or any folder "
                + "holding .jsonl, .parquet or .cast files. You can also drop them on this view."));
        importRuns.setOnAction(event -> services.fileDialogs().chooseFolder(getScene().getWindow(), "Import Runs")
                .ifPresent(folder -> model.importRuns(List.of(folder))));
        importRuns.disableProperty().bind(model.importingProperty());
        importRuns.setMinWidth(Region.USE_PREF_SIZE);
        Button importFile = new Button("Import File…");
        importFile.setId("trajectories-import-file");
        importFile.setTooltip(new Tooltip("SFT rows in a .jsonl or .parquet file, or an asciinema .cast recording."));
        importFile.setOnAction(event -> services.fileDialogs().chooseFileToOpen(getScene().getWindow(), "Import Runs",
                        "Rows and recordings", "*.jsonl", "*.ndjson", "*.parquet", "*.cast")
                .ifPresent(file -> model.importRuns(List.of(file))));
        importFile.disableProperty().bind(model.importingProperty());
        importFile.setMinWidth(Region.USE_PREF_SIZE);
        TextField search = TextFields.createClearableTextField();
        search.setId("trajectories-search");
        search.setPromptText("Search messages, commands, terminal output…");
        search.setPrefColumnCount(28);
        search.setMinWidth(160);
        HBox.setHgrow(search, Priority.SOMETIMES);
        // searches as the user types, once typing pauses; Enter searches at once
        PauseTransition typing = new PauseTransition(SEARCH_DEBOUNCE);
        typing.setOnFinished(event -> model.search(search.getText()));
        search.textProperty().addListener((observable, before, after) -> {
            if (!java.util.Objects.equals(normalized(after), model.filterProperty().get().query())) {
                typing.playFromStart();
            }
        });
        search.setOnAction(event -> {
            typing.stop();
            model.search(search.getText());
        });
        // "Clear filters" clears the text too: the field follows the filter
        model.filterProperty().addListener((observable, before, after) -> {
            if (after.query() == null && normalized(search.getText()) != null) {
                typing.stop();
                search.clear();
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.importingProperty());
        Label status = new Label();
        status.setId("trajectories-status");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("text-muted");
        status.setMinWidth(0);
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        Hyperlink problems = new Hyperlink();
        problems.setId("trajectories-import-problems");
        problems.setMinWidth(Region.USE_PREF_SIZE);
        problems.textProperty().bind(Bindings.createStringBinding(() -> model.importProblems().size() == 1
                ? "1 problem…" : model.importProblems().size() + " problems…", model.importProblems()));
        problems.visibleProperty().bind(Bindings.isNotEmpty(model.importProblems()));
        problems.managedProperty().bind(problems.visibleProperty());
        problems.setOnAction(event -> showImportProblems());
        ToggleButton filters = new ToggleButton("", new FontIcon(Feather.SIDEBAR));
        filters.setId("trajectories-toggle-facets");
        filters.setTooltip(new Tooltip("Show or hide the filters (Ctrl+B)"));
        filters.selectedProperty().bindBidirectional(facetsShown);
        HBox bar = new HBox(8, filters, importRuns, importFile, search, busy, problems, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    /** Every problem of the last import, one per line, in a text the user can copy. */
    private void showImportProblems() {
        StringBuilder text = new StringBuilder();
        for (ImportError problem : model.importProblems()) {
            text.append(problem.path()).append(": ").append(problem.message()).append('\n');
        }
        TextArea area = new TextArea(text.toString());
        area.setId("trajectories-import-problems-text");
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefSize(900, 400);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Import problems");
        alert.setHeaderText(model.importProblems().size() + " inputs could not be imported whole");
        alert.getDialogPane().setContent(area);
        alert.setResizable(true);
        alert.show();
    }

    private static String normalized(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Node facetsPane() {
        facetsBox.setId("trajectories-facets");
        facetsBox.setPadding(new Insets(8));
        facetsScroll.setContent(facetsBox);
        facetsScroll.setFitToWidth(true);
        facetsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        facetsScroll.setPrefWidth(250);
        return facetsScroll;
    }

    private void redrawFacets() {
        facetsBox.getChildren().clear();
        Map<TrajectoryFacet, String> chosen = model.filterProperty().get().selections();
        if (!chosen.isEmpty() || model.filterProperty().get().query() != null) {
            Button clear = new Button("Clear filters");
            clear.setId("trajectories-clear-facets");
            clear.getStyleClass().add("flat");
            clear.setOnAction(event -> model.clearFilter());
            facetsBox.getChildren().add(clear);
        }
        for (TrajectoryFacet facet : TrajectoryFacet.values()) {
            List<FacetCount> counts = model.facets().get(facet);
            if (counts == null || counts.isEmpty()) {
                continue;
            }
            Label title = new Label(facet.title());
            title.getStyleClass().add("text-bold");
            FlowPane labels = new FlowPane(4, 4);
            labels.prefWrapLengthProperty().bind(facetsScroll.widthProperty().subtract(45));
            boolean expanded = expandedFacets.contains(facet);
            for (FacetCount count : counts) {
                boolean selected = count.label().equals(chosen.get(facet));
                if (!expanded && !selected && labels.getChildren().size() >= FACET_LABELS_SHOWN) {
                    continue;
                }
                ToggleButton entry = new ToggleButton(String.format("%s (%,d)", count.label(), count.count()));
                entry.getStyleClass().addAll("facet-entry", "small");
                entry.setMnemonicParsing(false); // labels such as agent_timeout keep their underscores
                entry.setTooltip(new Tooltip(entry.getText())); // a long label ellipsizes in the pane
                entry.setUserData(facet.name() + "=" + count.label());
                entry.setSelected(selected);
                entry.setOnAction(event -> model.toggleFacet(facet, count.label()));
                labels.getChildren().add(entry);
            }
            if (counts.size() > labels.getChildren().size() || expanded && counts.size() > FACET_LABELS_SHOWN) {
                // a task facet can have thousands of labels: the most frequent first, the rest on demand
                Button more = new Button(expanded ? "fewer" : "+" + (counts.size() - labels.getChildren().size()) + " more");
                more.getStyleClass().addAll("flat", "small");
                more.setOnAction(event -> {
                    if (!expandedFacets.remove(facet)) {
                        expandedFacets.add(facet);
                    }
                    redrawFacets();
                });
                labels.getChildren().add(more);
            }
            facetsBox.getChildren().add(new VBox(4, title, labels));
        }
    }

    private Node centre() {
        table.setId("trajectories-table");
        table.setTableMenuButtonVisible(true); // the column chooser
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE); // more rows in a small window
        table.getColumns().setAll(List.of(
                column("Task", TrajectorySort.TASK, 200, true, TrajectoryRow::taskName),
                column("Outcome", TrajectorySort.OUTCOME, 100, true,
                        row -> row.resolved() == null ? "–" : row.resolved() ? "resolved" : "unresolved"),
                column("Reward", TrajectorySort.REWARD, 80, true,
                        row -> row.reward() == null ? "–" : String.format("%.2f", row.reward())),
                column("Turns", TrajectorySort.TURNS, 75, true, row -> Integer.toString(row.turns())),
                column("Tokens", TrajectorySort.TOKENS, 85, true,
                        row -> row.tokens() == null ? "–" : String.format("%,d", row.tokens())),
                column("Duration", TrajectorySort.DURATION, 95, true, row -> TableTexts.duration(row.durationSec())),
                column("Agent", TrajectorySort.AGENT, 110, true, TrajectoryRow::agent),
                column("Model", TrajectorySort.MODEL, 150, true, TrajectoryRow::model),
                column("Date", TrajectorySort.DATE, 140, true, row -> TableTexts.localTime(row.date())),
                column("Failure", TrajectorySort.FAILURE, 120, false, TrajectoryRow::failureMode),
                column("Trial", TrajectorySort.TRIAL, 200, false, TrajectoryRow::trialName),
                column("Format", TrajectorySort.FORMAT, 90, false, TrajectoryRow::format)));
        services.layout().columns("trajectories", table);
        table.setSortPolicy(view -> {
            if (view.getSortOrder().isEmpty()) {
                model.sortBy(TrajectorySort.IMPORTED, false);
            } else {
                TableColumn<TrajectoryRow, ?> first = view.getSortOrder().getFirst();
                model.sortBy((TrajectorySort) first.getUserData(), first.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true; // the database sorts every match; the page comes back in order
        });
        table.setItems(model.rows());
        table.placeholderProperty().bind(Bindings.createObjectBinding(this::placeholder,
                model.projectHasTrajectoriesProperty()));
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> model.select(after));
        // after a refresh, the row shown in the detail stays selected when it is on the page
        model.rows().addListener((javafx.collections.ListChangeListener<TrajectoryRow>) change -> {
            long shown = model.shownId();
            for (int i = 0; i < model.rows().size(); i++) {
                if (model.rows().get(i).id() == shown) {
                    int index = i;
                    Platform.runLater(() -> table.getSelectionModel().clearAndSelect(index));
                    return;
                }
            }
        });

        BorderPane tablePane = new BorderPane(table);
        tablePane.setBottom(pager());

        // the table over the detail: the table keeps the whole width for its columns, the
        // replay the whole width beside the step list
        SplitPane split = new SplitPane(tablePane, detailPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.36);
        services.layout().dividers("trajectories.centre", split);
        return split;
    }

    private Node pager() {
        Button previous = new Button("", new FontIcon(Feather.CHEVRON_LEFT));
        previous.setId("trajectories-previous");
        previous.setOnAction(event -> model.previousPage());
        previous.disableProperty().bind(model.pageProperty().isEqualTo(0));
        Button next = new Button("", new FontIcon(Feather.CHEVRON_RIGHT));
        next.setId("trajectories-next");
        next.setOnAction(event -> model.nextPage());
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> model.pageProperty().get() + 1 >= model.pageCount(),
                model.pageProperty(), model.totalProperty()));
        Label range = new Label();
        range.setId("trajectories-range");
        range.textProperty().bind(Bindings.createStringBinding(() -> {
            long total = model.totalProperty().get();
            long first = (long) model.pageProperty().get() * TrajectoriesViewModel.PAGE_SIZE;
            return total == 0 ? "0 trajectories" : String.format("%,d–%,d of %,d", first + 1,
                    Math.min(total, first + TrajectoriesViewModel.PAGE_SIZE), total);
        }, model.totalProperty(), model.pageProperty()));
        Label unsearched = new Label();
        unsearched.setId("trajectories-unsearched");
        unsearched.getStyleClass().add("text-muted");
        unsearched.textProperty().bind(Bindings.createStringBinding(() -> String.format(
                "· %,d just imported not searched yet: the search index is being built (Jobs)",
                model.unsearchedProperty().get()), model.unsearchedProperty()));
        unsearched.visibleProperty().bind(model.unsearchedProperty().greaterThan(0));
        unsearched.managedProperty().bind(unsearched.visibleProperty());
        HBox bar = new HBox(8, previous, range, next, unsearched);
        bar.setAlignment(Pos.CENTER);
        bar.setPadding(new Insets(4));
        return bar;
    }

    /** The detail panel is split: steps and tests above, the terminal replay of the trajectory below ({@link ReplayView}). */
    private Node detailPane() {
        detailHeader.setId("trajectory-detail-header");
        // a line each (task and trial, agent and model and outcome, the error); the tooltip has them whole
        detailHeader.setWrapText(false);
        detailHeader.setMinWidth(0);
        detailHeader.setTooltip(new Tooltip());
        detailHeader.getTooltip().textProperty().bind(detailHeader.textProperty());
        detailHeader.setMinHeight(Region.USE_PREF_SIZE);
        detailHeader.setPadding(new Insets(6));
        steps.setId("trajectory-steps");
        tests.setId("trajectory-tests");
        tests.setCellFactory(list -> new TestResultCell());
        tests.setPlaceholder(new Label("No test results"));
        files.setId("trajectory-files");
        files.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(TrajectoryDetail.AttachmentInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format("%s  ·  %s  ·  %,d bytes", item.name(),
                        item.kind().dbValue(), item.size()));
            }
        });
        files.setPlaceholder(new Label("No files"));
        Tab stepsTab = new Tab("Steps", steps);
        Tab testsTab = new Tab("Tests", tests);
        Tab filesTab = new Tab("Files", files);
        TabPane tabs = new TabPane(stepsTab, testsTab, filesTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox info = new VBox(detailHeader, tabs);
        // beside the replay: the steps above, the step in full and the verdict below
        SplitPane column = new SplitPane(info, replay.takeSide());
        column.setOrientation(Orientation.VERTICAL);
        column.setDividerPositions(0.58);
        column.setMinWidth(0);
        services.layout().dividers("trajectories.detail-column", column);

        SplitPane detail = new SplitPane(column, replay);
        detail.setId("trajectory-detail");
        detail.setDividerPositions(0.3);
        services.layout().dividers("trajectories.detail", detail);
        // the replay's keys work from the step list too
        detail.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (!replay.isFocusWithin() && replay.handleKey(event)) {
                event.consume();
            }
        });
        return detail;
    }

    private void showDetail(TrajectoryDetail detail) {
        replay.show(detail);
        if (detail == null) {
            detailHeader.setText("Select a trajectory to see its steps");
            steps.getItems().clear();
            tests.getItems().clear();
            files.getItems().clear();
            return;
        }
        TrajectoryRow row = detail.row();
        StringBuilder header = new StringBuilder();
        header.append(row.taskName() == null ? "(no task)" : row.taskName());
        if (row.trialName() != null) {
            header.append("  ·  ").append(row.trialName());
        }
        header.append('\n').append(row.agent() == null ? "?" : row.agent()).append(" / ")
                .append(row.model() == null ? "?" : row.model()).append("  ·  ")
                .append(row.resolved() == null ? "outcome unknown" : row.resolved() ? "resolved" : "unresolved");
        if (row.reward() != null) {
            header.append(String.format(" (reward %.2f)", row.reward()));
        }
        if (detail.exception() != null) {
            header.append('\n').append(detail.exception().lines().findFirst().orElse(""));
        }
        detailHeader.setText(header.toString());
        steps.getItems().setAll(detail.steps());
        tests.getItems().setAll(detail.tests());
        files.getItems().setAll(detail.attachments());
    }

    private void acceptDroppedRuns() {
        content.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles() && !model.importingProperty().get()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        content.setOnDragDropped(event -> {
            boolean accepted = event.getDragboard().hasFiles();
            if (accepted) {
                model.importRuns(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    /** What an empty table says: nothing imported yet, or nothing matching, with the way back. */
    private Node placeholder() {
        if (!model.projectHasTrajectoriesProperty().get()) {
            Label none = new Label("No trajectories here yet: Import Runs…, or drop run folders, .jsonl, .parquet "
                    + "or .cast files on this view.");
            none.setWrapText(true);
            return none;
        }
        Label none = new Label("No trajectories match");
        none.setId("trajectories-no-match");
        Button back = new Button("Clear filters");
        back.setId("trajectories-no-match-clear");
        back.setOnAction(event -> model.clearFilter());
        VBox box = new VBox(8, none, back);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static TableColumn<TrajectoryRow, String> column(String title, TrajectorySort sort, double width,
                                                             boolean visible,
                                                             java.util.function.Function<TrajectoryRow, String> value) {
        TableColumn<TrajectoryRow, String> column = new TableColumn<>(title);
        column.setId("trajectories-column-" + title.toLowerCase(java.util.Locale.ROOT));
        column.setPrefWidth(width);
        column.setUserData(sort);
        column.setVisible(visible);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
