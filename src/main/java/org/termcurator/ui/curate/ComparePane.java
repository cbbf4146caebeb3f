package org.termcurator.ui.curate;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.termcurator.ui.curate.CurateViewModel.PresetDifferences.Difference;
import org.termcurator.ui.curate.CurateViewModel.PresetDifferences;

/** Two presets side by side: the samples one keeps and the other drops, with the other's reason. */
final class ComparePane extends BorderPane {

    private final TableView<Difference> table = new TableView<>();

    ComparePane(CurateViewModel model) {
        setId("curate-compare-pane");
        ComboBox<String> left = presets(model, "curate-compare-left");
        ComboBox<String> right = presets(model, "curate-compare-right");
        Button compare = new Button("Compare");
        compare.setId("curate-compare");
        compare.disableProperty().bind(left.valueProperty().isNull().or(right.valueProperty().isNull()));
        compare.setOnAction(event -> model.compare(left.getValue(), right.getValue()));
        Label summary = new Label("Choose two presets to see what one keeps that the other drops");
        summary.setId("curate-compare-summary");
        summary.setWrapText(true);
        HBox bar = new HBox(8, new Label("Preset"), left, new Label("against"), right, compare);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, bar, summary);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);

        table.setId("curate-compare-table");
        table.setPlaceholder(new Label("Both presets keep the same samples"));
        table.getColumns().add(Columns.text("Task", difference -> difference.sample().taskName(), 220));
        table.getColumns().add(Columns.text("Kept by", Difference::keptBy, 120));
        table.getColumns().add(Columns.text("Dropped by", Difference::droppedBy, 120));
        table.getColumns().add(Columns.text("Why the other drops it", Difference::reason, 300));
        table.getColumns().add(Columns.text("Turns", difference -> String.valueOf(difference.sample().turns()), 60));
        table.getColumns().add(Columns.text("Outcome", difference -> SamplesPane.reward(difference.sample()), 90));
        setCenter(table);
        model.comparisonProperty().addListener((observable, before, after) -> {
            if (after == null) {
                table.getItems().clear();
                return;
            }
            table.getItems().setAll(after.rows());
            summary.setText(describe(after));
        });
    }

    static String describe(PresetDifferences comparison) {
        long onlyLeft = comparison.rows().stream().filter(row -> row.keptBy().equals(comparison.left())).count();
        return String.format(Locale.ROOT, "'%s' keeps %,d, '%s' keeps %,d. Only '%s' keeps %,d; only '%s' keeps %,d.",
                comparison.left(), comparison.leftKept(), comparison.right(), comparison.rightKept(), comparison.left(),
                onlyLeft, comparison.right(), comparison.rows().size() - onlyLeft);
    }

    private static ComboBox<String> presets(CurateViewModel model, String id) {
        ComboBox<String> box = new ComboBox<>(model.presetNames());
        box.setId(id);
        box.setPromptText("preset");
        return box;
    }


    TableView<Difference> table() {
        return table;
    }
}
