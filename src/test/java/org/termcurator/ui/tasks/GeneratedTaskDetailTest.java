package org.termcurator.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.app.AppContext;
import org.termcurator.core.generation.GenerationConfig;
import org.termcurator.core.generation.GenerationMode;
import org.termcurator.core.generation.GenerationRun;
import org.termcurator.core.generation.GenerationRunTest;
import org.termcurator.core.generation.GenerationStore;
import org.termcurator.core.generation.PromptTemplates;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.llm.ChatClient;
import org.termcurator.core.llm.ChatEndpoint;
import org.termcurator.core.llm.FakeChatServer;
import org.termcurator.core.llm.TokenUsage;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.seeds.Seed;
import org.termcurator.core.seeds.SeedStore;
import org.termcurator.core.settings.SettingsStore;
import org.termcurator.core.skills.SkillStore;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.ui.FxWait;
import org.termcurator.ui.controls.EmptyState;
import org.termcurator.ui.session.ScriptedFileDialogs;
import org.termcurator.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Generated tasks in the Tasks section: they appear when a run ends, and the detail shows their lineage. */
@ExtendWith(ApplicationExtension.class)
class GeneratedTaskDetailTest {

    @TempDir
    Path dir;

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = new AppContext(new SettingsStore(Files.createTempDirectory("lineage-config").resolve("s.json")),
                new ScriptedFileDialogs());
        new MainWindow(context.ui()).show(stage);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> context.close());
        WaitForAsyncUtils.waitForFxEvents();
    }


    @SuppressWarnings("unchecked")
    private static TableView<TaskRowRef> table(FxRobot robot) {
        return robot.lookup("#tasks-table").queryAs(TableView.class);
    }

    private static void selectTab(FxRobot robot, String id) {
        for (TabPane tabs : robot.lookup(".tab-pane").queryAllAs(TabPane.class)) {
            tabs.getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
        }
    }

    @Test
    void tasksGeneratedWhileTheSectionIsOpenAppearAndTheDetailShowsSeedTemplateModelPromptAndAnswer(FxRobot robot)
            throws Exception {
        Path projectFile = dir.resolve("p.curator");
        ProjectDb.create(projectFile).close();
        ProjectDb db = context.ui().session().open(projectFile).completion().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nav-tasks");
        FxWait.until("the empty project says so", () -> robot.lookup("#tasks-view .empty-state").tryQuery()
                .map(node -> "No tasks yet".equals(((EmptyState) node).titleText())).orElse(false));

        Seed seed = new SeedStore(db).insert(Seed.of("Sum the amount column of sales.csv").withTitle("Sales total"));
        String answer = GenerationRunTest.goodAnswer("sales-total", "Write the total of /app/data/sales.csv to /app/total.txt.");
        try (FakeChatServer server = new FakeChatServer()) {
            server.otherwise(FakeChatServer.Reply.answer(answer));
            GenerationConfig config = GenerationConfig.of(GenerationMode.SEED, 1, null, null, 3, 1,
                    new ChatEndpoint(server.baseUrl(), "fake-model", null), dir.resolve("generated"));
            TokenUsage usage = new TokenUsage();
            new GenerationRun(config, new SeedStore(db), new SkillStore(db), new PromptTemplates(db),
                    new ChatClient(config.endpoint(), config.retry(), name -> null, usage), usage,
                    new GenerationStore(db, new LintContext(Set.of(), true, Map.of()))).run(JobContext.unobserved());
        }
        robot.interact(() -> context.ui().session().tasksChanged());

        FxWait.until("the generated task is in the table", () -> robot.lookup("#tasks-table").tryQuery().isPresent()
                && table(robot).getItems().size() == 1);
        robot.interact(() -> table(robot).getSelectionModel().clearAndSelect(0));
        FxWait.until("the detail shows the task", () -> robot.lookup("#task-detail-name").queryAs(Label.class).getText()
                .equals("sales-total"));
        // the detail pane is narrow: its last tabs may sit in the overflow menu
        robot.interact(() -> selectTab(robot, "tab-lineage"));

        FxWait.until("the lineage is read", () -> robot.lookup("#task-lineage-summary").queryAs(Label.class).getText()
                .equals("Generated from a seed by fake-model."));
        assertThat(robot.lookup("#task-lineage-seed").queryAs(Label.class).getText())
                .isEqualTo("#" + seed.id() + "  Sales total");
        assertThat(robot.lookup("#task-lineage-template").queryAs(Label.class).getText())
                .isEqualTo("seed (built-in), version " + PromptTemplates.builtIn(GenerationMode.SEED).version());
        assertThat(robot.lookup("#task-lineage-model").queryAs(Label.class).getText()).isEqualTo("fake-model");
        assertThat(robot.lookup("#task-lineage-prompt").queryAs(TextArea.class).getText())
                .contains("Sum the amount column of sales.csv");
        robot.interact(() -> selectTab(robot, "tab-lineage-answer"));
        assertThat(robot.lookup("#task-lineage-answer").queryAs(TextArea.class).getText()).isEqualTo(answer);
    }
}
