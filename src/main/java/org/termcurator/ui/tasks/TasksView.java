package org.termcurator.ui.tasks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.termcurator.core.io.SafeArchives;
import org.termcurator.core.project.ProjectInfo;
import org.termcurator.core.io.SafeText;
import org.termcurator.core.tasks.ImportError;
import org.termcurator.core.tasks.ImportSummary;
import org.termcurator.core.tasks.query.TaskRow;
import org.termcurator.core.tasks.query.TaskSort;
import org.termcurator.ui.controls.EmptyState;
import org.termcurator.ui.controls.ProjectSectionView;
import org.termcurator.ui.session.ProjectActions;
import org.termcurator.ui.session.UiServices;

/**
 * The Tasks section: import, search, facet filters, a virtualized table of every task of the
 * project (rows are read a page at a time, so 100k tasks stay smooth), the selected task's
 * detail and editing, export, and a chart of the matching tasks by category and difficulty.
 */
public final class TasksView extends BorderPane {

    private final UiServices services;
    private final javafx.beans.property.BooleanProperty facetsShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "facetsShown", true);
    private final TasksViewModel model;
    private final TableView<TaskRowRef> table = new TableView<>();
    private final TaskDetailView detail;
    private final Hyperlink importErrors = new Hyperlink();
    private final ProjectActions actions;
    private final TaskRollouts rollouts;

    TasksView(UiServices services, TasksViewModel model, ProjectActions actions) {
        this.services = services;
        this.model = model;
        this.actions = actions;
        this.rollouts = new TaskRollouts(services);
        this.detail = new TaskDetailView(model);
        setId("tasks-browser");
        getStyleClass().add("tasks-browser");
        setTop(new VBox(toolbar(), statusLine()));
        ScrollPane facets = new ScrollPane(new FacetPanel(model));
        facets.setFitToWidth(true);
        facets.setPrefWidth(240);
        facets.getStyleClass().add("facet-scroll");
        // the facet pane collapses (its toggle in the toolbar, Ctrl+B) and stays as the user left it
        services.layout().flag("tasks.facets-shown", facetsShown);
        leftProperty().bind(javafx.beans.binding.Bindings.when(facetsShown).then((Node) facets).otherwise((Node) null));
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (javafx.scene.input.KeyCombination.keyCombination("Shortcut+B").match(event)) {
                facetsShown.set(!facetsShown.get());
                event.consume();
            }
        });
        SplitPane split = new SplitPane(table(), detail);
        split.setDividerPositions(0.55);
        services.layout().dividers("tasks.centre", split);
        TabPane center = new TabPane(new Tab("Tasks", split), new Tab("Chart", new TaskChart(model)));
        center.setId("tasks-tabs");
        center.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(center);
    }

    /**
     * The section as the window shows it: offers to create or open a project without one,
     * "No tasks yet" with Import Tasks… for an empty project, the browser otherwise. Task
     * folders and archives can be dropped on it any time a project is open.
     */
    public static ProjectSectionView create(UiServices services, ProjectActions actions) {
        TasksViewModel model = new TasksViewModel(services.jobs(),
                () -> org.termcurator.core.docker.DockerAddress.fromSettings(services.settings()),
                () -> services.settings().isRolloutBuildNetwork(), Platform::runLater);
        TasksView browser = new TasksView(services, model, actions);
        refreshWhenRolloutsEnd(services, model);
        ProjectSectionView[] section = new ProjectSectionView[1];
        section[0] = new ProjectSectionView(services, "tasks-view", Feather.LIST, actions,
                (info, state) -> browser.describe(section[0], info, state));
        services.session().projectProperty().addListener((observable, before, after) -> model.setProject(after));
        model.setProject(services.session().project());
        model.lastImportProperty().addListener((observable, before, after) -> section[0].refresh());
        services.session().tasksRevisionProperty().addListener((observable, before, after) -> {
            model.refresh();
            section[0].refresh();
        });
        section[0].setOnDragOver(browser::acceptDrop);
        section[0].setOnDragDropped(browser::drop);
        return section[0];
    }

    private void describe(ProjectSectionView section, ProjectInfo info, EmptyState state) {
        long tasks = info.counts().get("tasks");
        if (tasks == 0) {
            Button importTasks = new Button("Import Tasks…");
            importTasks.setId("tasks-view-import");
            importTasks.getStyleClass().add("accent");
            importTasks.setOnAction(event -> chooseAndImport());
            importTasks.disableProperty().bind(model.importingProperty());
            state.update("No tasks yet", "Import a task set (Harbor task folders with task.toml, Terminal-Bench 1 "
                    + "folders with task.yaml, or archives of them, dropped here) to browse, search, lint and edit it.",
                    importTasks);
        } else {
            section.getChildren().setAll(this);
        }
    }

    public TasksViewModel model() {
        return model;
    }

    private Node toolbar() {
        Button importTasks = new Button("Import Tasks…", new FontIcon(Feather.DOWNLOAD));
        importTasks.setId("tasks-import");
        importTasks.setOnAction(event -> chooseAndImport());
        importTasks.disableProperty().bind(model.importingProperty());
        TextField search = org.controlsfx.control.textfield.TextFields.createClearableTextField();
        search.setId("tasks-search");
        search.setPromptText("Search names, instructions, tags, test files");
        search.textProperty().bindBidirectional(model.searchTextProperty());
        search.setOnAction(event -> model.searchNow());
        HBox.setHgrow(search, Priority.ALWAYS);
        Label count = new Label();
        count.setId("tasks-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d of %,d tasks",
                model.totalProperty().get(), model.projectTotalProperty().get()),
                model.totalProperty(), model.projectTotalProperty()));
        Button clear = new Button("Clear Filters");
        clear.setId("tasks-clear-filters");
        clear.setOnAction(event -> {
            model.searchTextProperty().set("");
            model.clearFilters();
        });
        Button lint = new Button("Lint Again");
        lint.setId("tasks-lint");
        lint.setOnAction(event -> model.lintAgain());
        Button export = new Button("Export…", new FontIcon(Feather.UPLOAD));
        export.setTooltip(new javafx.scene.control.Tooltip("Export the selected tasks as Harbor task folders"));
        export.setId("tasks-export");
        export.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedIndices()));
        export.setOnAction(event -> chooseAndExport());
        Button oracle = new Button("Run Oracle", new FontIcon(Feather.PLAY));
        oracle.setId("tasks-run-oracle");
        oracle.setTooltip(new javafx.scene.control.Tooltip("Run oracle on selection: each task's own solution, verified"));
        oracle.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedIndices()));
        oracle.setOnAction(event -> rollOutSelection(TaskRollouts.Choice.oracle(services.settings())));
        Button rollOut = new Button("Roll Out With…");
        rollOut.setId("tasks-roll-out");
        rollOut.disableProperty().bind(oracle.disableProperty());
        rollOut.setOnAction(event -> new RolloutDialog(getScene() == null ? null : getScene().getWindow(),
                services.settings(), table.getSelectionModel().getSelectedIndices().size()).showAndWait()
                .ifPresent(this::rollOutSelection));
        javafx.scene.control.ToggleButton filters = new javafx.scene.control.ToggleButton("", new FontIcon(Feather.SIDEBAR));
        filters.setId("tasks-toggle-facets");
        filters.setTooltip(new javafx.scene.control.Tooltip("Show or hide the filters (Ctrl+B)"));
        filters.selectedProperty().bindBidirectional(facetsShown);
        // two groups that wrap onto a second line in a narrow window: the buttons keep their
        // words and the section never grows wider than the window
        HBox find = new HBox(8, filters, importTasks, search, count);
        find.setAlignment(Pos.CENTER_LEFT);
        HBox tools = new HBox(8, clear, lint, export, oracle, rollOut);
        tools.setAlignment(Pos.CENTER_LEFT);
        for (HBox group : List.of(find, tools)) {
            for (Node node : group.getChildren()) {
                if (node instanceof javafx.scene.control.Labeled labeled) {
                    labeled.setMinWidth(Region.USE_PREF_SIZE);
                }
            }
        }
        search.setPrefColumnCount(22);
        search.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(16, 6, find, tools);
        bar.setMinWidth(0);
        bar.prefWrapLengthProperty().bind(widthProperty().subtract(24));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 4, 10));
        return bar;
    }

    private Node statusLine() {
        Label status = new Label();
        status.setId("tasks-status");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(model.statusProperty());
        importErrors.setId("tasks-import-errors");
        importErrors.setOnAction(event -> showImportErrors());
        model.lastImportProperty().addListener((observable, before, summary) -> {
            boolean failed = summary != null && summary.failed() > 0;
            importErrors.setText(failed ? "Show the " + summary.failed() + " failed" : "");
            importErrors.setVisible(failed);
        });
        importErrors.setVisible(false);
        HBox line = new HBox(8, status, importErrors);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(0, 10, 4, 10));
        return line;
    }

    private Node table() {
        table.setId("tasks-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setTableMenuButtonVisible(true); // the column chooser
        table.setPlaceholder(new Label("No task matches"));
        table.setFixedCellSize(26); // equal rows keep scrolling over 100k rows cheap
        table.getColumns().add(column("Name", TaskSort.NAME, TaskRow::name, 240, true));
        table.getColumns().add(column("Category", TaskSort.CATEGORY, TaskRow::category, 130, true));
        table.getColumns().add(column("Difficulty", TaskSort.DIFFICULTY, TaskRow::difficulty, 100, true));
        table.getColumns().add(column("Tags", TaskSort.TAGS, row -> String.join(", ", row.tags()), 150, true));
        table.getColumns().add(column("Base image", TaskSort.BASE_IMAGE, TaskRow::baseImage, 170, true));
        table.getColumns().add(lintColumn());
        table.getColumns().add(column("Pass rate", TaskSort.PASS_RATE, TaskRow::passRateText, 90, true));
        table.getColumns().add(column("Solution", TaskSort.SOLUTION, row -> row.hasSolution() ? "yes" : "no", 90, true));
        table.getColumns().add(column("Tests", TaskSort.TESTS, row -> row.hasTests() ? "yes" : "no", 75, false));
        table.getColumns().add(column("Format", TaskSort.FORMAT, TaskRow::format, 110, false));
        table.getColumns().add(column("Origin", TaskSort.ORIGIN, TaskRow::origin, 80, false));
        table.getColumns().add(column("Instruction length", TaskSort.INSTRUCTION_LENGTH,
                row -> String.format(Locale.ROOT, "%,d", row.instructionLength()), 110, false));
        table.getColumns().add(column("Agent timeout", TaskSort.AGENT_TIMEOUT,
                row -> row.agentTimeoutSec() == null ? "" : String.format(Locale.ROOT, "%.0f s", row.agentTimeoutSec()), 100, false));
        table.getColumns().add(column("Verifier timeout", TaskSort.VERIFIER_TIMEOUT,
                row -> row.verifierTimeoutSec() == null ? "" : String.format(Locale.ROOT, "%.0f s", row.verifierTimeoutSec()), 110, false));
        table.getColumns().add(column("Source", TaskSort.SOURCE, TaskRow::sourcePath, 300, false));
        table.getColumns().add(column("Updated", TaskSort.UPDATED, TaskRow::updatedAt, 170, false));
        services.layout().columns("tasks", table);
        table.setSortPolicy(view -> {
            if (view.getSortOrder().isEmpty()) {
                model.sortBy(TaskSort.NAME, false);
            } else {
                TableColumn<TaskRowRef, ?> first = view.getSortOrder().getFirst();
                model.sortBy((TaskSort) first.getUserData(), first.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true; // the database sorts; the items come back in order
        });
        table.itemsProperty().bind(model.rowsProperty());
        model.rowsProperty().addListener((observable, before, after) -> keepShownTaskSelected(after));
        table.getSelectionModel().selectedIndexProperty().addListener((observable, before, index) -> {
            if (index.intValue() >= 0) {
                model.select(index.intValue());
            }
        });
        return table;
    }

    private TableColumn<TaskRowRef, String> column(String title, TaskSort sort, Function<TaskRow, String> value,
                                                   double width, boolean visible) {
        TableColumn<TaskRowRef, String> column = new TableColumn<>(title);
        column.setId("column-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        // names and paths come from task folders anyone may have written: controls are shown escaped
        column.setCellValueFactory(cell -> cell.getValue().rowProperty().map(value.andThen(SafeText::oneLine)));
        column.setUserData(sort);
        column.setSortable(sort != null);
        column.setPrefWidth(width);
        column.setVisible(visible);
        return column;
    }

    private TableColumn<TaskRowRef, String> lintColumn() {
        TableColumn<TaskRowRef, String> column = column("Lint", TaskSort.LINT_STATUS, TaskRow::lintStatus, 80, true);
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(String status, boolean empty) {
                super.updateItem(status, empty);
                getStyleClass().removeAll("lint-ok", "lint-warning", "lint-error", "lint-unchecked");
                if (empty || status == null) {
                    setText(null);
                    return;
                }
                setText("● " + status);
                getStyleClass().add("lint-" + status);
            }
        });
        return column;
    }

    /** After a refresh (an edit saved, a lint) the task in the detail pane stays selected. */
    private void keepShownTaskSelected(TaskRowList list) {
        long shown = model.detail().shownId();
        table.getSelectionModel().clearSelection();
        if (shown < 0) {
            return;
        }
        int index = list.indexOf(shown);
        if (index >= 0) {
            table.getSelectionModel().select(index);
            table.scrollTo(Math.max(0, index - 3));
        } else if (!list.hasIds()) {
            // beyond the first page: its place is known once the ids of all matches are read
            model.facetsReady().thenRun(() -> Platform.runLater(() -> {
                if (table.getItems() == list && list.indexOf(shown) >= 0) {
                    table.getSelectionModel().select(list.indexOf(shown));
                    table.scrollTo(Math.max(0, list.indexOf(shown) - 3));
                }
            }));
        }
    }

    /** Queues rollouts of the selected tasks and shows them in the Rollouts section. */
    private void rollOutSelection(TaskRollouts.Choice choice) {
        List<Integer> selected = new ArrayList<>(table.getSelectionModel().getSelectedIndices());
        if (selected.isEmpty()) {
            return;
        }
        model.idsAt(selected).thenAccept(ids -> Platform.runLater(() -> {
            try {
                rollouts.rollOut(ids, choice).completion().whenComplete((queued, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        showRolloutProblem(cause.getMessage());
                    } else {
                        model.announce(queued.describe() + ": see Rollouts");
                    }
                }));
                actions.showRollouts();
            } catch (IllegalArgumentException | IllegalStateException e) {
                showRolloutProblem(e.getMessage());
            }
        }));
    }

    private void showRolloutProblem(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.setHeaderText("The tasks could not be rolled out");
        alert.show();
    }

    /** Pass rates change as rollouts end: the table is read again, at most twice a second. */
    private static void refreshWhenRolloutsEnd(UiServices services, TasksViewModel model) {
        java.util.concurrent.atomic.AtomicBoolean pending = new java.util.concurrent.atomic.AtomicBoolean();
        services.rollouts().addStoredListener(() -> {
            if (pending.compareAndSet(false, true)) {
                Thread.ofVirtual().name("tasks-pass-rates").start(() -> {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    pending.set(false);
                    Platform.runLater(model::refresh);
                });
            }
        });
    }

    private void chooseAndImport() {
        services.fileDialogs().chooseFolder(getScene() == null ? null : getScene().getWindow(), "Import Tasks")
                .ifPresent(folder -> model.importPaths(List.of(folder)));
    }

    private void chooseAndExport() {
        List<Integer> selected = new ArrayList<>(table.getSelectionModel().getSelectedIndices());
        if (selected.isEmpty()) {
            return;
        }
        services.fileDialogs().chooseFolder(getScene() == null ? null : getScene().getWindow(),
                "Export as Harbor Task Folder").ifPresent(out -> model.export(selected, out));
    }

    private static List<Path> importable(DragEvent event) {
        if (!event.getDragboard().hasFiles()) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        for (File file : event.getDragboard().getFiles()) {
            Path path = file.toPath();
            if (Files.isDirectory(path) || SafeArchives.isArchive(path)) {
                paths.add(path);
            }
        }
        return paths;
    }

    private void acceptDrop(DragEvent event) {
        if (model.project() != null && !importable(event).isEmpty()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void drop(DragEvent event) {
        List<Path> paths = importable(event);
        boolean accepted = model.project() != null && !paths.isEmpty();
        if (accepted) {
            model.importPaths(paths);
        }
        event.setDropCompleted(accepted);
        event.consume();
    }

    private void showImportErrors() {
        ImportSummary summary = model.lastImportProperty().get();
        if (summary == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (ImportError error : summary.errors()) {
            text.append(error.path()).append('\n').append("    ").append(error.message()).append("\n\n");
        }
        TextArea area = new TextArea(text.toString().strip());
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(720, 360);
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.setHeaderText(TasksViewModel.describe(summary));
        alert.getDialogPane().setContent(area);
        alert.show();
    }
}
