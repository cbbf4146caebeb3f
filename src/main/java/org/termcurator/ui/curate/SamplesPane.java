package org.termcurator.ui.curate;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.termcurator.core.curate.SampleRef;

/**
 * The sample browser: kept samples in export order and dropped ones with the reason, in a
 * virtualized table whose rows are made only when shown. Choosing a row shows that sample as
 * the export will write it.
 */
final class SamplesPane extends BorderPane {

    private final TableView<SampleRow> table = new TableView<>();

    SamplesPane(CurateViewModel model, ExportViewModel export) {
        setId("curate-samples-pane");
        ComboBox<BrowseMode> mode = new ComboBox<>();
        mode.setId("curate-browse-mode");
        mode.getItems().setAll(BrowseMode.values());
        mode.valueProperty().bindBidirectional(model.showProperty());
        Label count = new Label();
        count.setId("curate-samples-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d samples",
                model.samplesProperty().get().size()), model.samplesProperty()));
        HBox bar = new HBox(8, new Label("Show"), mode, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        setTop(bar);

        table.setId("curate-samples");
        table.setPlaceholder(new Label("No samples"));
        table.setFixedCellSize(26); // equal rows keep scrolling over 100k samples cheap
        table.setTableMenuButtonVisible(true);
        table.getColumns().add(keptColumn());
        table.getColumns().add(Columns.text("#", row -> String.valueOf(row.position() + 1), 55));
        table.getColumns().add(Columns.text("Task", row -> row.sample().taskName(), 200));
        table.getColumns().add(Columns.text("Why dropped", SampleRow::reason, 260));
        table.getColumns().add(Columns.text("Source", row -> row.sample().source(), 90));
        table.getColumns().add(Columns.text("Domain", row -> row.sample().domain(), 110));
        table.getColumns().add(Columns.text("Turns", row -> String.valueOf(row.sample().turns()), 55));
        table.getColumns().add(Columns.text("Tokens", row -> String.format(Locale.ROOT, "%,d", row.sample().tokens()), 70));
        table.getColumns().add(Columns.text("Reward", row -> reward(row.sample()), 65));
        table.getColumns().add(Columns.text("Stage", row -> row.kept() ? String.valueOf(row.sample().stage() + 1) : "", 50));
        table.getColumns().add(Columns.text("Set", row -> !row.kept() ? "" : row.sample().validation() ? "validation" : "train", 80));
        table.getColumns().add(Columns.text("Model", row -> row.sample().model(), 140));
        table.getColumns().forEach(column -> column.setSortable(false)); // the order is the export's
        table.itemsProperty().bind(model.samplesProperty());
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, row) -> {
            if (row != null) {
                export.sampleIdProperty().set(row.sample().trajectoryId());
            }
        });
        setCenter(table);
    }

    static String reward(SampleRef sample) {
        if (sample.reward() != null) {
            return String.format(Locale.ROOT, "%.2f", sample.reward());
        }
        return sample.resolved() == null ? "" : sample.resolved() ? "resolved" : "unresolved";
    }


    private static TableColumn<SampleRow, String> keptColumn() {
        TableColumn<SampleRow, String> column = Columns.text("", row -> row.kept() ? "kept" : "dropped", 95);
        column.setId("curate-column-kept");
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(String state, boolean empty) {
                super.updateItem(state, empty);
                getStyleClass().removeAll("sample-kept", "sample-dropped");
                if (empty || state == null) {
                    setText(null);
                    return;
                }
                setText(state.equals("kept") ? "✓ kept" : "✗ dropped");
                getStyleClass().add("sample-" + state);
            }
        });
        return column;
    }

    TableView<SampleRow> table() {
        return table;
    }
}
