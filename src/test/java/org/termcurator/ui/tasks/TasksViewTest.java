package org.termcurator.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.app.AppContext;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.settings.SettingsStore;
import org.termcurator.core.tasks.ImportSummary;
import org.termcurator.core.tasks.TaskFolders;
import org.termcurator.core.tasks.TaskImporter;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.ui.controls.CodeView;
import org.termcurator.ui.controls.EmptyState;
import org.termcurator.ui.controls.MarkdownView;
import org.termcurator.ui.session.ScriptedFileDialogs;
import org.termcurator.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Tasks section in the real window, headless: import, search, facets, detail, editing, export. */
@ExtendWith(ApplicationExtension.class)
class TasksViewTest {

    private static final Path SAMPLES = Path.of("sample-data/tasks").toAbsolutePath();

    @TempDir
    Path dir;

    private final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();
    private AppContext context;
    private Path projectFile;

    @Start
    void start(Stage stage) throws Exception {
        context = new AppContext(new SettingsStore(Files.createTempDirectory("tasks-view-config").resolve("s.json")), dialogs);
        new MainWindow(context.ui()).show(stage);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> context.close());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openProject(FxRobot robot) throws Exception {
        projectFile = dir.resolve("tasks.curator");
        if (!Files.exists(projectFile)) {
            ProjectDb.create(projectFile).close();
        }
        context.ui().session().open(projectFile).completion().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nav-tasks");
    }

    private static void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            // the scene is looked at on the FX thread, never while it is half changed
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<TaskRowRef> table(FxRobot robot) {
        return robot.lookup("#tasks-table").queryAs(TableView.class);
    }

    private void importSamplesThroughTheDialog(FxRobot robot) throws Exception {
        openProject(robot);
        waitUntil("the empty project says so", () -> robot.lookup("#tasks-view .empty-state").tryQuery()
                .map(node -> "No tasks yet".equals(((EmptyState) node).titleText())).orElse(false));
        dialogs.next = SAMPLES;
        robot.clickOn("#tasks-view-import");
        // one lookup: the section swaps its empty state for the table while this is asked
        waitUntil("the five samples are in the table", () -> robot.lookup("#tasks-table").tryQuery()
                .map(node -> ((TableView<?>) node).getItems().size() == 5).orElse(false));
    }

    private void selectRow(FxRobot robot, int index) throws Exception {
        robot.interact(() -> table(robot).getSelectionModel().clearAndSelect(index));
        waitUntil("the detail shows the task", () -> !robot.lookup("#task-detail-name").queryAs(Label.class).getText()
                .matches("No task selected|Loading…"));
    }

    @Test
    void importingThroughTheFolderChooserFillsTheTableAndReportsTheCounts(FxRobot robot) throws Exception {
        importSamplesThroughTheDialog(robot);

        assertThat(dialogs.lastTitle).isEqualTo("Import Tasks");
        waitUntil("the status says what happened", () -> robot.lookup("#tasks-status").queryAs(Label.class).getText()
                .equals("Imported 5, updated 0, unchanged 0, failed 0"));
        assertThat(robot.lookup("#tasks-count").queryAs(Label.class).getText()).isEqualTo("5 of 5 tasks");
        // the import ran as a job, shown in the Jobs section
        assertThat(context.ui().jobs().snapshots()).anySatisfy(job -> assertThat(job.title()).startsWith("Import tasks"));

        // importing the same folder again changes nothing
        robot.clickOn("#tasks-import");
        waitUntil("the second import reports unchanged tasks", () -> robot.lookup("#tasks-status").queryAs(Label.class)
                .getText().equals("Imported 0, updated 0, unchanged 5, failed 0"));
        waitUntil("the table still holds the five tasks", () -> robot.lookup("#tasks-table").tryQuery()
                .map(node -> ((TableView<?>) node).getItems().size() == 5).orElse(false));
    }

    @Test
    void searchFindsATaskByAWordOfItsInstructionAndTheDetailMarksItAndHighlightsTheDockerfile(FxRobot robot)
            throws Exception {
        importSamplesThroughTheDialog(robot);

        robot.clickOn("#tasks-search").write("refunded");
        waitUntil("only the matching task is left", () -> table(robot).getItems().size() == 1);
        assertThat(robot.lookup("#tasks-count").queryAs(Label.class).getText()).isEqualTo("1 of 5 tasks");
        selectRow(robot, 0);

        assertThat(robot.lookup("#task-detail-name").queryAs(Label.class).getText()).isEqualTo("curator-samples/sales-by-region");
        MarkdownView instruction = robot.lookup("#task-instruction").queryAs(MarkdownView.class);
        waitUntil("the instruction is rendered", () -> instruction.renderedText().startsWith("Summarise sales by region"));
        assertThat(instruction.markedWords()).contains("refunded");

        robot.clickOn("#tab-files");
        CodeView code = robot.lookup("#task-code").queryAs(CodeView.class);
        waitUntil("the Dockerfile is shown", () -> code.getText().startsWith("FROM curator/debian:bookworm"));
        assertThat(code.stylesAt(1)).contains("keyword");
        assertThat(code.stylesAt(code.getText().indexOf("WORKDIR") + 1)).contains("keyword");

        // clearing the search brings every task back
        robot.clickOn("#tasks-clear-filters");
        waitUntil("all tasks are back", () -> table(robot).getItems().size() == 5);
    }

