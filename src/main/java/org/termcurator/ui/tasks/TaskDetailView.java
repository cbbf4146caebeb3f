package org.termcurator.ui.tasks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.termcurator.core.io.SafeText;
import org.termcurator.core.tasks.MetadataField;
import org.termcurator.core.tasks.Task;
import org.termcurator.core.tasks.TaskFile;
import org.termcurator.core.tasks.TaskFormat;
import org.termcurator.core.tasks.TaskLayout;
import org.termcurator.core.tasks.lint.LintFinding;
import org.termcurator.core.tasks.query.TaskDetail;
import org.termcurator.ui.controls.CodeView;
import org.termcurator.ui.controls.MarkdownView;

/**
 * The selected task: its instruction rendered, its files (tree and code viewer/editor), its
 * metadata (the config's fields editable in a form), its lint findings and its runs; with
 * Save, Undo and Revert for unsaved edits and the first problem of the edits shown.
 */
final class TaskDetailView extends BorderPane {

    private final TaskDetailViewModel model;
    private final TasksViewModel tasks;
    private final Label name = new Label("No task selected");
    private final Label dirtyMark = new Label("● Unsaved changes");
    private final Label problem = new Label();
    private final TabPane tabs = new TabPane();
    private final MarkdownView instruction = new MarkdownView();
    private final TextArea instructionEditor = new TextArea();
    private final ToggleButton editInstruction = new ToggleButton("Edit");
    private final TreeView<String> fileTree = new TreeView<>();
    private final CodeView code = new CodeView();
    private final ToggleButton editFile = new ToggleButton("Edit");
    private final Label fileInfo = new Label();
    private final GridPane metadata = new GridPane();
    private final Map<MetadataField, TextField> metadataFields = new java.util.EnumMap<>(MetadataField.class);
    private final ListView<String> lint = new ListView<>();
    private final Label passRate = new Label();
    private final TableView<TaskDetail.Run> runs = new TableView<>();
    private String shownFile;
    private boolean updating;

