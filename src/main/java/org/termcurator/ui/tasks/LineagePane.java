package org.termcurator.ui.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.tasks.TaskOrigin;
import org.termcurator.core.tasks.TaskProvenance;
import org.termcurator.core.tasks.query.TaskDetail;

/**
 * Where a generated task came from: the seed or the skills, the template and its version,
 * the model and endpoint, the run, and the exact prompt and raw answer. An imported task
 * has none; the pane says so.
 */
final class LineagePane extends VBox {

    private final TaskDetailViewModel model;
    private final Label summary = new Label();
    private final GridPane facts = new GridPane();
    private final TextArea prompt = new TextArea();
    private final TextArea answer = new TextArea();
    private final TabPane texts;

    LineagePane(TaskDetailViewModel model) {
        this.model = model;
        setId("task-lineage");
        setSpacing(8);
        setPadding(new Insets(8));
        summary.setId("task-lineage-summary");
        summary.setWrapText(true);
        facts.setId("task-lineage-facts");
        facts.setHgap(10);
        facts.setVgap(4);
        for (TextArea area : new TextArea[] {prompt, answer}) {
            area.setEditable(false);
            area.setWrapText(true);
        }
        prompt.setId("task-lineage-prompt");
        answer.setId("task-lineage-answer");
        Tab promptTab = new Tab("Prompt", prompt);
        Tab answerTab = new Tab("Raw answer", answer);
        answerTab.setId("tab-lineage-answer");
        texts = new TabPane(promptTab, answerTab);
        texts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(texts, Priority.ALWAYS);
        getChildren().setAll(summary, facts, texts);
        model.detailProperty().addListener((observable, before, after) -> show(after));
        show(model.detailProperty().get());
    }

    private void show(TaskDetail detail) {
        facts.getChildren().clear();
        prompt.clear();
        answer.clear();
        texts.setVisible(false);
        ProjectDb db = model.project();
        if (detail == null || db == null) {
            summary.setText("");
            return;
        }
        if (detail.stored().task().origin() != TaskOrigin.GENERATED) {
            summary.setText("Imported task: it was not generated in this project, so it has no lineage.");
            return;
        }
        long id = detail.stored().id();
        summary.setText("Reading the lineage…");
        Thread.ofVirtual().start(() -> {
            Optional<TaskProvenance.Shown> read;
            try {
                read = TaskProvenance.load(db, id);
            } catch (SQLException e) {
                Platform.runLater(() -> summary.setText("Cannot read the lineage: " + e.getMessage()));
                return;
            }
            Platform.runLater(() -> {
                if (model.shownId() == id) {
                    fill(read.orElse(null));
                }
            });
        });
    }

    private void fill(TaskProvenance.Shown provenance) {
        if (provenance == null) {
            summary.setText("Generated task without a recorded lineage.");
            return;
        }
        JsonNode lineage = provenance.lineage();
        String mode = lineage.path("mode").asText("");
        summary.setText("Generated " + (mode.equals("seed") ? "from a seed" : mode.equals("skill") ? "from sampled skills"
                : "") + " by " + lineage.path("model").asText("?") + ".");
        int row = 0;
        if (provenance.seedId() != null || lineage.hasNonNull("seed_id")) {
            row = add(row, "Seed", "#" + (provenance.seedId() != null ? provenance.seedId() : lineage.path("seed_id").asText())
                    + "  " + (provenance.seedLabel() != null ? provenance.seedLabel() : lineage.path("seed_title").asText("")));
        }
        if (!provenance.skills().isEmpty()) {
            row = add(row, "Skills", provenance.skills().stream().map(TaskProvenance.Skill::path)
                    .collect(Collectors.joining("\n")));
        } else if (lineage.path("skills").isArray() && !lineage.path("skills").isEmpty()) {
            row = add(row, "Skills", lineage.path("skills").toString());
        }
        row = add(row, "Domain", lineage.path("domain").asText(""));
        row = add(row, "Template", lineage.path("template").asText("") + ", version "
                + lineage.path("template_version").asText(""));
        row = add(row, "Model", lineage.path("model").asText(""));
        row = add(row, "Endpoint", lineage.path("endpoint").asText(""));
        row = add(row, "Run", lineage.path("run_id").asText("") + ", task " + lineage.path("task_number").asText("")
                + ", random seed " + lineage.path("random_seed").asText(""));
        row = add(row, "Generated at", lineage.path("generated_at").asText(""));
        row = add(row, "Tokens", lineage.path("prompt_tokens").asText("0") + " prompt, "
                + lineage.path("completion_tokens").asText("0") + " completion");
        if (lineage.path("warnings").isArray() && !lineage.path("warnings").isEmpty()) {
            StringBuilder warnings = new StringBuilder();
            lineage.path("warnings").forEach(warning -> warnings.append(warning.asText()).append('\n'));
            add(row, "Warnings", warnings.toString().strip());
        }
        prompt.setText(lineage.path("prompt").asText(""));
        answer.setText(lineage.path("raw_answer").asText(""));
        texts.setVisible(true);
    }

    private int add(int row, String label, String value) {
        Label text = new Label(value == null || value.isBlank() ? "—" : value);
        text.setWrapText(true);
        text.setId("task-lineage-" + label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        facts.addRow(row, new Label(label), text);
        return row + 1;
    }
}