    @Test
    void facetFiltersNarrowTheTableAndTheirCountsAddUpToTheTotal(FxRobot robot) throws Exception {
        importSamplesThroughTheDialog(robot);
        waitUntil("the difficulty facet has its counts", () -> robot.lookup("#facet-difficulty .facet-value")
                .queryAll().size() == 3);

        long sum = robot.lookup("#facet-category .facet-value").queryAllAs(CheckBox.class).stream()
                .mapToLong(box -> Long.parseLong(box.getText().replaceAll(".*\\((\\d+)\\)$", "$1"))).sum();
        assertThat(sum).isEqualTo(5);
        CheckBox easy = robot.lookup("#facet-difficulty .facet-value").queryAllAs(CheckBox.class).stream()
                .filter(box -> box.getText().equals("easy (2)")).findFirst().orElseThrow();
        robot.clickOn(easy);
        waitUntil("only the easy tasks are left", () -> table(robot).getItems().size() == 2);
        CheckBox hard = robot.lookup("#facet-difficulty .facet-value").queryAllAs(CheckBox.class).stream()
                .filter(box -> box.getText().startsWith("hard")).findFirst().orElseThrow();
        robot.clickOn(hard);
        waitUntil("easy or hard", () -> table(robot).getItems().size() == 3);
        // other facets now count among the easy and hard tasks
        waitUntil("the category counts follow", () -> robot.lookup("#facet-category .facet-value")
                .queryAllAs(CheckBox.class).stream().mapToLong(box ->
                        Long.parseLong(box.getText().replaceAll(".*\\((\\d+)\\)$", "$1"))).sum() == 3);
        robot.clickOn("#tasks-clear-filters");
        waitUntil("all tasks are back", () -> table(robot).getItems().size() == 5);
    }

    @Test
    void editingMetadataAndAFileValidatesUndoesSavesAndTheExportReimportsUnchanged(FxRobot robot) throws Exception {
        importSamplesThroughTheDialog(robot);
        robot.clickOn("#tasks-search").write("inventory");
        waitUntil("the task is found", () -> table(robot).getItems().size() == 1);
        selectRow(robot, 0);
        assertThat(robot.lookup("#task-detail-name").queryAs(Label.class).getText()).isEqualTo("fix-inventory-report");

        // metadata: the form writes into task.toml
        robot.clickOn("#tab-metadata");
        TextField category = robot.lookup("#meta-category").queryAs(TextField.class);
        robot.interact(() -> category.setText("shell-scripting"));
        robot.clickOn(category).type(KeyCode.ENTER);
        waitUntil("the task is marked unsaved", () -> robot.lookup("#task-detail-dirty").query().isVisible());

        // a file edit that breaks the TOML is shown at its line and cannot be saved
        robot.clickOn("#tab-files");
        robot.interact(() -> robot.lookup("#task-detail").queryAs(TaskDetailView.class).openFile("task.toml"));
        CodeView code = robot.lookup("#task-code").queryAs(CodeView.class);
        waitUntil("task.toml is open with the edited category", () -> code.getText().contains("category = \"shell-scripting\""));
        robot.clickOn("#task-edit-file");
        robot.interact(() -> code.area().replaceText(code.getText() + "\n[broken\n"));
        Label problem = robot.lookup("#task-problem").queryAs(Label.class);
        waitUntil("the problem is shown", () -> problem.getText().startsWith("task.toml line "));
        assertThat(robot.lookup("#task-save").queryAs(Button.class).isDisabled()).isTrue();

        // undo takes the broken edit back, leaving the category change
        robot.clickOn("#task-undo");
        waitUntil("the problem is gone", () -> problem.getText().isEmpty());
        assertThat(code.getText()).doesNotContain("[broken").contains("shell-scripting");
        robot.clickOn("#task-save");
        waitUntil("saved", () -> !robot.lookup("#task-detail-dirty").query().isVisible());
        waitUntil("the table shows the new category", () -> {
            TaskRowRef ref = table(robot).getItems().getFirst();
            return ref.row() != null && "shell-scripting".equals(ref.row().category());
        });

        // export the edited task, and it reads back in as unchanged
        Path out = dir.resolve("export");
        dialogs.next = out;
        robot.interact(() -> table(robot).getSelectionModel().selectAll());
        robot.clickOn("#tasks-export");
        waitUntil("the folder is written", () -> Files.exists(out.resolve("fix-inventory-report/task.toml")));
        assertThat(Files.readString(out.resolve("fix-inventory-report/task.toml"))).contains("shell-scripting");
        ImportSummary again = new TaskImporter(context.ui().session().project(),
                TaskImporter.Options.defaults(LintContext.withoutDocker(Map.of())))
                .importPaths(List.of(out), JobContext.unobserved());
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.imported()).isZero();
    }

    @Test
    void brokenTasksAreCountedAndListedAfterAnImport(FxRobot robot) throws Exception {
        Path set = dir.resolve("set");
        TaskFolders.harbor(set, "fine").write();
        TaskFolders.harbor(set, "broken").file("task.toml", "[metadata\n").write();
        openProject(robot);
        dialogs.next = set;
        robot.clickOn("#tasks-view-import");
        waitUntil("the good task is in", () -> robot.lookup("#tasks-table").tryQuery().isPresent()
                && table(robot).getItems().size() == 1);
        waitUntil("the failure is counted", () -> robot.lookup("#tasks-status").queryAs(Label.class).getText()
                .endsWith("failed 1"));
        assertThat(robot.lookup("#tasks-import-errors").query().isVisible()).isTrue();
    }
}
