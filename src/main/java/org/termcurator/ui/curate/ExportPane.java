package org.termcurator.ui.curate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.termcurator.core.curate.ExportFormat;
import org.termcurator.core.curate.ExportHistory.ExportRecord;
import org.termcurator.core.curate.SamplePreview;

/**
 * The Export tab: format, output folder, seed and validation split; one sample exactly as it
 * will be written, with its token count and the trained-on parts marked; the Export button
 * with progress and cancel; and the history of exports, each one runnable again.
 */
final class ExportPane extends SplitPane {

    private final ExportViewModel model;
    private final Supplier<Optional<Path>> chooseFolder;
    private final java.util.function.Predicate<String> confirm;
    private final VBox parts = new VBox(4);
    private final TableView<ExportRecord> history = new TableView<>();

    /** @param confirm asks the user a yes/no question (replacing an earlier export) */
    ExportPane(CurateViewModel curate, ExportViewModel model, Supplier<Optional<Path>> chooseFolder,
               java.util.function.Predicate<String> confirm) {
        this.model = model;
        this.chooseFolder = chooseFolder;
        this.confirm = confirm;
        setId("export-pane");
        setOrientation(Orientation.HORIZONTAL);
        SplitPane left = new SplitPane(form(curate), historyPane());
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.55);
        getItems().addAll(left, samplePane());
        setDividerPositions(0.45);
        model.sampleProperty().addListener((observable, before, after) -> showParts(after));
        showParts(model.sampleProperty().get());
    }

    private VBox form(CurateViewModel curate) {
        ComboBox<ExportFormat> format = new ComboBox<>();
        format.setId("export-format");
        format.getItems().setAll(ExportViewModel.formats());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExportFormat value) {
                return value == null ? "" : describe(value);
            }

            @Override
            public ExportFormat fromString(String text) {
                return null;
            }
        });
        format.valueProperty().bindBidirectional(model.formatProperty());
        format.setMaxWidth(Double.MAX_VALUE);
        TextField out = new TextField();
        out.setId("export-out");
        out.setPromptText("output folder");
        out.textProperty().bindBidirectional(model.outDirProperty());
        HBox.setHgrow(out, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("export-choose-out");
        choose.setOnAction(event -> chooseFolder.get().ifPresent(folder -> model.outDirProperty().set(folder.toString())));

        Button export = new Button("Export", new FontIcon(Feather.UPLOAD));
        export.setId("export-run");
        export.getStyleClass().add("accent");
        export.setDefaultButton(false);
        export.disableProperty().bind(model.exportingProperty());
        export.setOnAction(event -> {
            Optional<String> question = model.replaceQuestion();
            if (question.isEmpty() || confirm.test(question.get())) {
                model.export();
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("export-cancel");
        cancel.visibleProperty().bind(model.exportingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(event -> model.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("export-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.exportingProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox actions = new HBox(8, export, cancel, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("export-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        VBox box = new VBox(6, muted("Format"), format, muted("Output folder"), new HBox(4, out, choose),
                SettingsPanel.splitForm(new SettingsBinder(curate)), actions, status);
        box.setPadding(new Insets(8));
        return box;
    }

    static String describe(ExportFormat format) {
        return switch (format) {
            case MESSAGES -> "messages — JSONL, OpenAI chat";
            case SHAREGPT -> "sharegpt — JSONL conversations (human/gpt)";
            case CORPUS -> "corpus — JSONL, Terminal-Corpus columns";
            case HARBOR -> "harbor — the tasks' Harbor folders";
        };
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private BorderPane samplePane() {
        Label title = new Label();
        title.setId("export-sample-title");
        title.getStyleClass().add("text-bold");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            SamplePreview sample = model.sampleProperty().get();
            if (sample == null) {
                return model.sampleProblemProperty().get().isEmpty() ? "No sample to show"
                        : model.sampleProblemProperty().get();
            }
            long trained = sample.parts().stream().filter(SamplePreview.Part::trained).mapToLong(SamplePreview.Part::tokens).sum();
            return String.format(Locale.ROOT, "Sample of trajectory %d as %s writes it · %,d tokens (%,d trained on)",
                    sample.trajectoryId(), sample.format().key(), sample.tokens(), trained);
        }, model.sampleProperty(), model.sampleProblemProperty()));
        title.setWrapText(true);
        Label hint = muted("Choose a sample in the Samples tab to show it here. Highlighted parts are trained on.");
        hint.setWrapText(true);
        TextArea written = new TextArea();
        written.setId("export-sample-written");
        written.setEditable(false);
        written.setWrapText(true);
        written.getStyleClass().add("code");
        written.textProperty().bind(Bindings.createStringBinding(() -> model.sampleProperty().get() == null ? ""
                : model.sampleProperty().get().written(), model.sampleProperty()));
        written.setPrefRowCount(6);
        parts.setId("export-sample-parts");
        parts.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(parts);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(scroll, written);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        BorderPane pane = new BorderPane(split);
        VBox top = new VBox(4, title, hint);
        top.setPadding(new Insets(8));
        pane.setTop(top);
        return pane;
    }

    /** One block per message: role and token count above the text; trained-on blocks highlighted. */
    private void showParts(SamplePreview sample) {
        parts.getChildren().clear();
        if (sample == null) {
            return;
        }
        for (SamplePreview.Part part : sample.parts()) {
            Label header = new Label(String.format(Locale.ROOT, "%s · %,d tokens%s", part.role(), part.tokens(),
                    part.trained() ? " · trained on" : ""));
            header.getStyleClass().add("text-bold");
            Label content = new Label(part.content());
            content.setWrapText(true);
            content.getStyleClass().add("code");
            VBox block = new VBox(2, header, content);
            block.getStyleClass().addAll("sample-part", part.trained() ? "sample-part-trained" : "sample-part-context");
            block.setPadding(new Insets(4, 6, 4, 6));
            parts.getChildren().add(block);
        }
    }

    private VBox historyPane() {
        history.setId("export-history");
        history.setPlaceholder(new Label("No export yet"));
        history.setItems(model.history());
        history.getColumns().add(Columns.text("When", ExportRecord::createdAt, 170));
        history.getColumns().add(Columns.text("Preset", record -> record.presetName() == null ? "(unsaved settings)"
                : record.presetName(), 110));
        history.getColumns().add(Columns.text("Format", record -> record.format().key(), 75));
        history.getColumns().add(Columns.text("Seed", record -> String.valueOf(record.seed()), 60));
        history.getColumns().add(Columns.text("Counts", record -> counts(record), 200));
        history.getColumns().add(Columns.text("Folder", ExportRecord::outPath, 260));
        history.getColumns().add(Columns.text("By", ExportRecord::createdBy, 80));
        Button rerun = new Button("Run Again");
        rerun.setId("export-rerun");
        rerun.disableProperty().bind(history.getSelectionModel().selectedItemProperty().isNull()
                .or(model.exportingProperty()));
        rerun.setOnAction(event -> model.rerun(history.getSelectionModel().getSelectedItem()));
        HBox bar = new HBox(8, new Label("Export history"), rerun);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(history, Priority.ALWAYS);
        VBox box = new VBox(6, bar, history);
        box.setPadding(new Insets(8));
        return box;
    }

    private static String counts(ExportRecord record) {
        return record.counts().entrySet().stream().filter(entry -> entry.getValue() != null && entry.getValue() != 0)
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
    }

    List<javafx.scene.Node> partBlocks() {
        return parts.getChildren();
    }
}
