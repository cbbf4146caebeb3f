package org.termcurator.ui.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.app.AppContext;
import org.termcurator.core.generation.GenerationMode;
import org.termcurator.core.generation.GenerationRunTest;
import org.termcurator.core.llm.FakeChatServer;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.seeds.Seed;
import org.termcurator.core.seeds.SeedStore;
import org.termcurator.core.skills.SkillStore;
import org.termcurator.core.skills.Taxonomy;
import org.termcurator.core.tasks.TaskStore;
import org.termcurator.core.tasks.query.TaskFacet;
import org.termcurator.core.tasks.query.TaskQueries;
import org.termcurator.core.tasks.query.TaskQuery;
import org.termcurator.ui.FxWait;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Generation and Coverage tabs headless, on a real project and a local server speaking
 * the chat-completions protocol: a run started from the form stores its tasks in the
 * project, lists what it made and what it could not use, and the coverage chart follows.
 */
@ExtendWith(ApplicationExtension.class)
class GenerationAndCoverageTabsTest {

    @TempDir
    static Path dir;

    private SeedsSection.Shown section;
    private AppContext context;
    private ProjectDb db;
    private FakeChatServer server;

    @Start
    void start(Stage stage) throws Exception {
        Path folder = Files.createTempDirectory(dir, "case");
        Path project = folder.resolve("p.curator");
        try (ProjectDb setup = ProjectDb.create(project)) {
            SeedStore seeds = new SeedStore(setup);
            seeds.insert(Seed.of("Sum the amount column of sales.csv").withTitle("Sales total"));
            seeds.insert(Seed.of("Rotate the logs of /var/log/app").withTitle("Logs"));
            new SkillStore(setup).importTaxonomy(new Taxonomy(List.of(
                    new Taxonomy.Entry("shell", null, null, List.of(new Taxonomy.Entry("systems", null, null,
                            List.of(SeedsSection.leaf("pipes"), SeedsSection.leaf("find"), SeedsSection.leaf("awk"), SeedsSection.leaf("sed"), SeedsSection.leaf("xargs"))))),
                    new Taxonomy.Entry("security", null, null, List.of(new Taxonomy.Entry("systems", null, null,
                            List.of(SeedsSection.leaf("permissions"), SeedsSection.leaf("hashing"))))))));
        }
        server = new FakeChatServer();
        SeedsSection.Shown shown = SeedsSection.show(stage, project, 1300, 900);
        section = shown;
        context = shown.context();
        db = shown.db();
    }

    @AfterEach
    void close() {
        server.close();
        section.close();
    }

