package org.termcurator.ui.tasks;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.termcurator.core.docker.DockerAddress;
import org.termcurator.core.jobs.Job;
import org.termcurator.core.jobs.JobCancelledException;
import org.termcurator.core.jobs.JobManager;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.search.FullTextQuery;
import org.termcurator.core.tasks.ExportSummary;
import org.termcurator.core.tasks.ImportSummary;
import org.termcurator.core.tasks.TaskExporter;
import org.termcurator.core.tasks.TaskImporter;
import org.termcurator.core.tasks.lint.LintContext;
import org.termcurator.core.tasks.lint.LintReport;
import org.termcurator.core.tasks.lint.LintSetup;
import org.termcurator.core.tasks.lint.LintStatus;
import org.termcurator.core.tasks.lint.ProjectLinter;
import org.termcurator.core.tasks.query.CategoryDifficultyCount;
import org.termcurator.core.tasks.query.FacetValue;
import org.termcurator.core.tasks.query.TaskFacet;
import org.termcurator.core.tasks.query.TaskQueries;
import org.termcurator.core.tasks.query.TaskQuery;
import org.termcurator.core.tasks.query.TaskRow;
import org.termcurator.core.tasks.query.TaskSort;

/**
 * The Tasks section's state: the query (search, facet filters, order), the matching rows as
 * a lazily read list, the facet counts and chart, the selected task's detail, and the
 * import, export and lint commands (run as jobs). Every database read runs off the UI
 * thread; results come back through the {@code ui} executor, newest query wins.
 */
public final class TasksViewModel implements AutoCloseable {

    static final long SEARCH_DEBOUNCE_MS = 250;

