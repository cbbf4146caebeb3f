package org.termcurator.ui.trajectories;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.termcurator.core.jobs.Job;
import org.termcurator.core.jobs.JobCancelledException;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.trajectories.FacetCount;
import org.termcurator.core.trajectories.ImportError;
import org.termcurator.core.trajectories.RunImportSummary;
import org.termcurator.core.trajectories.RunImporter;
import org.termcurator.core.trajectories.TrajectoryDetail;
import org.termcurator.core.trajectories.TrajectoryFacet;
import org.termcurator.core.trajectories.TrajectoryFilter;
import org.termcurator.core.trajectories.TrajectoryPage;
import org.termcurator.core.trajectories.TrajectoryQueries;
import org.termcurator.core.trajectories.TrajectoryRow;
import org.termcurator.core.trajectories.TrajectorySort;
import org.termcurator.ui.session.UiServices;

/**
 * The trajectories table: the current filter (search text and one label per facet), the page
 * on screen, the facet counts, the selected trajectory, and imports. Queries run on virtual
 * threads; only the answer to the latest question is shown.
 */
public final class TrajectoriesViewModel {

    public static final int PAGE_SIZE = 100;

    private final UiServices services;
    private final ReadOnlyObjectWrapper<TrajectoryFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", TrajectoryFilter.all());
    private final ObservableList<TrajectoryRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total");
    private final ReadOnlyLongWrapper unsearched = new ReadOnlyLongWrapper(this, "unsearched");
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(this, "page");
    private final ObservableMap<TrajectoryFacet, List<FacetCount>> facets =
            FXCollections.observableMap(new EnumMap<>(TrajectoryFacet.class));
    private final ReadOnlyObjectWrapper<TrajectoryDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
    private final ObservableList<ImportError> importProblems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TrajectorySort> sort = new ReadOnlyObjectWrapper<>(this, "sort", TrajectorySort.IMPORTED);
    private final ReadOnlyBooleanWrapper descending = new ReadOnlyBooleanWrapper(this, "descending");
    /** Whether the project holds any trajectory at all (an empty table then means "nothing matches"). */
    private final ReadOnlyBooleanWrapper projectHasTrajectories = new ReadOnlyBooleanWrapper(this, "projectHasTrajectories");
    private long tableQuery;
    private long detailQuery;
    /** True while the rows are replaced: the table's selection then moves by itself, not by the user. */
    private boolean replacingRows;
    /** The trajectory the detail panel shows or is loading. */
    private Long requested;

    public TrajectoriesViewModel(UiServices services) {
        this.services = services;
        services.session().projectProperty().addListener((observable, before, after) -> {
            filter.set(TrajectoryFilter.all());
            page.set(0);
            show(null);
            refresh();
        });
        // a search ran while the index was behind: run it again now that more is indexed
        services.session().searchIndexRevisionProperty().addListener((observable, before, after) -> {
            if (unsearched.get() > 0) {
                refresh();
            }
        });
    }