    @SuppressWarnings("unchecked")
    private void fillRunForm(FxRobot robot, GenerationMode mode, int count, String domain) {
        robot.clickOn("#tab-generation");
        robot.interact(() -> {
            robot.lookup("#run-mode").queryAs(ComboBox.class).setValue(mode);
            robot.lookup("#run-count").queryAs(Spinner.class).getValueFactory().setValue(count);
            robot.lookup("#run-concurrency").queryAs(Spinner.class).getValueFactory().setValue(1);
            robot.lookup("#run-domain").queryAs(TextField.class).setText(domain);
            robot.lookup("#run-endpoint").queryAs(TextField.class).setText(server.baseUrl());
            robot.lookup("#run-model").queryAs(TextField.class).setText("fake-model");
            robot.lookup("#run-api-key-env").queryAs(TextField.class).setText("");
            robot.lookup("#run-random-seed").queryAs(TextField.class).setText("5");
            robot.lookup("#run-out").queryAs(TextField.class).setText(dir.resolve("generated-" + mode.key()).toString());
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunFromTheFormStoresItsTasksListsTheUnusableAnswerWithItsTextAndTellsTheWindow(FxRobot robot) throws Exception {
        server.then(FakeChatServer.Reply.answer(GenerationRunTest.goodAnswer("sales-total",
                        "Write the total of /app/data/sales.csv to /app/total.txt.")),
                FakeChatServer.Reply.answer("I would rather not."));
        long revisionBefore = context.ui().session().tasksRevisionProperty().get();
        fillRunForm(robot, GenerationMode.SEED, 2, "");

        robot.clickOn("#run-generate");

        ListView<GenerationViewModel.RunOutcome> results = robot.lookup("#run-results").queryAs(ListView.class);
        FxWait.until("the run lists its two outcomes", () -> results.getItems().size() == 2);
        assertThat(results.getItems()).extracting(GenerationViewModel.RunOutcome::text)
                .anySatisfy(text -> assertThat(text).startsWith("✓ sales-total"))
                .anySatisfy(text -> assertThat(text).startsWith("✗ #").contains("unusable answer"));
        FxWait.until("the status counts the run", () -> robot.lookup("#generation-status").queryLabeled().getText()
                .startsWith("Generated 1 of 2 tasks into the project"));
        assertThat(context.ui().session().tasksRevisionProperty().get()).as("the Tasks section is told to read again")
                .isGreaterThan(revisionBefore);

        TaskQueries queries = new TaskQueries(db);
        assertThat(queries.count(TaskQuery.all().withFilter(TaskFacet.ORIGIN, java.util.Set.of("generated")))).isEqualTo(1);

        int failed = results.getItems().stream().map(GenerationViewModel.RunOutcome::text).toList()
                .indexOf(results.getItems().stream().map(GenerationViewModel.RunOutcome::text)
                        .filter(text -> text.startsWith("✗")).findFirst().orElseThrow());
        robot.interact(() -> results.getSelectionModel().select(failed));
        TextArea answer = robot.lookup("#run-answer").queryAs(TextArea.class);
        assertThat(answer.getText()).startsWith("Prompt:\n").contains("Raw answer:\nI would rather not.");

        // the seed that made the task lists it
        robot.clickOn("#tab-seeds");
        long seedId = db.read(c -> {
            try (var statement = c.prepareStatement("SELECT seed_id FROM tasks");
                 var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
        String title = new SeedStore(db).find(seedId).orElseThrow().title();
        FxWait.until("the seed is listed", () -> robot.lookup(title).tryQuery().isPresent());
        robot.clickOn(title);
        ListView<SeedStore.TaskRef> tasks = robot.lookup("#seed-tasks").queryAs(ListView.class);
        FxWait.until("the seed shows the task made from it", () -> tasks.getItems().size() == 1);
        assertThat(tasks.getItems().getFirst().name()).isEqualTo("sales-total");
        assertThat(tasks.getItems().getFirst().status()).isEqualTo("generated");
    }

    @Test
    @SuppressWarnings("unchecked")
    void coverageChartsEverySkillAndGeneratedTasksTakeTheirSkillsOffTheGapList(FxRobot robot) throws Exception {
        robot.clickOn("#tab-coverage");
        ListView<String> gaps = robot.lookup("#coverage-gaps").queryAs(ListView.class);
        FxWait.until("every skill is a gap in a project without tasks", () -> gaps.getItems().size() == 7);

        server.otherwise(FakeChatServer.Reply.answer(GenerationRunTest.goodAnswer("pipeline",
                "Build a shell pipeline that finds every log file under /app and counts its lines.")));
        fillRunForm(robot, GenerationMode.SKILL, 1, "shell");
        robot.clickOn("#run-generate");
        FxWait.until("the task is stored", () -> db.read(TaskStore::count) == 1);
        FxWait.until("the status counts the run", () -> robot.lookup("#generation-status").queryLabeled().getText()
                .startsWith("Generated 1 of 1 tasks"));

        robot.clickOn("#tab-coverage");
        FxWait.until("the task's skills are no longer gaps", () -> gaps.getItems().size() < 7);
        int used = 7 - gaps.getItems().size();
        assertThat(used).isBetween(3, 5);
        assertThat(gaps.getItems()).contains("security › systems › permissions", "security › systems › hashing");

        ComboBox<String> domain = robot.lookup("#coverage-domain").queryAs(ComboBox.class);
        robot.interact(() -> domain.setValue("shell"));
        BarChart<String, Number> chart = robot.lookup("#coverage-chart").queryAs(BarChart.class);
        FxWait.until("the chart shows the shell skills", () -> chart.getData().getFirst().getData().size() == 5);
        XYChart.Series<String, Number> tasks = chart.getData().getFirst();
        assertThat(tasks.getName()).isEqualTo("tasks");
        assertThat(tasks.getData()).extracting(XYChart.Data::getXValue)
                .containsExactly("pipes", "find", "awk", "sed", "xargs");
        assertThat(tasks.getData().stream().filter(bar -> bar.getYValue().intValue() == 1).count()).isEqualTo(used);
        assertThat(tasks.getData().stream().filter(bar -> bar.getYValue().intValue() == 0).count())
                .as("skills without tasks are bars of zero").isEqualTo(5 - used);
    }
}
