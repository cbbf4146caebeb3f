package org.termcurator.ui.curate;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.termcurator.core.curate.Preview;
import org.termcurator.core.curate.StageBoundary;

/** The kept samples in the order training sees them, each stage of the curriculum opening with a header. */
final class CurriculumPane extends BorderPane {

    private final ListView<SampleRow> list = new ListView<>();
    private final Label summary = new Label();
    private List<StageBoundary> stages = List.of();

    CurriculumPane(CurateViewModel model) {
        setId("curate-curriculum-pane");
        summary.setId("curate-curriculum-summary");
        summary.setWrapText(true);
        summary.setPadding(new Insets(6, 8, 6, 8));
        setTop(summary);
        list.setId("curate-curriculum");
        list.setPlaceholder(new Label("The settings keep no sample"));
        list.setCellFactory(view -> new OrderCell());
        setCenter(list);
        model.previewProperty().addListener((observable, before, after) -> show(after));
        show(model.previewProperty().get());
    }

    private void show(Preview preview) {
        if (preview == null) {
            stages = List.of();
            list.setItems(FXCollections.emptyObservableList());
            summary.setText("");
            return;
        }
        stages = preview.stages();
        list.setItems(FXCollections.unmodifiableObservableList(FXCollections.observableList(
                new SampleRows(preview, BrowseMode.KEPT))));
        summary.setText(describe(preview));
    }

    static String describe(Preview preview) {
        String order = SettingsPanel.label(preview.settings().curriculum().order());
        if (preview.stages().size() <= 1) {
            return String.format(Locale.ROOT, "%s · %,d samples in one stage", order, preview.keptCount());
        }
        return order + " · " + preview.stages().stream().map(stage -> String.format(Locale.ROOT, "stage %d: %,d–%,d",
                stage.stage() + 1, stage.start() + 1, stage.start() + stage.count())).collect(Collectors.joining(", "));
    }

    /** The stage that starts at this position of the order, if one does. */
    private StageBoundary startingAt(int position) {
        if (stages.size() <= 1) {
            return null;
        }
        for (StageBoundary stage : stages) {
            if (stage.start() == position && stage.count() > 0) {
                return stage;
            }
        }
        return null;
    }

    private final class OrderCell extends ListCell<SampleRow> {
        private final Label header = new Label();
        private final Label line = new Label();
        private final VBox box = new VBox(2, header, line);

        OrderCell() {
            header.getStyleClass().addAll("curate-stage-header", "text-bold");
        }

        @Override
        protected void updateItem(SampleRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            StageBoundary stage = startingAt(row.position());
            header.setText(stage == null ? "" : String.format(Locale.ROOT, "Stage %d · %,d samples", stage.stage() + 1,
                    stage.count()));
            header.setManaged(stage != null);
            header.setVisible(stage != null);
            line.setText(String.format(Locale.ROOT, "%,d.  %s  ·  %d turns  ·  %,d tokens  ·  %s", row.position() + 1,
                    row.sample().taskName(), row.sample().turns(), row.sample().tokens(), SamplesPane.reward(row.sample())));
            setGraphic(box);
        }
    }
}
