package org.termcurator.ui.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.app.AppContext;
import org.termcurator.core.docker.ContainerOwner;
import org.termcurator.core.docker.ContainerSpec;
import org.termcurator.core.docker.DockerEngine;
import org.termcurator.core.docker.DockerTestSupport;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.RolloutEngineExtension;
import org.termcurator.core.rollouts.RolloutRequest;
import org.termcurator.core.rollouts.RolloutStatus;
import org.termcurator.core.rollouts.RolloutStore;
import org.termcurator.core.rollouts.SampleTasks;
import org.termcurator.core.rollouts.agents.OracleAgent;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;
import org.termcurator.core.settings.SettingsStore;
import org.termcurator.ui.session.ScriptedFileDialogs;
import org.termcurator.ui.shell.MainWindow;
import org.termcurator.ui.tasks.TaskRowRef;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Rollouts from the window on the real engine, headless: tasks selected in the Tasks view run
 * with the oracle and show their pass rate; a running rollout is watched live and cancelled
 * from the Rollouts view; opening a project cleans up after a crashed session.
 */
@Tag("docker")
@ExtendWith(ApplicationExtension.class)
class RolloutsViewTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final RolloutEngineExtension docker = new RolloutEngineExtension();

    private final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = new AppContext(new SettingsStore(Files.createTempDirectory("rollouts-view-config").resolve("s.json")),
                dialogs);
        context.ui().settings().setRolloutWorkRoot(Files.createTempDirectory("rollouts-view-work").toString());
        new MainWindow(context.ui()).show(stage);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> context.close());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private void openProjectWithTasks(FxRobot robot, Path tasks) throws Exception {
        Path project = dir.resolve("p.curator");
        ProjectDb.create(project).close();
        context.ui().session().open(project).completion().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nav-tasks");
        dialogs.next = tasks;
        waitUntil("the empty project offers an import", 10, () -> robot.lookup("#tasks-view-import").tryQuery().isPresent());
        robot.clickOn("#tasks-view-import");
        long count;
        try (var listing = Files.list(tasks)) {
            count = listing.count();
        }
        waitUntil("the tasks are in the table", 30, () -> robot.lookup("#tasks-table").tryQuery().isPresent()
                && tasksTable(robot).getItems().size() == count);
    }

    @SuppressWarnings("unchecked")
    private static TableView<TaskRowRef> tasksTable(FxRobot robot) {
        return robot.lookup("#tasks-table").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<RolloutItem> rolloutsTable(FxRobot robot) {
        return robot.lookup("#rollouts-table").queryAs(TableView.class);
    }

    private static String cell(TableView<TaskRowRef> table, String columnId, int row) {
        TableColumn<TaskRowRef, ?> column = table.getColumns().stream().filter(c -> columnId.equals(c.getId()))
                .findFirst().orElseThrow();
        Object value = column.getCellObservableValue(row).getValue();
        return value == null ? "" : value.toString();
    }

    @Test
    void runningTheOracleOnSelectedTasksPassesThemAndShowsTheirPassRate(FxRobot robot) throws Exception {
        Path tasks = Files.createDirectories(dir.resolve("tasks"));
        SampleTasks.copy("sales-by-region", tasks);
        SampleTasks.copy("fix-inventory-report", tasks);
        openProjectWithTasks(robot, tasks);

        robot.interact(() -> tasksTable(robot).getSelectionModel().selectAll());
        robot.clickOn("#tasks-run-oracle");

        waitUntil("the Rollouts view shows both rollouts", 20, () -> robot.lookup("#rollouts-table").tryQuery()
                .map(node -> rolloutsTable(robot).getItems().size() == 2).orElse(false));
        robot.interact(() -> rolloutsTable(robot).getSelectionModel().select(0)); // selected while it runs
        waitUntil("both rollouts passed", 180, () -> rolloutsTable(robot).getItems().stream()
                .allMatch(item -> item.statusProperty().get() == RolloutStatus.PASSED && item.trajectoryId() != null));
        assertThat(robot.lookup("#rollouts-summary").queryLabeled().getText()).startsWith("2/2 done: 2 passed");

        robot.clickOn("#nav-tasks");
        waitUntil("the pass rate column shows 100% for both tasks", 20, () ->
                cell(tasksTable(robot), "column-pass-rate", 0).equals("100% (1/1)")
                        && cell(tasksTable(robot), "column-pass-rate", 1).equals("100% (1/1)"));
        robot.interact(() -> tasksTable(robot).getSelectionModel().clearAndSelect(0));
        waitUntil("the task's detail lists its rollout once, with the pass rate", 20, () -> robot.lookup("#task-pass-rate")
                .queryLabeled().getText().equals("Pass rate: 100% of 1 runs"));

        robot.clickOn("#nav-rollouts");
        assertThat(rolloutsTable(robot).getSelectionModel().getSelectedIndex()).isZero();
        assertThat(rolloutsTable(robot).getItems()).allSatisfy(item ->
                assertThat(item.progressProperty().getValue()).isEqualTo(new RolloutItem.Progress(1, "done")));
        robot.clickOn("#rollouts-open-trajectory");
        waitUntil("the Trajectories section shows the rollout's trajectory", 20, () ->
                robot.lookup("#trajectories-view").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
    }

    @Test
    void aRunningRolloutIsWatchedLiveAndCancelFromTheViewRemovesItsContainer(FxRobot robot) throws Exception {
        Path tasks = Files.createDirectories(dir.resolve("tasks"));
        SampleTasks.minimal(tasks, "slow", "", "FROM " + DockerTestSupport.DEBIAN_IMAGE + "\nWORKDIR /app\n",
                "echo 1 > /logs/verifier/reward.txt\n", "echo live-marker-$((6*7))\nsleep 300\n");
        openProjectWithTasks(robot, tasks);
        robot.interact(() -> tasksTable(robot).getSelectionModel().select(0));
        robot.clickOn("#tasks-run-oracle");

        waitUntil("the rollout is in the table", 20, () -> robot.lookup("#rollouts-table").tryQuery()
                .map(node -> rolloutsTable(robot).getItems().size() == 1).orElse(false));
        robot.interact(() -> rolloutsTable(robot).getSelectionModel().select(0));
        waitUntil("the live terminal shows the solution's output", 90, () ->
                robot.lookup("#rollouts-live").queryAs(LiveTerminalPane.class).shownText().contains("live-marker-42"));
        DockerEngine engine = docker.engine();
        assertThat(engine.ownContainers()).hasSize(1);

        robot.clickOn("#rollouts-cancel");

        waitUntil("the rollout is cancelled", 30, () ->
                rolloutsTable(robot).getItems().getFirst().statusProperty().get() == RolloutStatus.CANCELLED);
        assertThat(engine.ownContainers()).as("the cancelled rollout's container").isEmpty();
    }

    @Test
    void openingAProjectRemovesLeftoverContainersAndMarksUnfinishedRolloutsInterrupted(FxRobot robot) throws Exception {
        DockerEngine engine = docker.engine();
        DockerTestSupport.requireImage(engine, DockerTestSupport.BUSYBOX_IMAGE);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        ContainerOwner crashed = new ContainerOwner(ContainerOwner.current().host(), gone.pid(),
                ContainerOwner.current().startMillis());
        String leftover = engine.createContainer(ContainerSpec.idle(DockerTestSupport.BUSYBOX_IMAGE)
                .withLabels(Map.of(DockerEngine.OWNER_LABEL, crashed.label())));
        engine.start(leftover);
        Path project = dir.resolve("crashed.curator");
        Long running;
        try (ProjectDb db = ProjectDb.create(project)) {
            RolloutStore store = new RolloutStore(db);
            RolloutTaskSpec spec = RolloutTaskSpec.fromTaskDir(SampleTasks.dir("sales-by-region"));
            running = store.queued(new RolloutRequest(spec, new OracleAgent(), 1), "crashed-key", java.time.Instant.now());
            store.started(running, java.time.Instant.now());
        }
        try {
            context.ui().session().open(project).completion().get(20, TimeUnit.SECONDS);

            waitUntil("the leftover container is gone", 30, () -> !engine.managedContainers().contains(leftover));
            List<RolloutStore.Row> rows = new RolloutStore(context.ui().session().project()).list();
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.id()).isEqualTo(running);
                assertThat(row.status()).isEqualTo(RolloutStatus.INTERRUPTED);
            });
            robot.clickOn("#nav-rollouts");
            waitUntil("the Rollouts view lists it as interrupted", 10, () -> rolloutsTable(robot).getItems().size() == 1
                    && rolloutsTable(robot).getItems().getFirst().statusProperty().get() == RolloutStatus.INTERRUPTED);
        } finally {
            if (engine.managedContainers().contains(leftover)) {
                engine.remove(leftover);
            }
        }
    }
}
