package org.termcurator.ui.trajectories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.app.AppContext;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.jobs.JobState;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.settings.SettingsStore;
import org.termcurator.core.trajectories.Fixtures;
import org.termcurator.core.trajectories.RunImporter;
import org.termcurator.core.trajectories.Step;
import org.termcurator.core.trajectories.StepsSearchIndex;
import org.termcurator.core.trajectories.TrajectoryRow;
import org.termcurator.core.verifier.TestResult;
import org.termcurator.ui.session.FileDialogs;
import org.termcurator.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Trajectories section in the real window, headless: import through the chooser, search, facets, detail. */
@ExtendWith(ApplicationExtension.class)
class TrajectoriesViewTest {

    @TempDir
    static Path dir;

    private final Dialogs dialogs = new Dialogs();
    private AppContext context;
    private MainWindow window;

    /** Answers the file choosers the way a user would have. */
    static final class Dialogs implements FileDialogs {
        volatile Path project;
        volatile Path folder;
        volatile Path file;

        @Override
        public Optional<Path> chooseNewProject(Window owner) {
            return Optional.ofNullable(project);
        }

        @Override
        public Optional<Path> chooseProjectToOpen(Window owner) {
            return Optional.ofNullable(project);
        }

        @Override
        public Optional<Path> chooseFolder(Window owner, String title) {
            return Optional.ofNullable(folder);
        }

        @Override
        public Optional<Path> chooseFileToOpen(Window owner, String title, String description, String... patterns) {
            return Optional.ofNullable(file);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Path config = Files.createTempDirectory(dir, "config").resolve("settings.json");
        context = new AppContext(new SettingsStore(config), dialogs);
        window = new MainWindow(context.ui());
        window.show(stage);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> context.close());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void importRunsThenSearchFacetAndOpenAFailedTrial(FxRobot robot) throws Exception {
        Path runs = Files.createTempDirectory(dir, "runs");
        Fixtures.copy("tb1-run", runs);
        Fixtures.copy("harbor-job", runs);
        dialogs.project = Files.createTempDirectory(dir, "project").resolve("ui.curator");
        dialogs.folder = runs;

        robot.clickOn("#nav-trajectories");
        assertThat(robot.lookup("#trajectories-view .empty-state").tryQuery()).as("offers a project first").isPresent();
        context.ui().session().create(dialogs.project).completion().get(15, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#trajectories-import").tryQuery().isPresent());

        robot.clickOn("#trajectories-import");
        @SuppressWarnings("unchecked")
        TableView<TrajectoryRow> table = robot.lookup("#trajectories-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        Label status = robot.lookup("#trajectories-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().startsWith("Imported 6"));
        assertThat(robot.lookup("#trajectories-range").queryAs(Label.class).getText()).isEqualTo("1–6 of 6");

        // full-text search over commands
        robot.clickOn("#trajectories-search").write("chown").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(table.getItems().getFirst().trialName()).isEqualTo("fix-permissions.1-of-2");
        robot.interact(() -> robot.lookup("#trajectories-search").queryAs(TextField.class).clear());
        robot.clickOn("#trajectories-search").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 6);

        // a facet with its count narrows the table (the filters pane opens with its toggle)
        robot.clickOn("#trajectories-toggle-facets");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> facet(robot, "OUTCOME=unresolved").isPresent());
        ToggleButton unresolved = facet(robot, "OUTCOME=unresolved").orElseThrow();
        assertThat(unresolved.getText()).isEqualTo("unresolved (3)");
        robot.clickOn(unresolved);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        assertThat(table.getItems()).allSatisfy(row -> assertThat(row.resolved()).isFalse());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> facet(robot, "OUTCOME=unresolved").map(ToggleButton::isSelected).orElse(false));

        // the failed Terminal-Bench trial: its steps, with the unparsed answer marked, and its failing test
        int failed = indexOf(table, "fix-permissions.2-of-2");
        robot.interact(() -> table.getSelectionModel().select(failed));
        @SuppressWarnings("unchecked")
        ListView<Step> steps = robot.lookup("#trajectory-steps").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> steps.getItems().size() == 6);
        assertThat(steps.getItems().get(1).parseStatus().dbValue()).isEqualTo("parse_error");
        @SuppressWarnings("unchecked")
        ListView<TestResult> tests = robot.lookup("#trajectory-tests").queryAs(ListView.class);
        assertThat(tests.getItems()).extracting(TestResult::name).contains("test_owner_is_app");
        assertThat(robot.lookup("#trajectory-detail-header").queryAs(Label.class).getText())
                .contains("fix-permissions").contains("unresolved");
        assertThat(robot.lookup("#trajectory-replay").tryQuery()).as("a place for the replay").isPresent();

