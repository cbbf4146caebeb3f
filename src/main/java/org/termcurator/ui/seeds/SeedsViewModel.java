package org.termcurator.ui.seeds;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.termcurator.core.jobs.Job;
import org.termcurator.core.jobs.JobManager;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.seeds.BulkEdit;
import org.termcurator.core.seeds.ColumnMapping;
import org.termcurator.core.seeds.Seed;
import org.termcurator.core.seeds.SeedChange;
import org.termcurator.core.seeds.SeedExporter;
import org.termcurator.core.seeds.SeedFile;
import org.termcurator.core.seeds.SeedImporter;
import org.termcurator.core.seeds.SeedQuery;
import org.termcurator.core.seeds.SeedStatus;
import org.termcurator.core.seeds.SeedStore;
import org.termcurator.core.seeds.Tags;

/**
 * The Seeds tab: the (searched) list, the seed being edited as form fields, and every edit
 * as an undoable change. Reads and writes run off the FX thread.
 */
public final class SeedsViewModel {

    private final SeedStore seeds;
    private final JobManager jobs;
    private final CommandStack<SeedChange> history;
    private final ObservableList<Seed> rows = FXCollections.observableArrayList();
    private final ObservableList<SeedStore.TaskRef> tasksOfSelected = FXCollections.observableArrayList();
    private final ObjectProperty<Seed> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");

    // the form
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final StringProperty referenceSolution = new SimpleStringProperty(this, "referenceSolution", "");
    private final StringProperty sourceDataset = new SimpleStringProperty(this, "sourceDataset", "");
    private final StringProperty sourceId = new SimpleStringProperty(this, "sourceId", "");
    private final StringProperty license = new SimpleStringProperty(this, "license", "");
    private final StringProperty tags = new SimpleStringProperty(this, "tags", "");
    private final ObjectProperty<SeedStatus> seedStatus = new SimpleObjectProperty<>(this, "seedStatus", SeedStatus.NEW);
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");

    public SeedsViewModel(ProjectDb db, JobManager jobs) {
        this.seeds = new SeedStore(db);
        this.jobs = jobs;
        this.history = new CommandStack<>(change -> change.apply(seeds), SeedChange::label, Platform::runLater);
        selected.addListener((observable, before, after) -> fillForm(after));
        query.addListener((observable, before, after) -> reload());
    }

    public CommandStack<SeedChange> history() {
        return history;
    }

    /** Reloads the list for the current query, keeping the selection by id. */
    public CompletableFuture<Void> reload() {
        String text = query.get();
        Long keep = selected.get() == null ? null : selected.get().id();
        return background(() -> seeds.list(SeedQuery.text(text))).thenAccept(list -> {
            rows.setAll(list);
            Seed again = keep == null ? null : list.stream().filter(seed -> keep.equals(seed.id())).findFirst().orElse(null);
            selected.set(again);
            status.set(list.size() + (list.size() == 1 ? " seed" : " seeds"));
        });
    }

    private void fillForm(Seed seed) {
        Seed shown = seed == null ? Seed.of("") : seed;
        title.set(nullToEmpty(shown.title()));
        problem.set(shown.problem());
        domain.set(nullToEmpty(shown.domain()));
        referenceSolution.set(nullToEmpty(shown.referenceSolution()));
        sourceDataset.set(nullToEmpty(shown.sourceDataset()));
        sourceId.set(nullToEmpty(shown.sourceId()));
        license.set(nullToEmpty(shown.license()));
        tags.set(String.join(", ", shown.tags()));
        seedStatus.set(shown.status());
        notes.set(nullToEmpty(shown.notes()));
        tasksOfSelected.clear();
        if (seed != null && seed.id() != null) {
            background(() -> seeds.tasksFrom(seed.id())).thenAccept(tasksOfSelected::setAll);
        }
    }

    /** The form as a seed (the selected one's identity, the form's content). */
    public Seed formSeed() {
        Seed base = selected.get() == null ? Seed.of("") : selected.get();
        return base.withTitle(emptyToNull(title.get())).withProblem(problem.get()).withDomain(emptyToNull(domain.get()))
                .withReferenceSolution(emptyToNull(referenceSolution.get()))
                .withSource(emptyToNull(sourceDataset.get()), emptyToNull(sourceId.get()), emptyToNull(license.get()))
                .withTags(Tags.parse(tags.get())).withStatus(seedStatus.get()).withNotes(emptyToNull(notes.get()));
    }

