package org.termcurator.ui.rollouts;

import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.termcurator.core.project.ProjectInfo;
import org.termcurator.ui.controls.EmptyState;
import org.termcurator.ui.controls.ProjectSectionView;
import org.termcurator.ui.session.ProjectActions;
import org.termcurator.ui.session.UiServices;

/**
 * The Rollouts section: whether Docker is there, the rollouts queued in this window and those
 * stored in the project with their phase and outcome, overall progress, cancel / cancel all /
 * retry failed, opening a finished rollout's trajectory, and the live terminal of a running one.
 */
public final class RolloutsView extends BorderPane {

    private static final PseudoClass UNREACHABLE = PseudoClass.getPseudoClass("unreachable");

    private final RolloutsViewModel model;
    private final ProjectActions actions;
    private final TableView<RolloutItem> table = new TableView<>();
    private final LiveTerminalPane terminal;
    private final ProjectSectionView noProject;
    private final Node content;

    public RolloutsView(UiServices services, ProjectActions actions) {
        this.model = new RolloutsViewModel(services, Platform::runLater);
        this.actions = actions;
        this.terminal = new LiveTerminalPane(model.terminals());
        setId("rollouts-view");
        setTop(dockerBanner(services));
        noProject = new ProjectSectionView(services, "rollouts-project", Feather.BOX, actions, RolloutsView::describe);
        content = content();
        services.session().projectProperty().addListener((observable, before, after) -> showProjectOrNot());
        showProjectOrNot();
    }

    public RolloutsViewModel model() {
        return model;
    }

    private void showProjectOrNot() {
        setCenter(model.hasProject() ? content : noProject);
    }

    private Node content() {
        table.setId("rollouts-table");
        table.getColumns().setAll(java.util.List.of(
                column("Task", 220, RolloutItem::taskProperty),
                column("#", 40, item -> new javafx.beans.property.SimpleStringProperty(Integer.toString(item.attempt()))),
                column("Agent", 130, RolloutItem::agentProperty),
                column("Status", 90, item -> item.statusProperty().map(status -> status.dbValue())),
                progressColumn(),
                column("Outcome", 260, RolloutItem::outcomeProperty),
                column("Limits", 220, RolloutItem::limitsProperty),
                column("Queued", 190, RolloutItem::whenProperty)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(model.items());
        Label placeholder = new Label("No rollouts yet: select tasks in the Tasks section and run the oracle or "
                + "roll them out with an agent.");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        table.setRowFactory(view -> {
            TableRow<RolloutItem> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && row.getItem() != null) {
                    openTrajectory(row.getItem());
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> terminal.watch(after));

        SplitPane split = new SplitPane(table, terminal);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        BorderPane pane = new BorderPane(split);
        pane.setTop(toolbar());
        return pane;
    }

    private HBox toolbar() {
        ProgressBar overall = new ProgressBar();
        overall.setId("rollouts-progress");
        overall.setPrefWidth(180);
        overall.progressProperty().bind(model.progressProperty());
        Label summary = new Label();
        summary.setId("rollouts-summary");
        summary.textProperty().bind(model.summaryProperty());
        ObservableValue<RolloutItem> selected = table.getSelectionModel().selectedItemProperty();

        Button cancel = button("Cancel", "rollouts-cancel", Feather.X_CIRCLE, () -> model.cancel(selected.getValue()));
        cancel.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            RolloutItem item = selected.getValue();
            return item == null || item.handle() == null || !item.isRunning();
        }, selected, model.items(), model.refreshedProperty()));
        Button cancelAll = button("Cancel all", "rollouts-cancel-all", Feather.SLASH, model::cancelAll);
        Button retry = button("Retry failed", "rollouts-retry", Feather.ROTATE_CW, model::retryFailed);
        Button open = button("Open trajectory", "rollouts-open-trajectory", Feather.PLAY_CIRCLE,
                () -> openTrajectory(selected.getValue()));
        open.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                selected.getValue() == null || selected.getValue().trajectoryId() == null, selected, model.items(),
                model.refreshedProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, overall, summary, spacer, cancel, cancelAll, retry, open);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        return bar;
    }

    private void openTrajectory(RolloutItem item) {
        if (item != null && item.trajectoryId() != null) {
            actions.openTrajectory(item.trajectoryId());
        }
    }

    private static Button button(String text, String id, Feather icon, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static TableColumn<RolloutItem, String> column(String title, double width,
                                                           Function<RolloutItem, ObservableValue<String>> value) {
        TableColumn<RolloutItem, String> column = new TableColumn<>(title);
        column.setId("rollouts-column-" + title.toLowerCase(java.util.Locale.ROOT).replace('#', 'n'));
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setPrefWidth(width);
        return column;
    }

    /** The phase as a bar with its name over it, per rollout. */
    private static TableColumn<RolloutItem, RolloutItem.Progress> progressColumn() {
        TableColumn<RolloutItem, RolloutItem.Progress> column = new TableColumn<>("Phase");
        column.setId("rollouts-column-phase");
        column.setPrefWidth(150);
        column.setCellValueFactory(cell -> cell.getValue().progressProperty());
        column.setCellFactory(view -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label label = new Label();
            private final StackPane stack = new StackPane(bar, label);

            {
                bar.setMaxWidth(Double.MAX_VALUE);
            }

            @Override
            protected void updateItem(RolloutItem.Progress progress, boolean empty) {
                super.updateItem(progress, empty);
                if (empty || progress == null) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(progress.done());
                label.setText(progress.phase());
                setGraphic(stack);
            }
        });
        return column;
    }

    private static HBox dockerBanner(UiServices services) {
        FontIcon icon = new FontIcon(Feather.SERVER);
        Label summary = new Label();
        summary.setId("rollouts-docker-summary");
        summary.getStyleClass().add("text-bold");
        summary.textProperty().bind(services.docker().summaryProperty());
        Label detail = new Label();
        detail.getStyleClass().add("text-muted");
        detail.setWrapText(true);
        detail.textProperty().bind(services.docker().detailProperty());
        Button check = new Button("Check again");
        check.setOnAction(event -> services.docker().recheck());
        VBox text = new VBox(2, summary, detail);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox banner = new HBox(12, icon, text, check);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(10, 16, 10, 16));
        banner.getStyleClass().add("docker-banner");
        services.docker().reachableProperty().addListener((observable, was, ok) ->
                banner.pseudoClassStateChanged(UNREACHABLE, !ok));
        banner.pseudoClassStateChanged(UNREACHABLE, !services.docker().reachableProperty().get());
        return banner;
    }

    static void describe(ProjectInfo info, EmptyState state) {
        state.update("No project open", "Open a project to run its tasks in local Docker containers with the oracle "
                + "solution, a replayed trajectory or an LLM agent; every run is recorded and verified by its tests.");
    }
}