    private final JobManager jobs;
    private final Supplier<DockerAddress> docker;
    private final Executor ui;
    private final ExecutorService queryThread = Executors.newSingleThreadExecutor(daemon("task-query"));
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("task-rows-", 1).factory());
    private final ScheduledExecutorService debounce = Executors.newSingleThreadScheduledExecutor(daemon("task-search"));
    private final AtomicLong generation = new AtomicLong();

    private final ReadOnlyObjectWrapper<TaskRowList> rows = new ReadOnlyObjectWrapper<>(this, "rows", TaskRowList.empty());
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total");
    private final ReadOnlyLongWrapper projectTotal = new ReadOnlyLongWrapper(this, "projectTotal");
    private final ReadOnlyObjectWrapper<TaskQuery> query = new ReadOnlyObjectWrapper<>(this, "query", TaskQuery.all());
    private final ReadOnlyObjectWrapper<Map<TaskFacet, List<FacetValue>>> facets =
            new ReadOnlyObjectWrapper<>(this, "facets", Map.of());
    private final ReadOnlyObjectWrapper<List<CategoryDifficultyCount>> chart =
            new ReadOnlyObjectWrapper<>(this, "chart", List.of());
    private final ReadOnlyObjectWrapper<List<String>> searchTerms = new ReadOnlyObjectWrapper<>(this, "searchTerms", List.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<ImportSummary> lastImport = new ReadOnlyObjectWrapper<>(this, "lastImport");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final TaskDetailViewModel detail;

    private ProjectDb db;
    private TaskQueries queries;
    private volatile LintContext lint = LintContext.withoutDocker(Map.of());
    private final Supplier<Boolean> buildNetwork;
    private ScheduledFuture<?> pendingSearch;
    private CompletableFuture<Void> rowsReady = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> facetsReady = CompletableFuture.completedFuture(null);

    public TasksViewModel(JobManager jobs, Supplier<DockerAddress> docker, Executor ui) {
        this(jobs, docker, () -> false, ui);
    }

    /** @param buildNetwork whether Settings allow network during image builds (the lint says which applies) */
    public TasksViewModel(JobManager jobs, Supplier<DockerAddress> docker, Supplier<Boolean> buildNetwork, Executor ui) {
        this.jobs = jobs;
        this.docker = docker;
        this.buildNetwork = buildNetwork;
        this.ui = ui;
        this.detail = new TaskDetailViewModel(background, ui, () -> lint, this::taskSaved);
        searchText.addListener((observable, before, after) -> searchLater());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Shows another project (or none); the query starts over. */
    public void setProject(ProjectDb project) {
        db = project;
        queries = project == null ? null : new TaskQueries(project);
        detail.setProject(project);
        query.set(TaskQuery.all());
        searchText.set("");
        lastImport.set(null);
        status.set("");
        if (project != null) {
            background.execute(() -> {
                try {
                    LintContext context = LintSetup.detect(project, docker.get()).withBuildNetwork(buildNetwork.get());
                    lint = context;
                } catch (SQLException e) {
                    // linting then knows no local image; the import still works
                }
            });
        }
        refresh();
    }

    public ProjectDb project() {
        return db;
    }

    // --- the query -------------------------------------------------------------------------

    private void searchLater() {
        if (pendingSearch != null) {
            pendingSearch.cancel(false);
        }
        String text = searchText.get();
        pendingSearch = debounce.schedule(() -> ui.execute(() -> {
            if (text.equals(searchText.get())) {
                apply(query.get().withText(text));
            }
        }), SEARCH_DEBOUNCE_MS, TimeUnit.MILLISECONDS);
    }

    /** Searches now, without waiting for the typing to pause. */
    public void searchNow() {
        if (pendingSearch != null) {
            pendingSearch.cancel(false);
        }
        apply(query.get().withText(searchText.get()));
    }

    public void setFilter(TaskFacet facet, String value, boolean selected) {
        Set<String> values = new HashSet<>(query.get().selected(facet));
        if (selected ? values.add(value) : values.remove(value)) {
            apply(query.get().withFilter(facet, values));
        }
    }

    public void clearFilters() {
        TaskQuery current = query.get();
        apply(new TaskQuery(current.text(), Map.of(), current.sort(), current.descending()));
    }

    public void sortBy(TaskSort sort, boolean descending) {
        TaskQuery current = query.get();
        if (current.sort() != sort || current.descending() != descending) {
            apply(current.withSort(sort, descending));
        }
    }

    private void apply(TaskQuery next) {
        query.set(next);
        refresh();
    }

    /** Runs the current query again (after an import, an edit, a lint). */
    public void refresh() {
        long mine = generation.incrementAndGet();
        TaskQuery current = query.get();
        TaskQueries reader = queries;
        searchTerms.set(FullTextQuery.terms(current.text()));
        CompletableFuture<Void> rowsDone = new CompletableFuture<>();
        CompletableFuture<Void> facetsDone = new CompletableFuture<>();
        rowsReady = rowsDone;
        facetsReady = facetsDone;
        if (reader == null) {
            rows.set(TaskRowList.empty());
            total.set(0);
            projectTotal.set(0);
            facets.set(Map.of());
            chart.set(List.of());
            rowsDone.complete(null);
            facetsDone.complete(null);
            return;
        }
        queryThread.execute(() -> {
            try {
                if (mine != generation.get()) {
                    return; // a newer query is on its way
                }
                // what the user waits for: how many, and the first page
                long count = reader.count(current);
                List<TaskRow> first = reader.page(current, 0, TaskRowList.PAGE_SIZE);
                long all = current.text().isEmpty() && current.filters().isEmpty() ? count
                        : reader.count(TaskQuery.all());
                TaskRowList list = new TaskRowList((int) count, first,
                        (offset, limit) -> reader.page(current, offset, limit), background, ui);
                ui.execute(() -> {
                    if (mine == generation.get()) {
                        rows.set(list);
                        total.set(count);
                        projectTotal.set(all);
                    }
                    rowsDone.complete(null);
                });
                if (mine != generation.get()) {
                    facetsDone.complete(null);
                    return;
                }
                // then what selecting rows never shown needs, and the counts beside the table
                list.setIds(reader.ids(current));
                Map<TaskFacet, List<FacetValue>> counts = reader.facets(current);
                List<CategoryDifficultyCount> matrix = reader.categoryDifficulty(current);
                ui.execute(() -> {
                    if (mine == generation.get()) {
                        facets.set(counts);
                        chart.set(matrix);
                    }
                    facetsDone.complete(null);
                });
            } catch (SQLException | RuntimeException e) {
                ui.execute(() -> {
                    status.set("Cannot read the tasks: " + e.getMessage());
                    rowsDone.complete(null);
                    facetsDone.complete(null);
                });
            }
        });
    }

    /** Completes when the rows of the latest query are in {@link #rowsProperty()}. */
    public CompletableFuture<Void> rowsReady() {
        return rowsReady;
    }

    /** Completes when the facet counts and chart of the latest query are in. */
    public CompletableFuture<Void> facetsReady() {
        return facetsReady;
    }

    // --- selection and detail --------------------------------------------------------------

    /** Shows the task at this position of the table in the detail pane (once its row is read). */
    public void select(int index) {
        TaskRowList list = rows.get();
        if (index < 0 || index >= list.size()) {
            detail.show(-1);
            return;
        }
        list.loaded(index).thenRun(() -> ui.execute(() -> {
            long id = list.idAt(index);
            if (rows.get() == list && id >= 0 && id != detail.shownId()) {
                detail.show(id);
            }
        }));
    }

    /** The ids of the tasks at these positions of a list; when its ids are not read yet, they are read now. */
    private static List<Long> idsAt(TaskRowList list, TaskQueries reader, TaskQuery of, List<Integer> positions)
            throws SQLException {
        if (!list.hasIds()) {
            list.setIds(reader.ids(of));
        }
        List<Long> ids = new ArrayList<>(positions.size());
        for (int index : positions) {
            if (index >= 0 && index < list.size()) {
                ids.add(list.idAt(index));
            }
        }
        return ids;
    }

    /** Shows a message in the status line, e.g. what an action started elsewhere did. */
    public void announce(String message) {
        status.set(message);
    }

    /** The ids of the tasks at these positions of the table (read in the background when needed). */
    public CompletableFuture<List<Long>> idsAt(List<Integer> indices) {
        List<Integer> positions = List.copyOf(indices);
        TaskRowList list = rows.get();
        TaskQueries reader = queries;
        TaskQuery of = query.get();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return idsAt(list, reader, of, positions);
            } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background);
    }

    private void taskSaved(long id) {
        refresh();
    }

    // --- commands --------------------------------------------------------------------------

    /** Imports task folders and archives as a job; the table follows when it is done. */
    public Job<ImportSummary> importPaths(List<Path> paths) {
        ProjectDb project = db;
        if (project == null) {
            throw new IllegalStateException("no project is open");
        }
        importing.set(true);
        status.set("Importing tasks…");
        String title = paths.size() == 1 ? "Import tasks from " + paths.getFirst().getFileName() : "Import tasks";
        Job<ImportSummary> job = jobs.submit(title, context -> {
            LintContext context2 = LintSetup.detect(project, docker.get()).withBuildNetwork(buildNetwork.get());
            lint = context2;
            return new TaskImporter(project, TaskImporter.Options.defaults(context2)).importPaths(paths, context);
        });
        job.completion().whenComplete((summary, failure) -> ui.execute(() -> {
            importing.set(false);
            if (failure == null) {
                lastImport.set(summary);
                status.set(describe(summary));
            } else {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
                status.set(cause instanceof JobCancelledException ? "Import cancelled: the tasks read so far are kept"
                        : "Import failed: " + cause.getMessage());
            }
            if (db == project) {
                refresh();
            }
        }));
        return job;
    }

    static String describe(ImportSummary summary) {
        return String.format(Locale.ROOT, "Imported %,d, updated %,d, unchanged %,d, failed %,d", summary.imported(),
                summary.updated(), summary.unchanged(), summary.failed());
    }

    /** Exports the tasks at these positions of the table as task folders into {@code out}, as a job. */
    public Job<ExportSummary> export(List<Integer> indices, Path out) {
        ProjectDb project = db;
        List<Integer> positions = List.copyOf(indices);
        TaskRowList list = rows.get();
        TaskQueries reader = queries;
        TaskQuery of = query.get();
        Job<ExportSummary> job = jobs.submit("Export " + positions.size() + " task" + (positions.size() == 1 ? "" : "s"),
                context -> new TaskExporter(project, false).export(idsAt(list, reader, of, positions), out, context));
        job.completion().whenComplete((summary, failure) -> ui.execute(() -> status.set(failure == null
                ? String.format(Locale.ROOT, "Exported %,d tasks to %s%s", summary.exported(), out,
                        summary.failed() == 0 ? "" : ", failed " + summary.failed() + ": "
                                + summary.errors().getFirst().path() + ": " + summary.errors().getFirst().message())
                : "Export failed: " + failure.getMessage())));
        return job;
    }

    /** Lints every task again, e.g. after images were built or pulled. */
    public Job<LintReport> lintAgain() {
        ProjectDb project = db;
        Job<LintReport> job = jobs.submit("Lint tasks", context -> {
            LintContext context2 = LintSetup.detect(project, docker.get()).withBuildNetwork(buildNetwork.get());
            lint = context2;
            return ProjectLinter.lintProject(project, context2, context);
        });
        job.completion().whenComplete((report, failure) -> ui.execute(() -> {
            status.set(failure == null ? String.format(Locale.ROOT, "Linted %,d tasks: %,d with warnings, %,d with errors",
                    report.tasks(), report.count(LintStatus.WARNING), report.count(LintStatus.ERROR))
                    : "Lint failed: " + failure.getMessage());
            refresh();
            detail.reload();
        }));
        return job;
    }

    // --- properties ------------------------------------------------------------------------

    public ReadOnlyObjectProperty<TaskRowList> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty projectTotalProperty() {
        return projectTotal.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TaskQuery> queryProperty() {
        return query.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<TaskFacet, List<FacetValue>>> facetsProperty() {
        return facets.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<CategoryDifficultyCount>> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> searchTermsProperty() {
        return searchTerms.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportSummary> lastImportProperty() {
        return lastImport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public TaskDetailViewModel detail() {
        return detail;
    }

    @Override
    public void close() {
        debounce.shutdownNow();
        queryThread.shutdownNow();
        background.shutdownNow();
    }
}
