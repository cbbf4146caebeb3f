package org.termcurator.ui.session;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.termcurator.core.jobs.Job;
import org.termcurator.core.jobs.JobManager;
import org.termcurator.core.project.ProjectAccess;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.LeftoverRollouts;
import org.termcurator.core.settings.Settings;
import org.termcurator.core.settings.SettingsStore;
import org.termcurator.core.trajectories.StepsSearchIndex;

/**
 * The project open in the window. Opening and creating run as jobs (an upgrade may take a
 * while); the property changes on the FX thread once the file is ready.
 */
public final class ProjectSession implements AutoCloseable {

    private final JobManager jobs;
    private final Settings settings;
    private final SettingsStore store;
    private final ReadOnlyObjectWrapper<ProjectDb> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyLongWrapper tasksRevision = new ReadOnlyLongWrapper(this, "tasksRevision");
    private final ReadOnlyLongWrapper searchIndexRevision = new ReadOnlyLongWrapper(this, "searchIndexRevision");
    /** The job building the search index, and whether an import asked for more while it ran; guarded by this. */
    private Job<Long> indexing;
    private boolean indexAgain;
    private Consumer<String> errorHandler = message -> { };

    public ProjectSession(JobManager jobs, Settings settings, SettingsStore store) {
        this.jobs = jobs;
        this.settings = settings;
        this.store = store;
    }

    public ReadOnlyObjectProperty<ProjectDb> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public ProjectDb project() {
        return project.get();
    }

    /** Goes up when work outside the Tasks section (a generation run) added or changed tasks. */
    public ReadOnlyLongProperty tasksRevisionProperty() {
        return tasksRevision.getReadOnlyProperty();
    }

    /** Tells the sections showing tasks to read them again; call on the FX thread. */
    public void tasksChanged() {
        tasksRevision.set(tasksRevision.get() + 1);
    }

    /** Goes up (on the FX thread) each time the background indexing added trajectories to the search index. */
    public ReadOnlyLongProperty searchIndexRevisionProperty() {
        return searchIndexRevision.getReadOnlyProperty();
    }

    /**
     * Brings the search index up to date in a background job (imports leave that to it); call
     * after anything stored trajectories. While a job runs, it goes on with what came meanwhile.
     */
    public synchronized void indexForSearch(ProjectDb db) {
        if (db != project.get()) {
            return; // closed meanwhile: the next open of that project picks up where it stopped
        }
        if (indexing != null) {
            indexAgain = true;
            return;
        }
        AtomicReference<Job<Long>> self = new AtomicReference<>();
        Job<Long> job = jobs.submit("Index trajectories for search", context -> {
            long indexed = 0;
            do {
                indexed += StepsSearchIndex.catchUp(db, context);
            } while (continueIndexing(self.get()));
            return indexed;
        });
        // set before the job can ask continueIndexing, which waits for this method to return
        self.set(job);
        indexing = job;
        job.completion().whenComplete((indexed, failure) -> {
            synchronized (this) {
                if (indexing == job) {
                    indexing = null;
                }
            }
            Platform.runLater(() -> searchIndexRevision.set(searchIndexRevision.get() + 1));
        });
    }

    /** Whether the job goes on for what was stored meanwhile; when it stops, the next request starts a new one. */
    private synchronized boolean continueIndexing(Job<Long> job) {
        if (indexing != job) {
            return false;
        }
        if (indexAgain) {
            indexAgain = false;
            return true;
        }
        indexing = null;
        return false;
    }

    public boolean isOpen() {
        return project.get() != null;
    }

    /** Where failures to open or create go (the window shows them in a dialog). */
    public void setErrorHandler(Consumer<String> handler) {
        this.errorHandler = handler;
    }

    public Job<ProjectDb> create(Path file) {
        return track(jobs.submit("Create project " + file.getFileName(), context -> {
            context.message("Creating " + file);
            return ProjectDb.create(file);
        }));
    }

    public Job<ProjectDb> open(Path file) {
        return track(jobs.submit("Open project " + file.getFileName(), context -> {
            context.message("Opening " + file);
            ProjectDb db = ProjectAccess.WRITE.open(file);
            try {
                // Rollouts a crashed session left queued or running will never finish.
                LeftoverRollouts.markInterrupted(db);
            } catch (java.sql.SQLException e) {
                db.close();
                throw e;
            }
            return db;
        }));
    }

    private Job<ProjectDb> track(Job<ProjectDb> job) {
        job.completion().whenComplete((db, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
                errorHandler.accept(cause.getMessage());
                return;
            }
            replace(db);
            settings.rememberProject(db.file().toString());
            store.saveLater(settings);
            indexLeftOver(db);
        }));
        return job;
    }

    /** An import that was cancelled, crashed or ran from the command line may have left steps unindexed. */
    private void indexLeftOver(ProjectDb db) {
        Thread.ofVirtual().name("search-backlog").start(() -> {
            try {
                if (StepsSearchIndex.backlog(db) > 0) {
                    indexForSearch(db);
                }
            } catch (java.sql.SQLException | RuntimeException e) {
                // closed again at once, or unreadable: the next import or open tries again
            }
        });
    }

    /** Closes the open project, if any. */
    public void close() {
        replace(null);
    }

    private void replace(ProjectDb next) {
        ProjectDb previous = project.get();
        project.set(next);
        if (previous != null && previous != next) {
            stopIndexing();
            previous.close();
        }
    }

    private synchronized void stopIndexing() {
        if (indexing != null) {
            indexing.cancel();
            indexing = null;
            indexAgain = false;
        }
    }
}
