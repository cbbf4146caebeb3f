package org.termcurator.ui.curate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.termcurator.core.curate.CurationPipeline;
import org.termcurator.core.curate.CurationSettings;
import org.termcurator.core.curate.ExportFormat;
import org.termcurator.core.curate.ExportHistory;
import org.termcurator.core.curate.ExportResult;
import org.termcurator.core.curate.Preview;
import org.termcurator.core.curate.SamplePreview;
import org.termcurator.core.jobs.Job;
import org.termcurator.core.jobs.JobCancelledException;
import org.termcurator.core.jobs.JobManager;
import org.termcurator.core.jobs.JobSnapshot;
import org.termcurator.core.project.ProjectDb;

/**
 * The Export part of the section: format and output folder, one sample shown exactly as it
 * will be written, the export itself as a cancellable job (progress polled from the job while
 * it runs), and the project's export history, whose entries can be run again.
 */
public final class ExportViewModel implements AutoCloseable {

    private static final long PROGRESS_POLL_MS = 100;

    private final CurateViewModel curate;
    private final JobManager jobs;
    private final Executor ui;
    private final LatestWins<SampleRequest, SamplePreview> samples;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "curate-export-progress");
        thread.setDaemon(true);
        return thread;
    });

    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.MESSAGES);
    private final StringProperty outDir = new SimpleStringProperty(this, "outDir", "");
    /** The trajectory whose sample is shown; -1 for the first kept one. */
    private final LongProperty sampleId = new SimpleLongProperty(this, "sampleId", -1);
    private final ReadOnlyObjectWrapper<SamplePreview> sample = new ReadOnlyObjectWrapper<>(this, "sample");
    private final ReadOnlyStringWrapper sampleProblem = new ReadOnlyStringWrapper(this, "sampleProblem", "");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<ExportResult> lastResult = new ReadOnlyObjectWrapper<>(this, "lastResult");
    private final ObservableList<ExportHistory.ExportRecord> history = FXCollections.observableArrayList();

    private ExportHistory exports;
    private Job<ExportResult> running;
    private ScheduledFuture<?> polling;
    private CompletableFuture<Void> historyLoaded = CompletableFuture.completedFuture(null);

    /** What one sample preview is computed from. */
    private record SampleRequest(CurationPipeline pipeline, CurationSettings settings, ExportFormat format, long id) {
    }

    public ExportViewModel(CurateViewModel curate, JobManager jobs, Executor ui) {
        this.curate = curate;
        this.jobs = jobs;
        this.ui = ui;
        this.samples = new LatestWins<>(0, (request, context) -> request.pipeline()
                .previewSample(request.settings(), request.format(), request.id()), ui, this::showSample);
        curate.previewProperty().addListener((observable, before, after) -> requestSample());
        format.addListener((observable, before, after) -> requestSample());
        sampleId.addListener((observable, before, after) -> requestSample());
    }

    /** Another project (or none): its history; the output folder defaults to an "exports" folder beside it. */
    public void setProject(ProjectDb project) {
        exports = project == null ? null : new ExportHistory(project);
        sample.set(null);
        sampleProblem.set("");
        sampleId.set(-1);
        if (project != null && outDir.get().isBlank()) {
            outDir.set(project.file().toAbsolutePath().resolveSibling("exports").toString());
        }
        reloadHistory();
    }

    // --- the sample as written -------------------------------------------------------------------

    private void requestSample() {
        Preview current = curate.previewProperty().get();
        CurationPipeline pipeline = curate.pipeline();
        if (current == null || pipeline == null) {
            sample.set(null);
            return;
        }
        long id = sampleId.get();
        if (id < 0) {
            if (current.kept().isEmpty()) {
                sample.set(null);
                sampleProblem.set("The settings keep no sample");
                return;
            }
            id = current.kept().getFirst().trajectoryId();
        }
        samples.requestNow(new SampleRequest(pipeline, current.settings(), format.get(), id));
    }

    private void showSample(SamplePreview preview, Throwable failure) {
        if (failure != null) {
            sample.set(null);
            sampleProblem.set("No sample preview: " + CurateViewModel.message(failure));
            return;
        }
        sampleProblem.set("");
        sample.set(preview);
    }

    /** Completes when the sample of the latest settings, format and choice is shown. */
    public CompletableFuture<Void> sampleSettled() {
        return samples.settled();
    }

    // --- export ----------------------------------------------------------------------------------

    /** Exports what the current settings keep into the output folder, as a job. */
    public Job<ExportResult> export() {
        CurationPipeline pipeline = curate.pipeline();
        if (pipeline == null) {
            return null;
        }
        if (outDir.get() == null || outDir.get().isBlank()) {
            status.set("Choose an output folder first");
            return null;
        }
        // the history names the preset only when the settings are exactly the preset's
        String preset = curate.modifiedProperty().get() ? null : curate.presetNameProperty().get();
        return run(pipeline, curate.settings(), preset, format.get(), Path.of(outDir.get().strip()));
    }

    /**
     * The question to ask before {@link #export()} when the output folder holds an earlier export
     * that the export would replace; empty when there is nothing to replace.
     */
    public java.util.Optional<String> replaceQuestion() {
        if (outDir.get() == null || outDir.get().isBlank()) {
            return java.util.Optional.empty();
        }
        Path out = Path.of(outDir.get().strip()).toAbsolutePath().normalize();
        return CurationPipeline.holdsEarlierExport(out)
                ? java.util.Optional.of(out + " holds an earlier export. Replace it with this one?")
                : java.util.Optional.empty();
    }

    /** Runs an export of the history again: its settings, format and folder. */
    public Job<ExportResult> rerun(ExportHistory.ExportRecord record) {
        CurationPipeline pipeline = curate.pipeline();
        if (pipeline == null || record == null) {
            return null;
        }
        return run(pipeline, record.settings(), record.presetName(), record.format(), Path.of(record.outPath()));
    }

    private Job<ExportResult> run(CurationPipeline pipeline, CurationSettings settings, String preset, ExportFormat chosen,
                                  Path out) {
        if (running != null && !running.state().isFinished()) {
            status.set("An export is already running");
            return null;
        }
        Job<ExportResult> job = jobs.submit("Export " + chosen.key() + " to " + out.getFileName(),
                context -> pipeline.export(settings, preset, chosen, out, context));
        running = job;
        exporting.set(true);
        progress.set(-1);
        status.set("Exporting to " + out + "…");
        polling = poller.scheduleWithFixedDelay(() -> {
            JobSnapshot snapshot = job.snapshot();
            ui.execute(() -> {
                if (running == job && exporting.get()) {
                    progress.set(snapshot.progress());
                    if (snapshot.message() != null && !snapshot.message().isBlank()) {
                        status.set("Exporting: " + snapshot.message());
                    }
                }
            });
        }, PROGRESS_POLL_MS, PROGRESS_POLL_MS, TimeUnit.MILLISECONDS);
        job.completion().whenComplete((result, failure) -> ui.execute(() -> finished(job, out, result, failure)));
        return job;
    }

    private void finished(Job<ExportResult> job, Path out, ExportResult result, Throwable failure) {
        if (running != job) {
            return;
        }
        polling.cancel(false);
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause == null) {
            progress.set(1);
            lastResult.set(result);
            status.set(String.format(Locale.ROOT, "Exported %,d samples (%,d train, %,d validation) to %s",
                    result.exported(), result.train(), result.validation(), out));
        } else if (cause instanceof JobCancelledException) {
            progress.set(0);
            status.set("Export cancelled: nothing was written to " + out);
        } else {
            progress.set(0);
            status.set("Export failed: " + CurateViewModel.message(cause));
        }
        exporting.set(false);
        reloadHistory();
    }

    /** Stops the running export; its temporary files are removed. */
    public void cancel() {
        Job<ExportResult> job = running;
        if (job != null) {
            job.cancel();
        }
    }

    public Job<ExportResult> runningJob() {
        return running;
    }

    // --- history ---------------------------------------------------------------------------------

    private void reloadHistory() {
        ExportHistory source = exports;
        if (source == null) {
            history.clear();
            historyLoaded = CompletableFuture.completedFuture(null);
            return;
        }
        historyLoaded = curate.call(source::list).thenAccept(records -> {
            if (source == exports) {
                history.setAll(records);
            }
        }).exceptionally(failure -> {
            status.set("Cannot read the export history: " + CurateViewModel.message(failure));
            return null;
        });
    }

    /** Completes when the history read last is in {@link #history()}. */
    public CompletableFuture<Void> historyLoaded() {
        return historyLoaded;
    }

    // --- properties ------------------------------------------------------------------------------

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public StringProperty outDirProperty() {
        return outDir;
    }

    public LongProperty sampleIdProperty() {
        return sampleId;
    }

    public ReadOnlyObjectProperty<SamplePreview> sampleProperty() {
        return sample.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sampleProblemProperty() {
        return sampleProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExportResult> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    public ObservableList<ExportHistory.ExportRecord> history() {
        return history;
    }

    /** The formats the export offers. */
    public static List<ExportFormat> formats() {
        return List.of(ExportFormat.values());
    }

    @Override
    public void close() {
        cancel();
        samples.close();
        poller.shutdownNow();
    }
}
