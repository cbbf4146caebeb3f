package org.termcurator.ui.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.seeds.Seed;
import org.termcurator.core.seeds.SeedStore;
import org.termcurator.core.skills.SkillStore;
import org.termcurator.core.skills.SkillTree;
import org.termcurator.core.skills.Taxonomy;
import org.termcurator.ui.controls.MarkdownView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Seeds & Skills section headless, on a real project file. */
@ExtendWith(ApplicationExtension.class)
class SeedsSkillsViewTest {

    @TempDir
    static Path dir;

    private SeedsSection.Shown section;
    private ProjectDb db;

    @Start
    void start(Stage stage) throws Exception {
        Path folder = Files.createTempDirectory(dir, "case");
        Path project = folder.resolve("p.curator");
        try (ProjectDb setup = ProjectDb.create(project)) {
            new SeedStore(setup).insert(Seed.of("# Sales total\n\nSum the **amount** column.").withTitle("Sales total")
                    .withDomain("data processing"));
            new SeedStore(setup).insert(Seed.of("Rotate the logs").withTitle("Logs"));
            new SkillStore(setup).importTaxonomy(new Taxonomy(List.of(new Taxonomy.Entry("d", null, null, List.of(
                    new Taxonomy.Entry("one", null, null, List.of(SeedsSection.leaf("a"), SeedsSection.leaf("b"), SeedsSection.leaf("c"))),
                    new Taxonomy.Entry("two", null, null, List.of(SeedsSection.leaf("x"))))))));
        }
        SeedsSection.Shown shown = SeedsSection.show(stage, project, 1200, 800);
        section = shown;
        db = shown.db();
    }

    @AfterEach
    void close() {
        section.close();
    }

    private Seed seedTitled(String title) throws Exception {
        return new SeedStore(db).list(org.termcurator.core.seeds.SeedQuery.all()).stream()
                .filter(seed -> title.equals(seed.title())).findFirst().orElse(null);
    }

    @Test
    void editingASeedSavesItShowsTheMarkdownAndUndoRedoWorkFromTheKeyboard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Sales total").tryQuery().isPresent());
        robot.clickOn("Sales total");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#seed-preview-tab");
        MarkdownView preview = robot.lookup("#seed-preview").queryAs(MarkdownView.class);
        assertThat(preview.renderedText()).contains("Sales total").contains("Sum the amount column.").doesNotContain("**");

        robot.doubleClickOn("#seed-title").eraseText(1);
        robot.interact(() -> robot.lookup("#seed-title").queryAs(javafx.scene.control.TextField.class).setText("Sales sum"));
        robot.clickOn("#seed-tags").write("csv, money");
        robot.clickOn("#seed-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seedTitled("Sales sum") != null);
        assertThat(seedTitled("Sales sum").tags()).containsExactly("csv", "money");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Sales sum").tryQuery().isPresent());

        robot.clickOn("#seeds-table");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seedTitled("Sales total") != null);
        assertThat(seedTitled("Sales total").tags()).isEmpty();

        robot.clickOn("#seeds-table");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seedTitled("Sales sum") != null);
    }

    private static List<String> names(SkillTree dimension) {
        return dimension.children().stream().map(child -> child.node().name()).toList();
    }

    private Node cell(FxRobot robot, String text) {
        return robot.lookup((Node node) -> node instanceof TreeCell<?> cell && text.equals(cell.getText())
                && cell.isVisible()).query();
    }

    @Test
    void draggingASkillOntoAnotherDimensionsSkillMovesItThereAndUndoPutsItBack(FxRobot robot) throws Exception {
        robot.clickOn("Skills");
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#skills-tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tree.getRoot().getChildren().isEmpty());
        robot.interact(() -> expandAll(tree.getRoot()));
        WaitForAsyncUtils.waitForFxEvents();

        robot.drag(cell(robot, "b")).dropTo(cell(robot, "x"));
        SkillStore skills = new SkillStore(db);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                names(skills.tree().getFirst().children().get(1)).equals(List.of("b", "x")));
        assertThat(names(skills.tree().getFirst().children().getFirst())).containsExactly("a", "c");

        robot.clickOn("#skills-undo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                names(skills.tree().getFirst().children().getFirst()).equals(List.of("a", "b", "c")));

        // a skill dropped on a domain cannot go there: nothing moves
        robot.interact(() -> expandAll(tree.getRoot()));
        robot.drag(cell(robot, "a")).dropTo(cell(robot, "d  (domain)"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                robot.lookup("#skills-status").queryLabeled().getText().contains("cannot go there"));
        assertThat(names(skills.tree().getFirst().children().getFirst())).containsExactly("a", "b", "c");

        // rename in place
        robot.doubleClickOn(cell(robot, "c"));
        robot.interact(() -> robot.lookup("#skill-name-editor").queryAs(javafx.scene.control.TextField.class).setText("cee"));
        robot.clickOn("#skill-name-editor").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                names(skills.tree().getFirst().children().getFirst()).equals(List.of("a", "b", "cee")));
    }

    private static void expandAll(TreeItem<?> item) {
        item.setExpanded(true);
        item.getChildren().forEach(SeedsSkillsViewTest::expandAll);
    }
}