    /** Saves the form: an edit of the selected seed, or a new seed when none is selected. */
    public CompletableFuture<Void> save() {
        Seed seed = formSeed();
        if (seed.problem().isBlank()) {
            status.set("A seed needs a problem statement");
            return CompletableFuture.completedFuture(null);
        }
        SeedChange change = seed.id() == null ? new SeedChange.Create(seed) : new SeedChange.Update(seed);
        return history.execute(change).thenCompose(done -> reload()).exceptionally(this::report);
    }

    public void newSeed() {
        selected.set(null);
        fillForm(null);
    }

    public CompletableFuture<Void> delete(List<Long> ids) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return history.execute(SeedChange.Delete.of(ids)).thenCompose(done -> reload()).exceptionally(this::report);
    }

    public CompletableFuture<Void> bulkEdit(List<Long> ids, BulkEdit edit) {
        if (ids.isEmpty() || edit.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return history.execute(new SeedChange.Bulk(ids, edit)).thenCompose(done -> reload()).exceptionally(this::report);
    }

    public CompletableFuture<Void> undo() {
        return history.undo().thenCompose(done -> reload()).exceptionally(this::report);
    }

    public CompletableFuture<Void> redo() {
        return history.redo().thenCompose(done -> reload()).exceptionally(this::report);
    }

    /** Reads a file's columns and a suggested mapping, for the mapping step of an import. */
    public CompletableFuture<SeedFile> preview(Path file) {
        return background(() -> SeedFile.read(file));
    }

    /** Imports as a job; the import can be undone as a whole. */
    public Job<SeedImporter.Report> importFile(SeedFile file, ColumnMapping mapping) {
        Job<SeedImporter.Report> job = jobs.submit("Import seeds from " + file.file().getFileName(),
                context -> new SeedImporter(seeds).importRows(file, mapping, context));
        job.completion().whenComplete((report, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                report(failure);
                return;
            }
            if (!report.imported().isEmpty()) {
                history.record(new SeedChange.Delete(report.importedIds(), "Import " + report.imported().size() + " seeds"));
            }
            status.set("Imported " + report.imported().size() + " of " + report.rows() + " rows; "
                    + report.duplicates().size() + " duplicates skipped, " + report.errors().size() + " errors"
                    + (report.errors().isEmpty() ? "" : " (first: " + report.errors().getFirst() + ")"));
            reload();
        }));
        return job;
    }

    public Job<Integer> exportFile(Path file) {
        Job<Integer> job = jobs.submit("Export seeds to " + file.getFileName(), context -> {
            List<Seed> all = seeds.list(SeedQuery.all());
            SeedExporter.write(file, all);
            return all.size();
        });
        job.completion().whenComplete((count, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                report(failure);
            } else {
                status.set("Exported " + count + " seeds to " + file);
            }
        }));
        return job;
    }

    private Void report(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        status.set("Failed: " + cause.getMessage());
        return null;
    }

    @FunctionalInterface
    interface Read<T> {
        T get() throws Exception;
    }

    /** Runs {@code read} on a virtual thread and completes on the FX thread. */
    static <T> CompletableFuture<T> background(Read<T> read) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().name("seeds-read").start(() -> {
            try {
                T value = read.get();
                Platform.runLater(() -> result.complete(value));
            } catch (Exception e) {
                Platform.runLater(() -> result.completeExceptionally(e));
            }
        });
        return result;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public ObservableList<Seed> rows() {
        return rows;
    }

    public ObservableList<SeedStore.TaskRef> tasksOfSelected() {
        return tasksOfSelected;
    }

    public ObjectProperty<Seed> selectedProperty() {
        return selected;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty domainProperty() {
        return domain;
    }

    public StringProperty referenceSolutionProperty() {
        return referenceSolution;
    }

    public StringProperty sourceDatasetProperty() {
        return sourceDataset;
    }

    public StringProperty sourceIdProperty() {
        return sourceId;
    }

    public StringProperty licenseProperty() {
        return license;
    }

    public StringProperty tagsProperty() {
        return tags;
    }

    public ObjectProperty<SeedStatus> seedStatusProperty() {
        return seedStatus;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public List<String> domains() throws SQLException {
        return seeds.domains();
    }

    public void close() {
        history.close();
    }
}
