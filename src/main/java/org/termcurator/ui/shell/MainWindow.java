package org.termcurator.ui.shell;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.termcurator.core.settings.Settings;
import org.termcurator.ui.curate.CurateExportView;
import org.termcurator.ui.jobs.JobsView;
import org.termcurator.ui.rollouts.RolloutsView;
import org.termcurator.ui.seeds.SeedsSkillsView;
import org.termcurator.ui.session.ProjectActions;
import org.termcurator.ui.session.UiServices;
import org.termcurator.ui.settings.SettingsDialog;
import org.termcurator.ui.tasks.TasksView;
import org.termcurator.ui.trajectories.TrajectoriesView;

/** The main window: menu bar, section sidebar, the current section, and the status bar. */
public final class MainWindow implements ProjectActions {

    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    private final UiServices services;
    private final ShellViewModel model;
    private final Map<Section, Node> views = new EnumMap<>(Section.class);
    private final StackPane content = new StackPane();
    private final ToggleGroup navigation = new ToggleGroup();
    private Stage stage;

    public MainWindow(UiServices services) {
        this.services = services;
        this.model = new ShellViewModel(services);
    }

    public ShellViewModel model() {
        return model;
    }

    public void show(Stage stage) {
        this.stage = stage;
        ThemeManager.apply(services.settings().getTheme());
        services.session().setErrorHandler(this::showError);

        BorderPane root = new BorderPane();
        root.setId("main-window");
        root.setTop(menuBar());
        root.setLeft(sidebar());
        root.setCenter(content);
        root.setBottom(new StatusBar(model, () -> model.sectionProperty().set(Section.JOBS)));
        content.getStyleClass().add("section-content");

        model.sectionProperty().addListener((observable, before, after) -> showSection(after));
        showSection(model.sectionProperty().get());

        Scene scene = new Scene(root, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(MainWindow.class.getResource("/org/termcurator/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(model.windowTitle());
        addIcons(stage);
        restoreBounds(stage);
        trackBounds(stage);
        services.docker().start();
        stage.show();
    }

    private MenuBar menuBar() {
        MenuItem newProject = item("New Project…", "menu-new-project", KeyCode.N, this::newProject);
        MenuItem openProject = item("Open Project…", "menu-open-project", KeyCode.O, this::openProject);
        Menu recent = new Menu("Open Recent");
        recent.setId("menu-open-recent");
        recent.setOnShowing(event -> fillRecent(recent));
        fillRecent(recent);
        MenuItem close = item("Close Project", "menu-close-project", KeyCode.W, model::closeProject);
        close.disableProperty().bind(services.session().projectProperty().isNull());
        MenuItem settings = new MenuItem("Settings…");
        settings.setId("menu-settings");
        settings.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        settings.setOnAction(event -> showSettings());
        MenuItem quit = item("Quit", "menu-quit", KeyCode.Q, () -> stage.close());
        Menu file = new Menu("File", null, newProject, openProject, recent, new SeparatorMenuItem(), close,
                new SeparatorMenuItem(), settings, new SeparatorMenuItem(), quit);
        file.setId("menu-file");

        Menu view = new Menu("View");
        view.setId("menu-view");
        for (Section section : Section.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + (section.ordinal() + 1));
            view.getItems().add(item(section.title(), "menu-section-" + section.navId(), digit,
                    () -> model.sectionProperty().set(section)));
        }
        CheckMenuItem dark = new CheckMenuItem("Dark Theme");
        dark.setId("menu-dark-theme");
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        dark.selectedProperty().bindBidirectional(model.darkThemeProperty());
        view.getItems().addAll(new SeparatorMenuItem(), dark);

        MenuBar bar = new MenuBar(file, view);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String text, String id, KeyCode key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        item.setOnAction(event -> action.run());
        return item;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (String path : model.recentProjects()) {
            MenuItem entry = new MenuItem(path);
            entry.setMnemonicParsing(false);
            entry.setOnAction(event -> model.openProject(Path.of(path)));
            recent.getItems().add(entry);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent projects");
            none.setDisable(true);
            recent.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear Recent");
            clear.setOnAction(event -> model.forgetRecentProjects());
            recent.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    private VBox sidebar() {
        VBox sidebar = new VBox(2);
        sidebar.setId("sidebar");
        sidebar.getStyleClass().add("sidebar");
        Label brand = new Label("Terminal Curator");
        brand.getStyleClass().add("sidebar-brand");
        sidebar.getChildren().add(brand);
        for (Section section : Section.values()) {
            ToggleButton button = new ToggleButton(section.title(), new FontIcon(section.icon()));
            button.setId(section.navId());
            button.setUserData(section);
            button.setToggleGroup(navigation);
            button.getStyleClass().add("sidebar-item");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(event -> {
                model.sectionProperty().set(section);
                button.setSelected(true); // a toggle group would otherwise allow "no section"
            });
            sidebar.getChildren().add(button);
        }
        return sidebar;
    }

    private void showSection(Section section) {
        Node view = views.computeIfAbsent(section, this::createView);
        content.getChildren().setAll(view);
        navigation.getToggles().stream().filter(toggle -> toggle.getUserData() == section)
                .findFirst().ifPresent(toggle -> toggle.setSelected(true));
    }

    private Node createView(Section section) {
        return switch (section) {
            case TASKS -> TasksView.create(services, this);
            case TRAJECTORIES -> TrajectoriesView.create(services, this);
            case SEEDS_SKILLS -> SeedsSkillsView.create(services, this);
            case ROLLOUTS -> new RolloutsView(services, this);
            case CURATE_EXPORT -> CurateExportView.create(services, this);
            case JOBS -> new JobsView(model.jobs());
        };
    }

    @Override
    public void newProject() {
        services.fileDialogs().chooseNewProject(stage).ifPresent(model::createProject);
    }

    @Override
    public void openProject() {
        services.fileDialogs().chooseProjectToOpen(stage).ifPresent(model::openProject);
    }

    @Override
    public void showRollouts() {
        model.sectionProperty().set(Section.ROLLOUTS);
    }

    @Override
    public void openTrajectory(long trajectoryId) {
        model.sectionProperty().set(Section.TRAJECTORIES);
        if (views.get(Section.TRAJECTORIES) instanceof TrajectoriesView trajectories) {
            trajectories.model().refresh(); // the rollout's trajectory may be new
            trajectories.model().show(trajectoryId);
        }
    }

    private void showSettings() {
        new SettingsDialog(stage, services.settings()).showAndWait().ifPresent(model::applySettings);
    }

    private void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(stage);
        alert.setHeaderText("The project could not be opened");
        alert.show();
    }

    private static void addIcons(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var url = MainWindow.class.getResource("/org/termcurator/ui/icons/icon-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm()));
            }
        }
    }

    /** Puts the window where it was, if that place is still on a screen. */
    private void restoreBounds(Stage target) {
        Settings.WindowBounds bounds = services.settings().getWindow();
        if (bounds == null) {
            return;
        }
        boolean visible = !Screen.getScreensForRectangle(
                new Rectangle2D(bounds.x(), bounds.y(), Math.max(1, bounds.width()), Math.max(1, bounds.height())))
                .isEmpty();
        if (visible) {
            target.setX(bounds.x());
            target.setY(bounds.y());
        }
        target.setWidth(Math.max(640, bounds.width()));
        target.setHeight(Math.max(400, bounds.height()));
        target.setMaximized(bounds.maximized());
    }

    private void trackBounds(Stage target) {
        javafx.beans.InvalidationListener remember = observable -> {
            if (target.isIconified()) {
                return;
            }
            Settings.WindowBounds previous = services.settings().getWindow();
            if (target.isMaximized() && previous != null) {
                // keep the restored size, so un-maximizing next time returns to it
                model.rememberWindow(new Settings.WindowBounds(previous.x(), previous.y(), previous.width(),
                        previous.height(), true));
            } else {
                model.rememberWindow(new Settings.WindowBounds(target.getX(), target.getY(), target.getWidth(),
                        target.getHeight(), target.isMaximized()));
            }
        };
        target.xProperty().addListener(remember);
        target.yProperty().addListener(remember);
        target.widthProperty().addListener(remember);
        target.heightProperty().addListener(remember);
        target.maximizedProperty().addListener(remember);
    }
}
