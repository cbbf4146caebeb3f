package org.termcurator.ui.curate;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.termcurator.core.project.ProjectInfo;
import org.termcurator.ui.controls.EmptyState;
import org.termcurator.ui.controls.ProjectSectionView;
import org.termcurator.ui.session.ProjectActions;
import org.termcurator.ui.session.UiServices;

/**
 * The Curate \& Export section: the filter and curriculum settings on the left, and beside
 * them the live preview (funnel and distributions), the sample browser, the curriculum order,
 * a comparison of two presets, and the export.
 */
public final class CurateExportView extends BorderPane {

    private final UiServices services;
    private final CurateViewModel curate;
    private final ExportViewModel export;
    private final TabPane tabs = new TabPane();
    /** Trajectories in the project when the section last looked; a change means an import happened. */
    private long trajectoriesSeen = -1;

    private CurateExportView(UiServices services, CurateViewModel curate, ExportViewModel export) {
        this.services = services;
        this.curate = curate;
        this.export = export;
        setId("curate-browser");
        getStyleClass().add("curate-browser");
        setTop(presetBar());
        ScrollPane settings = new ScrollPane(new SettingsPanel(curate, this::chooseReferenceFile));
        settings.setId("curate-settings-scroll");
        settings.setFitToWidth(true);
        settings.setPrefWidth(330);
        setLeft(settings);
        tabs.setId("curate-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("Preview", "curate-tab-preview", () -> new PreviewPane(curate)),
                tab("Samples", "curate-tab-samples", () -> new SamplesPane(curate, export)),
                tab("Curriculum", "curate-tab-curriculum", () -> new CurriculumPane(curate)),
                tab("Compare Presets", "curate-tab-compare", () -> new ComparePane(curate)),
                tab("Export", "curate-tab-export", () -> new ExportPane(curate, export, this::chooseOutputFolder,
                        question -> services.fileDialogs().confirmReplace(window(), "Replace Export", question))));
        // a tab's content is made when it is first shown: a lighter scene to lay out and style
        tabs.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> fill(after));
        fill(tabs.getSelectionModel().getSelectedItem());
        setCenter(tabs);
    }

    /**
     * The section as the window shows it: offers to create or open a project without one, says
     * there is nothing to curate in a project without trajectories, and the curation otherwise.
     * Coming back to the section after an import reads the new trajectories.
     */
    public static ProjectSectionView create(UiServices services, ProjectActions actions) {
        CurateViewModel curate = new CurateViewModel(Platform::runLater);
        ExportViewModel export = new ExportViewModel(curate, services.jobs(), Platform::runLater);
        CurateExportView view = new CurateExportView(services, curate, export);
        ProjectSectionView[] section = new ProjectSectionView[1];
        section[0] = new ProjectSectionView(services, "curate-view", Feather.FILTER, actions,
                (info, state) -> view.describe(section[0], info, state));
        services.session().projectProperty().addListener((observable, before, after) -> view.showProject());
        view.showProject();
        section[0].sceneProperty().addListener((observable, before, after) -> {
            if (after != null) {
                section[0].refresh();
            }
        });
        export.lastResultProperty().addListener((observable, before, after) -> section[0].refresh());
        return section[0];
    }

    private void showProject() {
        trajectoriesSeen = -1;
        curate.setProject(services.session().project());
        export.setProject(services.session().project());
    }

    void describe(ProjectSectionView section, ProjectInfo info, EmptyState state) {
        long trajectories = info.counts().get("trajectories");
        if (trajectories == 0) {
            state.update("Nothing to curate yet", "Import trajectories first; then choose filters and a curriculum "
                    + "here, preview what they keep, and export training data.");
            trajectoriesSeen = 0;
            return;
        }
        if (trajectoriesSeen >= 0 && trajectoriesSeen != trajectories) {
            curate.trajectoriesChanged();
        }
        trajectoriesSeen = trajectories;
        section.getChildren().setAll(this);
    }

    public CurateViewModel model() {
        return curate;
    }

    public ExportViewModel exportModel() {
        return export;
    }

    private Node presetBar() {
        ComboBox<String> preset = new ComboBox<>(curate.presetNames());
        preset.setId("curate-preset");
        preset.setValue(curate.presetNameProperty().get());
        curate.presetNameProperty().addListener((observable, before, after) -> preset.setValue(after));
        // a list refresh clears the shown value; the current preset is put back
        curate.presetNames().addListener((javafx.collections.ListChangeListener<String>) change ->
                preset.setValue(curate.presetNameProperty().get()));
        preset.setOnAction(event -> {
            String chosen = preset.getValue();
            if (chosen != null && !chosen.equals(curate.presetNameProperty().get())) {
                curate.pickPreset(chosen);
            }
        });
        Label modified = new Label("modified");
        modified.setId("curate-modified");
        modified.getStyleClass().add("dirty-mark");
        modified.visibleProperty().bind(curate.modifiedProperty());
        Button revert = new Button("Revert");
        revert.setId("curate-revert");
        revert.disableProperty().bind(curate.modifiedProperty().not());
        revert.setOnAction(event -> curate.pickPreset(curate.presetNameProperty().get()));
        TextField name = new TextField();
        name.setId("curate-preset-name");
        name.setPromptText("new preset name");
        name.setPrefColumnCount(12);
        Button save = new Button("Save As", new FontIcon(Feather.SAVE));
        save.setId("curate-save-preset");
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> name.getText().isBlank(), name.textProperty()));
        Runnable saveAs = () -> curate.saveAs(name.getText()).thenRun(name::clear);
        save.setOnAction(event -> saveAs.run());
        name.setOnAction(event -> saveAs.run());
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("curate-delete-preset");
        delete.setOnAction(event -> curate.deletePreset(preset.getValue()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("curate-computing");
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(curate.computingProperty());
        Label status = new Label();
        status.setId("curate-status");
        status.textProperty().bind(curate.statusProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Preset"), preset, modified, revert, name, save, delete, spacer, busy, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 6, 10));
        return new VBox(bar);
    }

    private static Tab tab(String title, String id, Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.setId(id);
        tab.setUserData(content);
        return tab;
    }

    private static void fill(Tab tab) {
        if (tab != null && tab.getContent() == null && tab.getUserData() instanceof Supplier<?> content) {
            tab.setContent((Node) content.get());
        }
    }

    /** Shows one of the tabs, e.g. "curate-tab-export". */
    void select(String tabId) {
        tabs.getTabs().stream().filter(tab -> tabId.equals(tab.getId())).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private Optional<Path> chooseReferenceFile() {
        return services.fileDialogs().chooseFileToOpen(window(), "Reference Instructions",
                "Instructions (text or JSONL)", "*.txt", "*.jsonl", "*.json");
    }

    private Optional<Path> chooseOutputFolder() {
        return services.fileDialogs().chooseFolder(window(), "Export To");
    }
}
