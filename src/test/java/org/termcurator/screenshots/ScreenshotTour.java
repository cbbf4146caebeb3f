package org.termcurator.screenshots;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.termcurator.app.AppContext;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.settings.Settings;
import org.termcurator.core.settings.SettingsStore;
import org.termcurator.core.tasks.TaskImporter;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.core.trajectories.Fixtures;
import org.termcurator.core.trajectories.RunImporter;
import org.termcurator.core.trajectories.StepsSearchIndex;
import org.termcurator.core.trajectories.TrajectoryRow;
import org.termcurator.ui.session.FileDialogs;
import org.termcurator.ui.shell.MainWindow;
import org.termcurator.ui.shell.Section;
import org.termcurator.ui.shell.ThemeManager;

/**
 * Takes the README's pictures: every section and a replay of a failed trial, at 1280x800 and
 * 1920x1080, on a project made from sample-data/tasks and the run fixtures of the tests.
 * Run by scripts/screenshots.sh; writes docs/screenshots/SIZE-NAME.png.
 */
public final class ScreenshotTour {

    private static final String FAILED_TRIAL = "fix-permissions.2-of-2";

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("curator-screenshots");
        Path project = sampleProject(work);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            tour(project, work, out, size[0], size[1]);
        }
        Platform.exit();
        System.out.println("screenshots in " + out);
        System.exit(0);
    }

    private static Path sampleProject(Path work) throws Exception {
        Path project = work.resolve("tour.curator");
        try (ProjectDb db = ProjectDb.create(project)) {
            new TaskImporter(db, TaskImporter.Options.defaults(LintContext.withoutDocker(Map.of())))
                    .importPaths(List.of(Path.of("sample-data/tasks").toAbsolutePath()), JobContext.unobserved());
            Path runs = Files.createDirectories(work.resolve("runs"));
            Fixtures.copy("tb1-run", runs);
            Fixtures.copy("harbor-job", runs);
            Fixtures.copy("rollout", runs);
            new RunImporter(db).importPaths(List.of(runs), JobContext.unobserved());
            StepsSearchIndex.catchUp(db, JobContext.unobserved());
        }
        return project;
    }

    private static void tour(Path project, Path work, Path out, int width, int height) throws Exception {
        Path config = Files.createTempDirectory(work, "config").resolve("settings.json");
        AppContext context = new AppContext(new SettingsStore(config), new FileDialogs() {
            @Override
            public java.util.Optional<Path> chooseNewProject(javafx.stage.Window owner) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<Path> chooseProjectToOpen(javafx.stage.Window owner) {
                return java.util.Optional.empty();
            }
        });
        context.ui().settings().setWindow(new Settings.WindowBounds(0, 0, width, height, false));
        MainWindow main = fx(() -> new MainWindow(context.ui()));
        Stage stage = fx(() -> {
            Stage window = new Stage();
            main.show(window);
            window.setWidth(width);
            window.setHeight(height);
            return window;
        });
        context.ui().session().open(project).completion().get(30, TimeUnit.SECONDS);
        String prefix = width + "x" + height + "-";
        for (Section section : Section.values()) {
            fx(() -> {
                main.model().sectionProperty().set(section);
                return null;
            });
            if (section == Section.TASKS) {
                selectFirst(stage, "#tasks-table");
            }
            if (section == Section.TRAJECTORIES) {
                selectTrial(stage, FAILED_TRIAL);
            }
            settle();
            save(stage.getScene(), out.resolve(prefix + section.name().toLowerCase().replace('_', '-') + ".png"));
        }
        // the replay of the failed trial, at its first failure, and maximized
        fx(() -> {
            main.model().sectionProperty().set(Section.TRAJECTORIES);
            return null;
        });
        settle();
        fx(() -> {
            // the end of the session: the screen a reviewer looks at first
            stage.getScene().lookup("#replay-viewport").fireEvent(new javafx.scene.input.KeyEvent(
                    javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.END,
                    false, false, false, false));
            return null;
        });
        settle();
        save(stage.getScene(), out.resolve(prefix + "replay.png"));
        fx(() -> {
            ((javafx.scene.control.Button) stage.getScene().lookup("#replay-maximize")).fire();
            return null;
        });
        settle();
        save(stage.getScene(), out.resolve(prefix + "replay-maximized.png"));
        fx(() -> {
            ((javafx.scene.control.Button) stage.getScene().lookup("#replay-maximize")).fire();
            ThemeManager.apply(Settings.Theme.LIGHT);
            stage.close();
            context.close();
            return null;
        });
    }

    private static void selectFirst(Stage stage, String table) throws Exception {
        waitUntil(() -> stage.getScene().lookup(table) instanceof TableView<?> view && !view.getItems().isEmpty());
        fx(() -> {
            ((TableView<?>) stage.getScene().lookup(table)).getSelectionModel().select(0);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static void selectTrial(Stage stage, String trial) throws Exception {
        waitUntil(() -> stage.getScene().lookup("#trajectories-table") instanceof TableView<?> view
                && !view.getItems().isEmpty());
        fx(() -> {
            TableView<TrajectoryRow> view = (TableView<TrajectoryRow>) stage.getScene().lookup("#trajectories-table");
            for (int i = 0; i < view.getItems().size(); i++) {
                if (trial.equals(view.getItems().get(i).trialName())) {
                    view.getSelectionModel().select(i);
                }
            }
            return null;
        });
        waitUntil(() -> stage.getScene().lookup("#replay-first-failure") instanceof javafx.scene.control.Button button
                && !button.isDisabled());
    }

    private static void settle() throws Exception {
        Thread.sleep(700);
        fx(() -> null);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!fx(condition)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the window did not get there in time");
            }
            Thread.sleep(100);
        }
    }

    private static void save(Scene scene, Path file) throws Exception {
        WritableImage image = fx(() -> scene.snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage picture = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                picture.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(picture, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