        // clearing the facet brings every trajectory back
        robot.clickOn("#trajectories-clear-facets");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 6);

        // a rows file through the file chooser: the good rows come in, the status names a bad line
        dialogs.file = Fixtures.copy("sft/rows.jsonl", Files.createTempDirectory(dir, "rows"));
        robot.clickOn("#trajectories-import-file");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 10);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().contains("failed 4"));
        assertThat(status.getText()).contains(dialogs.file + ":3");
        // every problem is listed, one line each, in a text that can be copied
        robot.clickOn("#trajectories-import-problems");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#trajectories-import-problems-text").tryQuery().isPresent());
        String problems = robot.lookup("#trajectories-import-problems-text").queryAs(javafx.scene.control.TextArea.class).getText();
        assertThat(problems.lines()).hasSize(4).allSatisfy(line -> assertThat(line).startsWith(dialogs.file + ":"));
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void aProjectImportedWithoutItsSearchIndexGetsItInTheBackgroundWhenOpened(FxRobot robot) throws Exception {
        Path project = Files.createTempDirectory(dir, "cli").resolve("from-cli.curator");
        try (ProjectDb db = ProjectDb.create(project)) {
            // what `curator import runs` leaves: the trajectories, their steps waiting for the index
            new RunImporter(db).importPaths(List.of(Fixtures.copy("tb1-run", Files.createTempDirectory(dir, "runs"))),
                    JobContext.unobserved());
            assertThat(StepsSearchIndex.backlog(db)).isEqualTo(4);
        }

        robot.clickOn("#nav-trajectories");
        context.ui().session().open(project).completion().get(15, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> context.ui().jobs().jobs().stream().anyMatch(job ->
                job.title().equals("Index trajectories for search") && job.state() == JobState.SUCCEEDED));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#trajectories-search").tryQuery().isPresent());

        robot.clickOn("#trajectories-search").write("chown").type(KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        TableView<TrajectoryRow> table = robot.lookup("#trajectories-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(table.getItems().getFirst().trialName()).isEqualTo("fix-permissions.1-of-2");
        assertThat(robot.lookup("#trajectories-unsearched").queryAs(Label.class).isVisible())
                .as("nothing is left out of the search").isFalse();
    }

    @Test
    void sortsEveryColumnBothWaysSearchesAsTheUserTypesAndClearsBack(FxRobot robot) throws Exception {
        Path project = Files.createTempDirectory(dir, "sorted").resolve("sorted.curator");
        try (ProjectDb db = ProjectDb.create(project)) {
            Path runs = Files.createTempDirectory(dir, "runs");
            Fixtures.copy("tb1-run", runs);
            Fixtures.copy("harbor-job", runs);
            new RunImporter(db).importPaths(List.of(runs), JobContext.unobserved());
            StepsSearchIndex.catchUp(db, JobContext.unobserved());
        }
        robot.clickOn("#nav-trajectories");
        context.ui().session().open(project).completion().get(15, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#trajectories-table").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<TrajectoryRow> table = robot.lookup("#trajectories-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        assertThat(table.getVisibleLeafColumns()).extracting(javafx.scene.control.TableColumn::getText)
                .containsExactly("Task", "Outcome", "Reward", "Turns", "Tokens", "Duration", "Agent", "Model", "Date");

        // sorting a column (what a header click does; the headless robot's click does not reach the
        // header's sort handler) orders the rows in the database, both ways, with the arrow shown
        javafx.scene.control.TableColumn<TrajectoryRow, ?> turns = table.getColumns().get(3);
        robot.interact(() -> {
            turns.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(turns);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> isSorted(table, false));
        robot.interact(() -> table.scrollToColumn(turns));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(header(robot, "trajectories-column-turns").lookup(".arrow").isVisible()).as("the sort arrow").isTrue();
        robot.interact(() -> turns.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> isSorted(table, true)
                && table.getItems().getFirst().turns() > table.getItems().getLast().turns());
        assertThat(table.getItems().getFirst().turns()).isEqualTo(3);

        // the search applies as the user types, without Enter; the clear button brings every row back
        robot.clickOn("#trajectories-search").write("chown");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.clickOn(robot.lookup("#trajectories-search .clear-button").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        assertThat(robot.lookup("#trajectories-search").queryAs(TextField.class).getText()).isEmpty();

        // nothing matches: the table says so and offers the way back, which clears the text too
        robot.clickOn("#trajectories-search").write("nosuchwordanywhere").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#trajectories-no-match").tryQuery().isPresent());
        assertThat(robot.lookup("#trajectories-no-match").queryAs(Label.class).getText()).isEqualTo("No trajectories match");
        robot.clickOn("#trajectories-no-match-clear");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        assertThat(robot.lookup("#trajectories-search").queryAs(TextField.class).getText()).isEmpty();

        // the column chooser's choice is remembered in the settings
        robot.interact(() -> table.getColumns().stream().filter(column -> column.getText().equals("Trial"))
                .findFirst().orElseThrow().setVisible(true));
        assertThat(context.ui().settings().getLayout().get("trajectories.columns")).contains("trajectories-column-trial");

        // the facet pane opens with its toggle, collapses with Ctrl+B and comes back, remembered
        assertThat(robot.lookup("#trajectories-facets").tryQuery()).as("collapsed at first").isEmpty();
        robot.clickOn("#trajectories-toggle-facets");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#trajectories-facets").tryQuery()).isPresent();
        robot.clickOn("#trajectories-toggle-facets");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#trajectories-facets").tryQuery()).isEmpty();
        assertThat(context.ui().settings().getLayout().get("trajectories.facets-shown")).isEqualTo("false");
        robot.clickOn("#trajectories-table");
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#trajectories-facets").tryQuery()).isPresent();
    }

    @Test
    void openingATrajectoryFromElsewhereShowsThatOneNotTheSelectedOne(FxRobot robot) throws Exception {
        Path project = Files.createTempDirectory(dir, "open").resolve("open.curator");
        try (ProjectDb db = ProjectDb.create(project)) {
            new RunImporter(db).importPaths(List.of(Fixtures.copy("tb1-run", Files.createTempDirectory(dir, "runs"))),
                    JobContext.unobserved());
        }
        robot.clickOn("#nav-trajectories");
        context.ui().session().open(project).completion().get(15, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#trajectories-table").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<TrajectoryRow> table = robot.lookup("#trajectories-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        TrajectoryRow first = table.getItems().getFirst();
        TrajectoryRow other = table.getItems().get(2);
        robot.interact(() -> table.getSelectionModel().select(0));
        Label header = robot.lookup("#trajectory-detail-header").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> header.getText().contains(first.trialName()));

        // what Rollouts' "Open trajectory" does: another section, then this trajectory
        robot.clickOn("#nav-rollouts");
        robot.interact(() -> window.openTrajectory(other.id()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> header.getText().contains(other.trialName()));
        // the table's refresh that follows does not bring the previous selection back
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(header.getText()).contains(other.trialName()).doesNotContain(first.trialName());
        assertThat(table.getSelectionModel().getSelectedItem()).extracting(TrajectoryRow::id).isEqualTo(other.id());
    }

    private static javafx.scene.Node header(FxRobot robot, String columnId) {
        return robot.lookup(".column-header").queryAll().stream().filter(node -> columnId.equals(node.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no header " + columnId));
    }

    private static boolean isSorted(TableView<TrajectoryRow> table, boolean descending) {
        List<Integer> turns = table.getItems().stream().map(TrajectoryRow::turns).toList();
        if (turns.size() != 6) {
            return false;
        }
        for (int i = 1; i < turns.size(); i++) {
            int order = Integer.compare(turns.get(i - 1), turns.get(i));
            if (descending ? order < 0 : order > 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<ToggleButton> facet(FxRobot robot, String key) {
        return robot.lookup(".facet-entry").queryAllAs(ToggleButton.class).stream()
                .filter(button -> key.equals(button.getUserData())).findFirst();
    }

    private static int indexOf(TableView<TrajectoryRow> table, String trialName) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (trialName.equals(table.getItems().get(i).trialName())) {
                return i;
            }
        }
        throw new AssertionError(trialName + " is not in the table");
    }
}
