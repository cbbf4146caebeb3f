package org.termcurator.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.jobs.JobManager;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.tasks.MetadataField;
import org.termcurator.core.tasks.TaskFolders;
import org.termcurator.core.tasks.TaskImporter;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.core.tasks.query.TaskFacet;
import org.termcurator.core.tasks.query.TaskSort;

/** The view model without a toolkit: results come back on the calling threads. */
class TasksViewModelTest {

    @TempDir
    Path dir;

    private ProjectDb db;
    private JobManager jobs;
    private TasksViewModel model;

    @BeforeEach
    void open() throws Exception {
        db = ProjectDb.create(dir.resolve("p.curator"));
        for (int i = 0; i < 250; i++) {
            TaskFolders.harbor(dir.resolve("set"), String.format("task-%03d", i))
                    .file("task.toml", "[task]\nname = \"set/task-" + String.format("%03d", i) + "\"\n[metadata]\n"
                            + "category = \"" + (i % 2 == 0 ? "even" : "odd") + "\"\n").write();
        }
        new TaskImporter(db, TaskImporter.Options.defaults(LintContext.withoutDocker(Map.of())))
                .importPaths(List.of(dir.resolve("set")), JobContext.unobserved());
        jobs = new JobManager();
        model = new TasksViewModel(jobs, () -> DockerAddress.of("unix:///nonexistent.sock"), Runnable::run);
        model.setProject(db);
        model.rowsReady().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        model.close();
        jobs.close();
        db.close();
    }

    @Test
    void theRowListKnowsEveryTaskButReadsOnlyThePagesAskedFor() throws Exception {
        TaskRowList rows = model.rowsProperty().get();
        assertThat(rows).hasSize(250);
        assertThat(model.totalProperty().get()).isEqualTo(250);

        // the first page comes with the list
        assertThat(rows.loaded(0)).isDone();
        assertThat(rows.get(0).row().name()).isEqualTo("set/task-000");
        assertThat(rows.get(99).row()).isNotNull();
        rows.loaded(199).get(10, TimeUnit.SECONDS);
        assertThat(rows.get(199).row().name()).isEqualTo("set/task-199");
        // the ids of every match follow, for rows never shown
        model.facetsReady().get(10, TimeUnit.SECONDS);
        assertThat(rows.hasIds()).isTrue();
        long last = rows.idAt(249);
        rows.loaded(249).get(10, TimeUnit.SECONDS);
        assertThat(rows.get(249).id()).isEqualTo(last);
        assertThat(rows.indexOf(last)).isEqualTo(249);
    }

    @Test
    void onlyThePagesShownAreRead() {
        List<Long> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        TaskRowList rows = new TaskRowList(1_000, List.of(), (offset, limit) -> {
            asked.add(offset);
            return List.of();
        }, Runnable::run, Runnable::run);

        rows.get(0);
        rows.get(150);
        rows.get(199);
        rows.get(999);

        assertThat(asked).containsExactly(100L, 900L); // page 0 came with the list
        assertThat(rows.size()).isEqualTo(1_000);
        assertThat(rows.idAt(500)).as("neither read nor listed").isEqualTo(-1);
    }

    @Test
    void filtersSortingAndSearchReplaceTheRowsAndFacetCounts() throws Exception {
        model.setFilter(TaskFacet.CATEGORY, "odd", true);
        model.rowsReady().get(10, TimeUnit.SECONDS);
        model.facetsReady().get(10, TimeUnit.SECONDS);
        assertThat(model.totalProperty().get()).isEqualTo(125);
        assertThat(model.projectTotalProperty().get()).isEqualTo(250);
        assertThat(model.facetsProperty().get().get(TaskFacet.CATEGORY)).hasSize(2);

        model.sortBy(TaskSort.NAME, true);
        model.rowsReady().get(10, TimeUnit.SECONDS);
        TaskRowList rows = model.rowsProperty().get();
        assertThat(rows.get(0).row().name()).isEqualTo("set/task-249");

        model.searchTextProperty().set("task-007");
        model.searchNow();
        model.rowsReady().get(10, TimeUnit.SECONDS);
        assertThat(model.totalProperty().get()).isEqualTo(1);
        assertThat(model.searchTermsProperty().get()).containsExactly("task", "007");
        model.clearFilters();
        model.searchTextProperty().set("");
        model.searchNow();
        model.rowsReady().get(10, TimeUnit.SECONDS);
        assertThat(model.totalProperty().get()).isEqualTo(250);
        assertThat(model.queryProperty().get().selected(TaskFacet.CATEGORY)).isEqualTo(Set.of());
    }

    @Test
    void editsAreCheckedUndoneKeptPerTaskAndSaved() throws Exception {
        TaskDetailViewModel detail = model.detail();
        model.select(3);
        waitFor(() -> detail.detailProperty().get() != null);
        long first = detail.shownId();

        detail.setMetadata(MetadataField.DIFFICULTY, "hard");
        assertThat(detail.dirtyProperty().get()).isTrue();
        assertThat(detail.currentTask().difficulty()).isEqualTo("hard");
        detail.edit("task.toml", detail.text("task.toml") + "\nbroken = [\n");
        assertThat(detail.problemProperty().get()).startsWith("task.toml line ");
        assertThat(detail.problemFileProperty().get()).isEqualTo("task.toml");
        detail.undo();
        assertThat(detail.problemProperty().get()).isEmpty();
        assertThat(detail.currentTask().difficulty()).isEqualTo("hard");

        // another task is shown; the first keeps its edit
        model.select(4);
        waitFor(() -> detail.detailProperty().get() != null && detail.shownId() != first);
        assertThat(detail.dirtyProperty().get()).isFalse();
        model.select(3);
        waitFor(() -> detail.detailProperty().get() != null && detail.shownId() == first);
        assertThat(detail.dirtyProperty().get()).isTrue();

        assertThat(detail.save().get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(detail.dirtyProperty().get()).isFalse();
        assertThat(detail.detailProperty().get().stored().task().difficulty()).isEqualTo("hard");
        model.rowsReady().get(10, TimeUnit.SECONDS);
        assertThat(model.facetsReady().thenApply(done -> model.facetsProperty().get().get(TaskFacet.DIFFICULTY))
                .get(10, TimeUnit.SECONDS)).anySatisfy(value -> assertThat(value.value()).isEqualTo("hard"));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            Thread.sleep(10);
        }
    }
}