    public ReadOnlyObjectProperty<TrajectoryFilter> filterProperty() { return filter.getReadOnlyProperty(); }
    public ObservableList<TrajectoryRow> rows() { return rows; }
    public ReadOnlyLongProperty totalProperty() { return total.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty pageProperty() { return page.getReadOnlyProperty(); }
    /** Trajectories the current search could not look at yet: imported, waiting for the search index. */
    public ReadOnlyLongProperty unsearchedProperty() { return unsearched.getReadOnlyProperty(); }
    public ObservableMap<TrajectoryFacet, List<FacetCount>> facets() { return facets; }
    public ReadOnlyObjectProperty<TrajectoryDetail> detailProperty() { return detail.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty importingProperty() { return importing.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TrajectorySort> sortProperty() { return sort.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty descendingProperty() { return descending.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty projectHasTrajectoriesProperty() { return projectHasTrajectories.getReadOnlyProperty(); }
    /** What the last import could not take, each with its path and reason. */
    public ObservableList<ImportError> importProblems() { return importProblems; }

    public boolean hasProject() {
        return services.session().project() != null;
    }

    public int pageCount() {
        return (int) Math.max(1, (total.get() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** Full-text search over step messages, commands and terminal output. */
    public void search(String text) {
        apply(filter.get().withQuery(text));
    }

    /** Chooses a facet's label, or clears it when it was the chosen one. */
    public void toggleFacet(TrajectoryFacet facet, String label) {
        String current = filter.get().selections().get(facet);
        apply(filter.get().with(facet, label.equals(current) ? null : label));
    }

    /** Clears the facets and the search text: every trajectory again. */
    public void clearFilter() {
        apply(TrajectoryFilter.all());
    }

    /** Orders the table by one column (in the database) and goes back to the first page. */
    public void sortBy(TrajectorySort column, boolean descendingOrder) {
        TrajectorySort next = column == null ? TrajectorySort.IMPORTED : column;
        if (next == sort.get() && descendingOrder == descending.get()) {
            return;
        }
        sort.set(next);
        descending.set(descendingOrder);
        page.set(0);
        refresh();
    }

    private void apply(TrajectoryFilter next) {
        filter.set(next);
        page.set(0);
        refresh();
    }

    public void nextPage() {
        if (page.get() + 1 < pageCount()) {
            page.set(page.get() + 1);
            refresh();
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            refresh();
        }
    }

    /** Reloads the page and the facet counts for the current filter. */
    public void refresh() {
        ProjectDb db = services.session().project();
        long query = ++tableQuery;
        if (db == null) {
            rows.clear();
            facets.clear();
            total.set(0);
            unsearched.set(0);
            return;
        }
        TrajectoryFilter current = filter.get();
        TrajectorySort order = sort.get();
        boolean down = descending.get();
        int offset = page.get() * PAGE_SIZE;
        Thread.ofVirtual().name("trajectories-query").start(() -> {
            try {
                // the page first: it is quick, and the facet counts scan the whole table
                TrajectoryQueries store = new TrajectoryQueries(db);
                TrajectoryPage result = store.page(current, order, down, offset, PAGE_SIZE);
                boolean any = result.total() > 0
                        || (current.query() != null || !current.selections().isEmpty())
                        && store.page(TrajectoryFilter.all(), 0, 1).total() > 0;
                Platform.runLater(() -> {
                    if (query == tableQuery) {
                        total.set(result.total());
                        unsearched.set(result.unsearched());
                        projectHasTrajectories.set(any);
                        replacingRows = true;
                        try {
                            rows.setAll(result.rows());
                        } finally {
                            replacingRows = false;
                        }
                    }
                });
                Map<TrajectoryFacet, List<FacetCount>> counts = store.facets(current);
                Platform.runLater(() -> {
                    if (query == tableQuery) {
                        facets.clear();
                        facets.putAll(counts);
                    }
                });
            } catch (SQLException | RuntimeException e) {
                Platform.runLater(() -> status.set("Cannot read trajectories: " + e.getMessage()));
            }
        });
    }

    /**
     * Loads the steps, tests and attachments of a row the user selected; null clears it. A
     * selection that moves because the rows were replaced (a refresh, a new page) is not the
     * user's and leaves the detail as it is.
     */
    public void select(TrajectoryRow row) {
        if (replacingRows) {
            return;
        }
        if (row != null && requested != null && requested == row.id()) {
            return; // already shown or on its way (e.g. re-selected after a refresh)
        }
        show(row == null ? null : row.id());
    }

    /** The id of the trajectory the detail panel shows (or is loading), or -1. */
    public long shownId() {
        return requested == null ? -1 : requested;
    }

    /** Shows a trajectory in the detail panel by its id (e.g. a finished rollout's); null clears it. */
    public void show(Long trajectoryId) {
        long query = ++detailQuery;
        requested = trajectoryId;
        ProjectDb db = services.session().project();
        if (trajectoryId == null || db == null) {
            detail.set(null);
            return;
        }
        Thread.ofVirtual().name("trajectory-detail").start(() -> {
            try {
                Optional<TrajectoryDetail> loaded = new TrajectoryQueries(db).detail(trajectoryId);
                Platform.runLater(() -> {
                    if (query == detailQuery) {
                        detail.set(loaded.orElse(null));
                    }
                });
            } catch (SQLException | RuntimeException e) {
                Platform.runLater(() -> status.set("Cannot read the trajectory: " + e.getMessage()));
            }
        });
    }

    /** Imports runs from these paths as a job; the table refreshes when it ends. Null when no project is open. */
    public Job<RunImportSummary> importRuns(List<Path> paths) {
        ProjectDb db = services.session().project();
        if (db == null || paths.isEmpty()) {
            return null;
        }
        String title = paths.size() == 1 ? "Import runs from " + paths.getFirst().getFileName()
                : "Import runs from " + paths.size() + " places";
        importing.set(true);
        importProblems.clear();
        status.set(title + "…");
        Job<RunImportSummary> job = services.jobs().submit(title, context -> new RunImporter(db).importPaths(paths, context));
        job.completion().whenComplete((summary, failure) -> Platform.runLater(() -> {
            importing.set(false);
            status.set(failure == null ? describe(summary) : describeFailure(failure));
            if (summary != null) {
                importProblems.setAll(summary.errors());
            }
            // also after a cancel: what was written whole is in the project and waits for the index
            services.session().indexForSearch(db);
            refresh();
        }));
        return job;
    }

    static String describe(RunImportSummary summary) {
        StringBuilder text = new StringBuilder(String.format("Imported %,d, updated %,d, unchanged %,d",
                summary.imported(), summary.updated(), summary.unchanged()));
        if (!summary.duplicates().isEmpty()) {
            text.append(String.format(", %,d duplicate trial%s skipped (first: %s, already imported from %s)",
                    summary.duplicates().size(), summary.duplicates().size() == 1 ? "" : "s",
                    summary.duplicates().getFirst().path(), summary.duplicates().getFirst().sameAs()));
        }
        summary.errors().stream().filter(ImportError::itemFailed).findFirst().ifPresent(first ->
                text.append(String.format(", failed %,d — first: %s: %s", summary.failed(), first.path(), first.message())));
        long warnings = summary.errors().stream().filter(error -> !error.itemFailed()).count();
        if (warnings > 0) {
            text.append(String.format(" (%,d note%s: see the import's errors)", warnings, warnings == 1 ? "" : "s"));
        }
        return text.toString();
    }

    private static String describeFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof JobCancelledException) {
            return "Import cancelled; the trajectories read whole before the cancel are kept";
        }
        return "Import failed: " + cause.getMessage();
    }
}