    TaskDetailView(TasksViewModel tasks) {
        this.tasks = tasks;
        this.model = tasks.detail();
        setId("task-detail");
        getStyleClass().add("task-detail");
        setTop(header());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("Instruction", "tab-instruction", instructionPane()),
                tab("Files", "tab-files", filesPane()),
                tab("Metadata", "tab-metadata", metadataPane()),
                tab("Lint", "tab-lint", lint),
                tab("Runs", "tab-runs", runsPane()),
                tab("Lineage", "tab-lineage", new LineagePane(model)));
        setCenter(tabs);
        lint.setId("task-lint");
        lint.setPlaceholder(new Label("No findings"));
        model.detailProperty().addListener((observable, before, after) -> showDetail(after));
        model.problemProperty().addListener((observable, before, after) -> showProblem());
        // undone, reverted, changed from the form or saved: the texts on screen follow
        model.revisionProperty().addListener((observable, before, after) -> refreshFromModel());
        tasks.searchTermsProperty().addListener((observable, before, after) -> {
            instruction.setSearchTerms(after);
            code.setSearchTerms(after);
        });
        showDetail(null);
    }

    private static Tab tab(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    private Node header() {
        name.setId("task-detail-name");
        name.getStyleClass().add("title-4");
        dirtyMark.setId("task-detail-dirty");
        dirtyMark.getStyleClass().add("dirty-mark");
        dirtyMark.visibleProperty().bind(model.dirtyProperty());
        dirtyMark.managedProperty().bind(dirtyMark.visibleProperty());
        Button save = new Button("Save");
        save.setId("task-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(model.dirtyProperty().not().or(model.savingProperty())
                .or(model.problemProperty().isNotEmpty()));
        save.setOnAction(event -> model.save());
        Button undo = new Button("Undo");
        undo.setId("task-undo");
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(event -> model.undo());
        Button revert = new Button("Revert");
        revert.setId("task-revert");
        revert.disableProperty().bind(model.dirtyProperty().not());
        revert.setOnAction(event -> model.revert());
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        for (Button button : new Button[] {save, undo, revert}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        // a long task name ellipsizes; the tooltip has it whole
        name.setMinWidth(0);
        name.setTooltip(new javafx.scene.control.Tooltip());
        name.getTooltip().textProperty().bind(name.textProperty());
        HBox top = new HBox(8, name, dirtyMark, undo, revert, save);
        top.setAlignment(Pos.CENTER_LEFT);
        problem.setId("task-problem");
        problem.getStyleClass().add("task-problem");
        problem.setWrapText(true);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox header = new VBox(4, top, problem);
        header.setPadding(new Insets(8, 10, 6, 10));
        return header;
    }

    private Node instructionPane() {
        instruction.setId("task-instruction");
        instructionEditor.setId("task-instruction-editor");
        instructionEditor.setWrapText(true);
        instructionEditor.getStyleClass().add("instruction-editor");
        editInstruction.setId("task-edit-instruction");
        StackPane body = new StackPane(instruction);
        editInstruction.selectedProperty().addListener((observable, was, editing) -> {
            if (editing) {
                updating = true;
                instructionEditor.setText(model.instruction());
                updating = false;
                body.getChildren().setAll(instructionEditor);
            } else {
                instruction.setMarkdown(model.instruction());
                body.getChildren().setAll(instruction);
            }
        });
        instructionEditor.textProperty().addListener((observable, before, after) -> {
            if (!updating) {
                model.setInstruction(after);
            }
        });
        HBox bar = new HBox(editInstruction);
        bar.setPadding(new Insets(4, 6, 4, 6));
        bar.setAlignment(Pos.CENTER_RIGHT);
        return new BorderPane(body, bar, null, null, null);
    }

    private Node filesPane() {
        fileTree.setId("task-files");
        fileTree.setShowRoot(false);
        fileTree.setCellFactory(tree -> new TreeCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                String path = (String) getTreeItem().getValue();
                String label = path.substring(path.lastIndexOf('/') + 1);
                setText(model.editedFiles().contains(path) ? label + " ●" : label);
            }
        });
        fileTree.getSelectionModel().selectedItemProperty().addListener((observable, before, item) -> {
            if (item != null && item.isLeaf() && item.getParent() != null) {
                showFile(item.getValue());
            }
        });
        model.editedFiles().addListener((javafx.collections.SetChangeListener<String>) change -> fileTree.refresh());
        code.setId("task-code");
        editFile.setId("task-edit-file");
        editFile.selectedProperty().addListener((observable, was, editing) ->
                code.setEditable(editing && shownFile != null && model.isTextFile(shownFile)));
        code.textProperty().addListener((ChangeListener<String>) (observable, before, after) -> {
            if (!updating && shownFile != null && editFile.isSelected()) {
                model.edit(shownFile, after);
            }
        });
        fileInfo.getStyleClass().add("text-muted");
        HBox bar = new HBox(8, fileInfo, editFile);
        HBox.setHgrow(fileInfo, Priority.ALWAYS);
        fileInfo.setMaxWidth(Double.MAX_VALUE);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        SplitPane split = new SplitPane(fileTree, new BorderPane(code, bar, null, null, null));
        split.setDividerPositions(0.3);
        return split;
    }

    private Node metadataPane() {
        metadata.setId("task-metadata");
        metadata.setHgap(10);
        metadata.setVgap(6);
        metadata.setPadding(new Insets(10));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(metadata);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node runsPane() {
        runs.setId("task-runs");
        runs.setPlaceholder(new Label("No rollouts or trajectories of this task yet"));
        runs.getColumns().add(runColumn("Kind", TaskDetail.Run::kind));
        runs.getColumns().add(runColumn("Agent", TaskDetail.Run::agent));
        runs.getColumns().add(runColumn("Model", TaskDetail.Run::model));
        runs.getColumns().add(runColumn("Result", TaskDetail.Run::status));
        runs.getColumns().add(runColumn("Reward", run -> run.reward() == null ? "" : String.valueOf(run.reward())));
        runs.getColumns().add(runColumn("When", TaskDetail.Run::when));
        passRate.setId("task-pass-rate");
        VBox box = new VBox(6, passRate, runs);
        VBox.setVgrow(runs, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static TableColumn<TaskDetail.Run, String> runColumn(String title,
                                                                 java.util.function.Function<TaskDetail.Run, String> value) {
        TableColumn<TaskDetail.Run, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    private void showDetail(TaskDetail detail) {
        shownFile = null;
        editInstruction.setSelected(false);
        editFile.setSelected(false);
        if (detail == null) {
            name.setText(model.shownId() < 0 ? "No task selected" : "Loading…");
            instruction.setMarkdown("");
            fileTree.setRoot(null);
            code.show("", "");
            fileInfo.setText("");
            metadata.getChildren().clear();
            lint.getItems().clear();
            runs.getItems().clear();
            passRate.setText("");
            return;
        }
        Task task = detail.stored().task();
        name.setText(SafeText.oneLine(task.name()));
        instruction.setSearchTerms(tasks.searchTermsProperty().get());
        code.setSearchTerms(tasks.searchTermsProperty().get());
        instruction.setMarkdown(model.instruction());
        fileTree.setRoot(tree(task.files()));
        String first = task.file(TaskLayout.HARBOR_DOCKERFILE).isPresent() ? TaskLayout.HARBOR_DOCKERFILE
                : task.file(TaskLayout.TB1_DOCKERFILE).isPresent() ? TaskLayout.TB1_DOCKERFILE
                : task.files().isEmpty() ? null : task.files().getFirst().path();
        if (first != null) {
            selectInTree(first);
        }
        fillMetadata(detail);
        lint.getItems().setAll(detail.findings().stream().map(TaskDetailView::describe).toList());
        runs.getItems().setAll(detail.runs());
        Double rate = detail.passRate();
        passRate.setText(rate == null ? "Pass rate: no verdict yet"
                : String.format(Locale.ROOT, "Pass rate: %.0f%% of %d runs", rate * 100, detail.runs().size()));
        showProblem();
    }

    /** Puts the model's current texts on screen (after undo, revert or save). */
    private void refreshFromModel() {
        if (model.detailProperty().get() == null) {
            return;
        }
        updating = true;
        if (editInstruction.isSelected()) {
            instructionEditor.setText(model.instruction());
        } else {
            instruction.setMarkdown(model.instruction());
        }
        if (shownFile != null && model.isTextFile(shownFile) && !model.text(shownFile).equals(code.getText())) {
            code.show(shownFile, model.text(shownFile));
        }
        fillMetadata(model.detailProperty().get());
        updating = false;
    }

    private static String describe(LintFinding finding) {
        String where = finding.file() == null ? "" : finding.file() + (finding.line() > 0 ? ":" + finding.line() : "") + "  ";
        return finding.severity().id().toUpperCase(Locale.ROOT) + "  " + where + finding.message()
                + "  [" + finding.rule().id() + "]";
    }

    private TreeItem<String> tree(List<TaskFile> files) {
        TreeItem<String> root = new TreeItem<>("");
        Map<String, TreeItem<String>> folders = new TreeMap<>();
        for (TaskFile file : files.stream().sorted(java.util.Comparator.comparing(TaskFile::path)).toList()) {
            TreeItem<String> parent = root;
            String[] parts = file.path().split("/");
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                prefix.append(parts[i]).append('/');
                TreeItem<String> current = parent;
                String key = prefix.toString();
                parent = folders.computeIfAbsent(key, folder -> {
                    TreeItem<String> item = new TreeItem<>(key.substring(0, key.length() - 1));
                    item.setExpanded(true);
                    current.getChildren().add(item);
                    return item;
                });
            }
            parent.getChildren().add(new TreeItem<>(file.path()));
        }
        return root;
    }

    private void selectInTree(String path) {
        TreeItem<String> found = find(fileTree.getRoot(), path);
        if (found != null) {
            fileTree.getSelectionModel().select(found);
        }
    }

    private static TreeItem<String> find(TreeItem<String> item, String path) {
        if (item == null) {
            return null;
        }
        if (item.isLeaf() && path.equals(item.getValue())) {
            return item;
        }
        for (TreeItem<String> child : item.getChildren()) {
            TreeItem<String> found = find(child, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Opens a file in the code view (and the Files tab). */
    void showFile(String path) {
        TaskDetail detail = model.detailProperty().get();
        if (detail == null) {
            return;
        }
        TaskFile file = detail.stored().task().file(path).orElse(null);
        if (file == null) {
            return;
        }
        shownFile = path;
        updating = true;
        if (file.isText()) {
            code.show(path, model.text(path));
            fileInfo.setText(String.format(Locale.ROOT, "%s · %,d bytes%s", path, file.size(),
                    file.executable() ? " · executable" : ""));
        } else if (file.kind() == TaskFile.Kind.BINARY) {
            code.show("", String.format(Locale.ROOT, "Binary file, %,d bytes%nSHA-256 %s", file.size(), file.sha256()));
            fileInfo.setText(path + " · binary");
        } else {
            code.show("", String.format(Locale.ROOT, "Over the size cap (%,d bytes): kept as a reference to%n%s%nSHA-256 %s",
                    file.size(), file.originalPath(), file.sha256()));
            fileInfo.setText(path + " · kept by reference");
        }
        updating = false;
        editFile.setDisable(!file.isText());
        code.setEditable(editFile.isSelected() && file.isText());
        showProblem();
    }

    /** Opens the Files tab on a file. */
    void openFile(String path) {
        tabs.getSelectionModel().select(1);
        selectInTree(path);
    }

    private void fillMetadata(TaskDetail detail) {
        metadata.getChildren().clear();
        metadataFields.clear();
        Task task = model.currentTask() == null ? detail.stored().task() : model.currentTask();
        int row = 0;
        row = addEditable(row, "Category", MetadataField.CATEGORY, task.category());
        row = addEditable(row, "Difficulty", MetadataField.DIFFICULTY, task.difficulty());
        row = addEditable(row, "Tags", MetadataField.TAGS, String.join(", ", task.tags()));
        row = addEditable(row, "Agent timeout (s)", MetadataField.AGENT_TIMEOUT_SEC, number(task.agentTimeoutSec()));
        row = addEditable(row, "Verifier timeout (s)", MetadataField.VERIFIER_TIMEOUT_SEC, number(task.verifierTimeoutSec()));
        row = addFixed(row, "Format", task.format() == TaskFormat.HARBOR ? "Harbor" : task.format().id());
        row = addFixed(row, "Origin", task.origin().id());
        row = addFixed(row, "Source", task.sourcePath());
        row = addFixed(row, "Base image", task.baseImage());
        row = addFixed(row, "Docker image", task.dockerImage());
        row = addFixed(row, "CPUs", number(task.cpus()));
        row = addFixed(row, "Memory (MB)", task.memoryMb() == null ? "" : task.memoryMb().toString());
        row = addFixed(row, "Internet", task.allowInternet() == null ? "" : task.allowInternet() ? "allowed" : "blocked");
        row = addFixed(row, "Build timeout (s)", number(task.buildTimeoutSec()));
        row = addFixed(row, "Solution", task.hasSolution() ? "yes" : "no");
        row = addFixed(row, "Tests", task.hasTests() ? "yes" : "no");
        row = addFixed(row, "Files", String.valueOf(task.files().size()));
        row = addFixed(row, "Content hash", task.contentHash());
        row = addFixed(row, "Created", detail.stored().createdAt());
        addFixed(row, "Updated", detail.stored().updatedAt());
    }

    private int addEditable(int row, String label, MetadataField field, String value) {
        TextField input = new TextField(value == null ? "" : value);
        input.setId("meta-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        input.setPrefColumnCount(30);
        long forTask = model.shownId();
        Runnable apply = () -> {
            // a field of the task shown before (removed as another one was shown) must not apply to this one
            if (!updating && model.shownId() == forTask && input.getParent() != null) {
                model.setMetadata(field, input.getText());
            }
        };
        input.setOnAction(event -> apply.run());
        input.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                apply.run();
            }
        });
        metadataFields.put(field, input);
        metadata.addRow(row, new Label(label), input);
        return row + 1;
    }

    private int addFixed(int row, String label, String value) {
        Label text = new Label(value == null || value.isEmpty() ? "—" : value);
        text.setWrapText(true);
        metadata.addRow(row, new Label(label), text);
        return row + 1;
    }

    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }

    private void showProblem() {
        String text = model.problemProperty().get();
        problem.setText(text == null ? "" : text);
        String file = model.problemFileProperty().get();
        code.markErrorLine(file != null && file.equals(shownFile) ? model.problemLineProperty().get() : 0);
    }
}
