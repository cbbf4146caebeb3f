package org.termcurator.ui.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.app.AppContext;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.settings.Settings;
import org.termcurator.core.settings.SettingsStore;
import org.termcurator.core.tasks.TaskImporter;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.core.trajectories.Fixtures;
import org.termcurator.core.trajectories.RunImporter;
import org.termcurator.ui.session.FileDialogs;
import org.termcurator.ui.shell.MainWindow;
import org.termcurator.ui.shell.Section;
import org.termcurator.ui.shell.ThemeManager;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every section and dialog at 1280x800 (the default) and 1920x1080, in both themes, on a
 * project with tasks and trajectories: no button, label, tab, check box, menu or column header
 * shows cut text, unless it has a tooltip that shows it whole.
 */
@ExtendWith(ApplicationExtension.class)
class WindowFitTest {

    private static final Path SAMPLES = Path.of("sample-data/tasks").toAbsolutePath();

    @TempDir
    static Path dir;
    private static Path project;

    private AppContext context;
    private Stage stage;

    @BeforeAll
    static void sampleProject() throws Exception {
        project = dir.resolve("fit.curator");
        try (ProjectDb db = ProjectDb.create(project)) {
            new TaskImporter(db, TaskImporter.Options.defaults(LintContext.withoutDocker(Map.of())))
                    .importPaths(List.of(SAMPLES), JobContext.unobserved());
            Path runs = Files.createTempDirectory(dir, "runs");
            Fixtures.copy("tb1-run", runs);
            Fixtures.copy("harbor-job", runs);
            Fixtures.copy("rollout", runs);
            new RunImporter(db).importPaths(List.of(runs), JobContext.unobserved());
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path config = Files.createTempDirectory(dir, "config").resolve("settings.json");
        context = new AppContext(new SettingsStore(config), new FileDialogs() {
            @Override
            public java.util.Optional<Path> chooseNewProject(Window owner) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<Path> chooseProjectToOpen(Window owner) {
                return java.util.Optional.empty();
            }
        });
        new MainWindow(context.ui()).show(stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ThemeManager.apply(Settings.Theme.LIGHT);
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.centerOnScreen(); // the next test class gets the window back where it was
            context.close();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200);
        WaitForAsyncUtils.clearExceptions();
        WaitForAsyncUtils.autoCheckException = true;
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everySectionAndDialogReadsInFullAtBothSizesInBothThemes(FxRobot robot) throws Exception {
        // the Headless platform's screen is 1000x1000: a larger window is laid out and styled
        // in full, only its pixels cannot be copied out, which this test does not look at
        WaitForAsyncUtils.autoCheckException = false;
        context.ui().session().open(project).completion().get(20, TimeUnit.SECONDS);
        List<String> problems = new ArrayList<>();
        for (Settings.Theme theme : Settings.Theme.values()) {
            fx(() -> {
                ThemeManager.apply(theme);
                return null;
            });
            for (double[] size : new double[][] {{1280, 800}, {1920, 1080}}) {
                fx(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    return null;
                });
                String where = theme + " " + (int) size[0] + "x" + (int) size[1];
                for (Section section : Section.values()) {
                    robot.clickOn("#" + section.navId());
                    selectFirstRow(robot, section);
                    problems.addAll(check(where + " " + section.title(), stage));
                    if (section == Section.TRAJECTORIES) {
                        robot.clickOn("#trajectories-toggle-facets"); // its filters, which start collapsed
                        problems.addAll(check(where + " " + section.title() + " with filters", stage));
                        robot.clickOn("#trajectories-toggle-facets");
                    }
                }
                problems.addAll(dialogs(robot, where));
            }
        }
        assertThat(problems).as("cut text without a tooltip").isEmpty();
    }

    /** Selects the first task or trajectory, so the detail panes are walked too. */
    private void selectFirstRow(FxRobot robot, Section section) throws Exception {
        String table = switch (section) {
            case TASKS -> "#tasks-table";
            case TRAJECTORIES -> "#trajectories-table";
            default -> null;
        };
        if (table == null) {
            return;
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(table).tryQuery()
                .map(node -> !((TableView<?>) node).getItems().isEmpty()).orElse(false));
        TableView<?> view = robot.lookup(table).queryAs(TableView.class);
        robot.interact(() -> {
            if (view.getSelectionModel().isEmpty()) {
                view.getSelectionModel().select(0);
            }
        });
        Thread.sleep(400); // the detail loads in the background
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> dialogs(FxRobot robot, String where) throws Exception {
        List<String> problems = new ArrayList<>();
        // Settings, from the File menu
        robot.clickOn("#menu-file").clickOn("#menu-settings");
        problems.addAll(checkDialog(robot, where + " Settings", "Settings"));
        // Roll Out With… on the selected task
        robot.clickOn("#nav-tasks");
        selectFirstRow(robot, Section.TASKS);
        robot.clickOn("#tasks-roll-out");
        problems.addAll(checkDialog(robot, where + " Roll Out With…", "Roll out tasks"));
        // Compare, from the selected trajectory's replay
        robot.clickOn("#nav-trajectories");
        selectFirstRow(robot, Section.TRAJECTORIES);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#replay-compare").tryQuery()
                .map(node -> !node.isDisabled()).orElse(false));
        robot.clickOn("#replay-compare");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".menu-item").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".menu-item").queryAll().iterator().next());
        problems.addAll(checkDialog(robot, where + " Compare", "Compare trajectories"));
        return problems;
    }

    private List<String> checkDialog(FxRobot robot, String where, String titleStart) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window(robot, titleStart) != null);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        Stage dialog = (Stage) window(robot, titleStart);
        List<String> problems = check(where, dialog);
        // Esc: the dialogs cancel and Compare closes, as a user leaves them
        robot.interact(() -> dialog.getScene().getRoot().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialog.isShowing());
        return problems;
    }

    private static Window window(FxRobot robot, String titleStart) {
        return robot.listWindows().stream().filter(window -> window instanceof Stage stage && window.isShowing()
                && stage.getTitle() != null && stage.getTitle().startsWith(titleStart)).findFirst().orElse(null);
    }

    private static List<String> check(String where, Window window) {
        return fx(() -> {
            try {
                window.getScene().getRoot().applyCss();
                window.getScene().getRoot().layout();
                return CutText.in(window.getScene().getRoot()).stream().map(problem -> where + ": " + problem).toList();
            } catch (RuntimeException e) {
                throw new AssertionError(where, e);
            }
        });
    }
}
