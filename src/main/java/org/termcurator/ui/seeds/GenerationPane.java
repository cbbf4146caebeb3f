package org.termcurator.ui.seeds;

import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.termcurator.core.generation.GenerationMode;
import org.termcurator.core.generation.TemplateRenderer;

/**
 * The Generation tab: the template editor (typing {{ offers the variables), a rendered
 * preview for a sample, and the run form whose runs go to the Jobs panel.
 */
final class GenerationPane extends BorderPane {

    private final GenerationViewModel model;
    private final TextArea template = new TextArea();
    private final ContextMenu completion = new ContextMenu();

    GenerationPane(GenerationViewModel model) {
        this.model = model;
        setId("generation-pane");
        SplitPane split = new SplitPane(editor(), runForm());
        split.setDividerPositions(0.6);
        setCenter(split);
        Label status = new Label();
        status.setId("generation-status");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(4, 8, 4, 8));
        setBottom(status);
        model.loadTemplate();
    }

    private VBox editor() {
        ComboBox<GenerationMode> mode = new ComboBox<>();
        mode.setId("template-mode");
        mode.getItems().setAll(GenerationMode.values());
        mode.valueProperty().bindBidirectional(model.modeProperty());
        TextField domain = new TextField();
        domain.setId("template-domain");
        domain.setPromptText("every domain");
        domain.textProperty().bindBidirectional(model.templateDomainProperty());
        domain.setOnAction(event -> model.loadTemplate());
        Button save = button("Save Template", "template-save", model::saveTemplate);
        Button reset = button("Reset", "template-reset", model::resetTemplate);
        Button render = button("Preview", "template-preview-button", model::renderPreview);
        ToolBar bar = new ToolBar(new Label("Mode"), mode, new Label("Domain"), domain, save, reset, render);

        template.setId("template-text");
        template.setWrapText(true);
        template.textProperty().bindBidirectional(model.templateTextProperty());
        template.setOnKeyTyped(event -> {
            int caret = template.getCaretPosition();
            if (caret >= 2 && template.getText(caret - 2, caret).equals("{{")) {
                showCompletion();
            }
        });
        VBox.setVgrow(template, Priority.ALWAYS);
        Label info = new Label();
        info.setId("template-info");
        info.textProperty().bind(model.templateInfoProperty());
        Label problems = new Label();
        problems.setId("template-problems");
        problems.getStyleClass().add("danger");
        problems.textProperty().bind(model.previewProblemsProperty());
        TextArea preview = new TextArea();
        preview.setId("template-preview");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.textProperty().bind(model.previewProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);
        VBox box = new VBox(6, bar, info, template, problems, new Label("Rendered for a sample"), preview);
        box.setPadding(new Insets(0, 8, 8, 8));
        return box;
    }

    /** The variables a run fills, offered where {{ was typed. */
    private void showCompletion() {
        completion.getItems().clear();
        for (Map.Entry<String, String> variable : TemplateRenderer.VARIABLES.entrySet()) {
            MenuItem item = new MenuItem(variable.getKey() + " — " + variable.getValue());
            item.setId("variable-" + variable.getKey());
            item.setOnAction(event -> template.insertText(template.getCaretPosition(), variable.getKey() + "}}"));
            completion.getItems().add(item);
        }
        var bounds = template.localToScreen(template.getBoundsInLocal());
        if (bounds != null) {
            completion.show(template, bounds.getMinX() + 20, bounds.getMinY() + 40);
        }
    }

    ContextMenu completion() {
        return completion;
    }

    private VBox runForm() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ComboBox<GenerationMode> mode = new ComboBox<>();
        mode.setId("run-mode");
        mode.getItems().setAll(GenerationMode.values());
        mode.valueProperty().bindBidirectional(model.modeProperty());
        Spinner<Integer> count = new Spinner<>(1, 10_000, model.countProperty().get());
        count.setId("run-count");
        count.setEditable(true);
        count.valueProperty().addListener((observable, before, after) -> model.countProperty().set(after));
        Spinner<Integer> concurrency = new Spinner<>(1, 64, model.concurrencyProperty().get());
        concurrency.setId("run-concurrency");
        concurrency.valueProperty().addListener((observable, before, after) -> model.concurrencyProperty().set(after));
        int row = 0;
        grid.addRow(row++, new Label("Mode"), mode);
        grid.addRow(row++, new Label("Tasks"), count);
        grid.addRow(row++, new Label("Domain"), field("run-domain", model.domainProperty(), "any"));
        grid.addRow(row++, new Label("Seeds"), field("run-seeds", model.seedQueryProperty(), "all new seeds (or words to match)"));
        grid.addRow(row++, new Label("Random seed"), field("run-random-seed", model.randomSeedProperty(), "random"));
        grid.addRow(row++, new Label("Concurrency"), concurrency);
        grid.addRow(row++, new Label("Endpoint"), field("run-endpoint", model.endpointProperty(), "http://…/v1"));
        grid.addRow(row++, new Label("Model"), field("run-model", model.modelProperty(), "model name"));
        grid.addRow(row++, new Label("API key variable"), field("run-api-key-env", model.apiKeyEnvVarProperty(),
                "environment variable (none: no key is sent)"));
        grid.addRow(row++, new Label("Base image"), field("run-base-image", model.baseImageProperty(), ""));
        grid.addRow(row++, new Label("Output folder"), field("run-out", model.outDirProperty(), ""));
        Button run = button("Generate", "run-generate", model::run);
        run.getStyleClass().add("accent");
        Button validate = button("Run Oracle-free Validation", "run-validate", model::validateLastRun);
        ListView<GenerationViewModel.RunOutcome> results = new ListView<>(model.results());
        results.setId("run-results");
        results.setPlaceholder(new Label("Generated tasks and failures appear here"));
        TextArea answer = new TextArea();
        answer.setId("run-answer");
        answer.setEditable(false);
        answer.setWrapText(true);
        answer.setPromptText("Select a result to read the prompt sent and the model's raw answer");
        results.getSelectionModel().selectedItemProperty().addListener((observable, before, outcome) ->
                answer.setText(outcome == null || outcome.prompt() == null ? "" : "Prompt:\n" + outcome.prompt()
                        + "\n\nRaw answer:\n" + (outcome.rawAnswer() == null ? "(none: no answer came)" : outcome.rawAnswer())));
        SplitPane output = new SplitPane(results, answer);
        output.setOrientation(javafx.geometry.Orientation.VERTICAL);
        VBox.setVgrow(output, Priority.ALWAYS);
        Label note = new Label("The API key is read from the environment variable named above; it is never stored. "
                + "Generated tasks go into the project's Tasks, linted, with their lineage.");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        VBox box = new VBox(8, grid, note, new HBox(8, run, validate), output);
        box.setPadding(new Insets(8));
        return box;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }
}
