package org.termcurator.ui.seeds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.termcurator.core.seeds.BulkEdit;
import org.termcurator.core.seeds.ColumnMapping;
import org.termcurator.core.seeds.Seed;
import org.termcurator.core.seeds.SeedField;
import org.termcurator.core.seeds.SeedFile;
import org.termcurator.core.seeds.SeedStatus;
import org.termcurator.core.seeds.SeedStore;
import org.termcurator.core.seeds.Tags;
import org.termcurator.ui.controls.MarkdownView;
import org.termcurator.ui.session.UiServices;

/** The Seeds tab: a searchable table, a form editor with a Markdown preview, import with a mapping step. */
final class SeedsPane extends BorderPane {

    private static final String IGNORE = "(ignore)";

    private final SeedsViewModel model;
    private final UiServices services;
    private final TableView<Seed> table = new TableView<>();

    SeedsPane(SeedsViewModel model, UiServices services) {
        this.model = model;
        this.services = services;
        setId("seeds-pane");
        setTop(toolbar());
        SplitPane split = new SplitPane(table(), form());
        split.setDividerPositions(0.45);
        setCenter(split);
        Label status = new Label();
        status.setId("seeds-status");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(4, 8, 4, 8));
        setBottom(status);
        UndoKeys.install(this, model::undo, model::redo);
        model.reload();
    }

    private ToolBar toolbar() {
        Button add = button("New", "seeds-new", "A new seed (fill the form, then Save)", model::newSeed);
        Button delete = button("Delete", "seeds-delete", "Delete the selected seeds", () -> model.delete(selectedIds()));
        Button importButton = button("Import…", "seeds-import", "Import JSONL or CSV with a column mapping step", this::importSeeds);
        Button export = button("Export…", "seeds-export", "Export all seeds as JSONL or CSV", this::exportSeeds);
        Button bulk = button("Bulk Edit…", "seeds-bulk", "Set domain, tags or status of the selected seeds", this::bulkEdit);
        Button undo = button("Undo", "seeds-undo", "Undo (Ctrl+Z)", model::undo);
        undo.textProperty().bind(model.history().undoTextProperty());
        undo.disableProperty().bind(model.history().canUndoProperty().not());
        Button redo = button("Redo", "seeds-redo", "Redo (Ctrl+Shift+Z)", model::redo);
        redo.textProperty().bind(model.history().redoTextProperty());
        redo.disableProperty().bind(model.history().canRedoProperty().not());
        TextField search = new TextField();
        search.setId("seeds-search");
        search.setPromptText("Search seeds…");
        search.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        return new ToolBar(add, delete, importButton, export, bulk, undo, redo, search);
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> action.run());
        return button;
    }

    private TableView<Seed> table() {
        table.setId("seeds-table");
        table.setItems(model.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(column("#", 50, seed -> String.valueOf(seed.id())));
        table.getColumns().add(column("Seed", 260, Seed::label));
        table.getColumns().add(column("Domain", 140, seed -> seed.domain() == null ? "" : seed.domain()));
        table.getColumns().add(column("Status", 80, seed -> seed.status().key()));
        table.getColumns().add(column("Tags", 140, seed -> String.join(", ", seed.tags())));
        Label noSeeds = new Label("No seeds. Import a JSONL or CSV file, or add one with New.");
        noSeeds.setWrapText(true);
        noSeeds.setPadding(new javafx.geometry.Insets(8));
        table.setPlaceholder(noSeeds);
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null) {
                model.selectedProperty().set(after);
            }
        });
        model.selectedProperty().addListener((observable, before, after) -> {
            if (after == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != after) {
                table.getSelectionModel().select(after);
            }
        });
        return table;
    }

    private static TableColumn<Seed, String> column(String title, double width, java.util.function.Function<Seed, String> value) {
        TableColumn<Seed, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    private List<Long> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream().map(Seed::id).toList();
    }

    private VBox form() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(new ColumnConstraints(110), new ColumnConstraints());
        grid.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        int row = 0;
        grid.addRow(row++, new Label("Title"), field("seed-title", model.titleProperty()));
        grid.addRow(row++, new Label("Domain"), field("seed-domain", model.domainProperty()));
        ComboBox<SeedStatus> status = new ComboBox<>();
        status.setId("seed-status");
        status.getItems().setAll(SeedStatus.values());
        status.valueProperty().bindBidirectional(model.seedStatusProperty());
        grid.addRow(row++, new Label("Status"), status);
        grid.addRow(row++, new Label("Tags"), field("seed-tags", model.tagsProperty()));
        grid.addRow(row++, new Label("Source dataset"), field("seed-dataset", model.sourceDatasetProperty()));
        grid.addRow(row++, new Label("Source id"), field("seed-source-id", model.sourceIdProperty()));
        grid.addRow(row++, new Label("Licence"), field("seed-license", model.licenseProperty()));

        TextArea problem = area("seed-problem", model.problemProperty(), 8);
        MarkdownView preview = new MarkdownView();
        preview.setId("seed-preview");
        model.problemProperty().addListener((observable, before, after) -> preview.setMarkdown(after));
        preview.setMarkdown(model.problemProperty().get());
        Tab write = new Tab("Problem", problem);
        Tab show = new Tab("Preview", preview);
        show.setId("seed-preview-tab");
        TabPane problemTabs = new TabPane(write, show);
        problemTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        problemTabs.setPrefHeight(220);

        TextArea reference = area("seed-reference", model.referenceSolutionProperty(), 4);
        Label referenceNote = new Label("Reference solution — given to the generator to derive expected values only; "
                + "a task that shows it gets a leak warning.");
        referenceNote.getStyleClass().add("text-muted");
        referenceNote.setWrapText(true);
        referenceNote.setMinHeight(Label.USE_PREF_SIZE);
        TextArea notes = area("seed-notes", model.notesProperty(), 2);

        Button save = new Button("Save");
        save.setId("seed-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(false);
        save.setOnAction(event -> model.save());

        ListView<SeedStore.TaskRef> tasks = new ListView<>(model.tasksOfSelected());
        tasks.setId("seed-tasks");
        tasks.setPrefHeight(90);
        tasks.setPlaceholder(new Label("No tasks generated from this seed yet"));
        tasks.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(SeedStore.TaskRef task, boolean empty) {
                super.updateItem(task, empty);
                setText(empty || task == null ? null : "#" + task.id() + "  " + task.name()
                        + (task.status() == null ? "" : "  (" + task.status() + ")"));
            }
        });

        VBox form = new VBox(8, grid, problemTabs, referenceNote, reference, new Label("Notes"), notes,
                new HBox(8, save), new Label("Tasks generated from this seed"), tasks);
        form.setPadding(new Insets(8));
        form.setId("seed-form");
        return form;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static TextArea area(String id, javafx.beans.property.StringProperty property, int rows) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPrefRowCount(rows);
        area.setWrapText(true);
        area.textProperty().bindBidirectional(property);
        return area;
    }

    private void importSeeds() {
        services.fileDialogs().chooseFileToOpen(getScene().getWindow(), "Import Seeds", "Seed files", "*.jsonl",
                        "*.ndjson", "*.json", "*.csv", "*.tsv")
                .ifPresent(file -> model.preview(file).thenAccept(source -> askMapping(source)
                        .ifPresent(mapping -> model.importFile(source, mapping))).exceptionally(failure -> {
                            model.statusProperty().set("Cannot read " + file + ": " + failure.getMessage());
                            return null;
                        }));
    }

    /** The mapping step: each column with a sample value and the field it fills, as suggested. */
    Optional<ColumnMapping> askMapping(SeedFile source) {
        ColumnMapping suggested = ColumnMapping.suggest(source.columns());
        Dialog<ColumnMapping> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Map columns");
        dialog.setHeaderText(source.file().getFileName() + ": " + source.rows().size() + " rows"
                + (source.problems().isEmpty() ? "" : ", " + source.problems().size() + " unreadable"));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label("Column"), new Label("Example"), new Label("Seed field"));
        Map<String, ComboBox<String>> choices = new LinkedHashMap<>();
        int row = 1;
        for (String column : source.columns()) {
            ComboBox<String> choice = new ComboBox<>();
            choice.setId("mapping-" + column.replaceAll("[^A-Za-z0-9_-]", "_"));
            choice.getItems().add(IGNORE);
            choice.getItems().addAll(SeedField.keys());
            choice.setValue(suggested.fields().containsKey(column) ? suggested.fields().get(column).key() : IGNORE);
            String sample = source.rows().isEmpty() ? "" : source.rows().getFirst().values().getOrDefault(column, "");
            Label example = new Label(sample.length() > 50 ? sample.substring(0, 50) + "…" : sample);
            grid.addRow(row++, new Label(column), example, choice);
            choices.put(column, choice);
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            Map<String, SeedField> chosen = new LinkedHashMap<>();
            choices.forEach((column, choice) -> chosen.put(column,
                    IGNORE.equals(choice.getValue()) ? null : SeedField.byKey(choice.getValue()).orElseThrow()));
            return ColumnMapping.withOverrides(source.columns(), chosen);
        });
        return dialog.showAndWait();
    }

    private void exportSeeds() {
        services.fileDialogs().chooseFileToSave(getScene().getWindow(), "Export Seeds", "seeds.jsonl", "Seed files",
                "*.jsonl", "*.csv", "*.tsv").ifPresent(model::exportFile);
    }

    private void bulkEdit() {
        List<Long> ids = selectedIds();
        if (ids.isEmpty()) {
            model.statusProperty().set("Select the seeds to edit first");
            return;
        }
        Dialog<BulkEdit> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Bulk edit");
        dialog.setHeaderText("Edit " + ids.size() + " seeds (empty fields stay as they are)");
        TextField domain = new TextField();
        domain.setId("bulk-domain");
        TextField tags = new TextField();
        tags.setId("bulk-tags");
        tags.setPromptText("tags to add, comma-separated");
        ComboBox<String> status = new ComboBox<>();
        status.setId("bulk-status");
        status.getItems().addAll("(unchanged)", "new", "used", "rejected");
        status.setValue("(unchanged)");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Domain"), domain);
        grid.addRow(1, new Label("Add tags"), tags);
        grid.addRow(2, new Label("Status"), status);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button != ButtonType.OK ? null : new BulkEdit(
                domain.getText().isBlank() ? null : domain.getText(),
                tags.getText().isBlank() ? null : Tags.parse(tags.getText()), false,
                status.getValue().startsWith("(") ? null : SeedStatus.parse(status.getValue())));
        dialog.showAndWait().ifPresent(edit -> model.bulkEdit(ids, edit));
    }
}
