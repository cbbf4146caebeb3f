package org.termcurator.ui.curate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.termcurator.core.curate.CurationPipeline;
import org.termcurator.core.curate.CurationSettings;
import org.termcurator.core.curate.DroppedSample;
import org.termcurator.core.curate.FunnelStage;
import org.termcurator.core.curate.PresetComparison;
import org.termcurator.core.curate.PresetStore;
import org.termcurator.core.curate.Preview;
import org.termcurator.core.curate.SampleRef;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;

/**
 * The Curate part of the section: the settings being edited (one {@link CurationSettings}
 * value, replaced on every change), the live preview they give (recomputed off the UI thread
 * once edits pause; a newer edit supersedes a preview still running), the sample browser's
 * rows, the presets of the project and a side-by-side comparison of two of them.
 */
public final class CurateViewModel implements AutoCloseable {

    static final long PREVIEW_DEBOUNCE_MS = 200;

    private final Executor ui;
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("curate-", 1).factory());
    private final LatestWins<PreviewRequest, Preview> previews;

    private final ReadOnlyObjectWrapper<CurationSettings> settings =
            new ReadOnlyObjectWrapper<>(this, "settings", CurationSettings.defaults());
    private final ReadOnlyStringWrapper settingsProblem = new ReadOnlyStringWrapper(this, "settingsProblem", "");
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyObjectWrapper<List<Bar>> funnel = new ReadOnlyObjectWrapper<>(this, "funnel", List.of());
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObjectProperty<BrowseMode> show = new SimpleObjectProperty<>(this, "show", BrowseMode.ALL);
    private final ReadOnlyObjectWrapper<ObservableList<SampleRow>> samples =
            new ReadOnlyObjectWrapper<>(this, "samples", FXCollections.emptyObservableList());
    private final ObservableList<String> presetNames = FXCollections.observableArrayList(PresetStore.DEFAULT_PRESET);
    private final ReadOnlyStringWrapper presetName = new ReadOnlyStringWrapper(this, "presetName", PresetStore.DEFAULT_PRESET);
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final ReadOnlyObjectWrapper<PresetDifferences> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");

    private CurationPipeline pipeline;
    private PresetStore presets;
    /** The settings of the preset last picked or saved, to tell whether the form has changed since. */
    private CurationSettings presetSettings = CurationSettings.defaults();

    /** What one preview computes from. */
    private record PreviewRequest(CurationPipeline pipeline, CurationSettings settings) {
    }

    public CurateViewModel(Executor ui) {
        this.ui = ui;
        this.previews = new LatestWins<>(PREVIEW_DEBOUNCE_MS,
                (request, context) -> request.pipeline().preview(request.settings(), context), ui, this::showPreview);
        settings.addListener((observable, before, after) -> {
            modified.set(!after.equals(presetSettings));
            requestPreview(false);
        });
        show.addListener((observable, before, after) -> showSamples());
    }

    // --- project -------------------------------------------------------------------------------

    /** Curates another project (or none): the defaults, its presets, and a first preview. */
    public void setProject(ProjectDb project) {
        pipeline = project == null ? null : new CurationPipeline(project);
        presets = project == null ? null : new PresetStore(project);
        presetSettings = CurationSettings.defaults();
        presetName.set(PresetStore.DEFAULT_PRESET);
        comparison.set(null);
        settingsProblem.set("");
        preview.set(null);
        funnel.set(List.of());
        samples.set(FXCollections.emptyObservableList());
        if (settings.get().equals(presetSettings)) {
            requestPreview(true);
        } else {
            settings.set(presetSettings);
        }
        reloadPresets();
    }

    public CurationPipeline pipeline() {
        return pipeline;
    }

    /** The project's trajectories changed (an import): reads them again for the next preview. */
    public void trajectoriesChanged() {
        CurationPipeline current = pipeline;
        if (current == null) {
            return;
        }
        background.execute(() -> {
            current.invalidate();
            ui.execute(() -> requestPreview(true));
        });
    }

    // --- settings ------------------------------------------------------------------------------

    /**
     * Changes the settings; a value the settings refuse (a bad regular expression, a maximum
     * below the minimum) leaves them as they were and says why in {@link #settingsProblemProperty()}.
     *
     * @return whether the change was taken
     */
    public boolean update(UnaryOperator<CurationSettings> change) {
        try {
            CurationSettings next = change.apply(settings.get());
            settingsProblem.set("");
            settings.set(next);
            return true;
        } catch (IllegalArgumentException e) {
            settingsProblem.set(e.getMessage());
            return false;
        }
    }

    /** Shows the settings' problem (e.g. a field that is not a number) without changing them. */
    public void reportProblem(String problem) {
        settingsProblem.set(problem);
    }

    // --- preview -------------------------------------------------------------------------------

    private void requestPreview(boolean now) {
        if (pipeline == null) {
            return;
        }
        computing.set(true);
        status.set(preview.get() == null ? "Reading the project's samples…" : "Updating the preview…");
        PreviewRequest request = new PreviewRequest(pipeline, settings.get());
        if (now) {
            previews.requestNow(request);
        } else {
            previews.request(request);
        }
    }

    /** Computes the preview again at once, e.g. when the section is shown again. */
    public void refreshPreview() {
        requestPreview(true);
    }

    /** Completes when the preview of the latest settings is shown. */
    public CompletableFuture<Void> previewSettled() {
        return previews.settled();
    }

    private void showPreview(Preview result, Throwable failure) {
        computing.set(false);
        if (failure != null) {
            status.set("The preview failed: " + message(failure));
            return;
        }
        preview.set(result);
        funnel.set(bars(result));
        status.set(String.format(Locale.ROOT, "Keeps %,d of %,d samples%s", result.keptCount(), result.total(),
                result.validationCount() > 0 ? String.format(Locale.ROOT, " (%,d train, %,d validation)",
                        result.trainCount(), result.validationCount()) : ""));
        showSamples();
    }

    /** The funnel as bars: every sample first, then what is left after each filter. */
    static List<Bar> bars(Preview result) {
        List<Bar> bars = new ArrayList<>();
        bars.add(new Bar("All samples", result.total()));
        for (FunnelStage stage : result.funnel()) {
            bars.add(new Bar(stage.filter().label(), stage.out()));
        }
        return bars;
    }

    private void showSamples() {
        Preview current = preview.get();
        samples.set(current == null ? FXCollections.emptyObservableList()
                : FXCollections.unmodifiableObservableList(FXCollections.observableList(
                        new SampleRows(current, show.get()))));
    }

    // --- presets -------------------------------------------------------------------------------

    private CompletableFuture<Void> reloadPresets() {
        PresetStore store = presets;
        if (store == null) {
            presetNames.setAll(PresetStore.DEFAULT_PRESET);
            return CompletableFuture.completedFuture(null);
        }
        return call(() -> store.list()).thenAccept(list -> {
            if (store != presets) {
                return;
            }
            List<String> names = new ArrayList<>();
            names.add(PresetStore.DEFAULT_PRESET);
            list.stream().map(PresetStore.PresetInfo::name).filter(name -> !names.contains(name)).forEach(names::add);
            presetNames.setAll(names);
        });
    }

    /** Loads a preset's settings into the form. */
    public CompletableFuture<Void> pickPreset(String name) {
        PresetStore store = presets;
        if (store == null || name == null) {
            return CompletableFuture.completedFuture(null);
        }
        return call(() -> store.find(name)).thenAccept(found -> {
            if (found.isEmpty()) {
                status.set("There is no preset '" + name + "'");
                return;
            }
            presetSettings = found.get();
            presetName.set(name);
            settingsProblem.set("");
            if (settings.get().equals(presetSettings)) {
                modified.set(false);
            } else {
                settings.set(presetSettings);
            }
        }).exceptionally(failure -> {
            status.set("Cannot read the preset: " + message(failure));
            return null;
        });
    }

    /** Saves the settings in the form under a name (replacing a preset of that name) and makes it the current one. */
    public CompletableFuture<Void> saveAs(String name) {
        PresetStore store = presets;
        CurationSettings current = settings.get();
        if (store == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (name == null || name.isBlank()) {
            status.set("A preset needs a name");
            return CompletableFuture.completedFuture(null);
        }
        String key = name.strip();
        return call(() -> {
            store.save(key, current);
            return null;
        }).thenCompose(done -> {
            presetSettings = current;
            presetName.set(key);
            modified.set(!settings.get().equals(current));
            status.set("Saved the preset '" + key + "'");
            return reloadPresets();
        }).exceptionally(failure -> {
            status.set("Cannot save the preset: " + message(failure));
            return null;
        });
    }

    /** Deletes a saved preset; the form keeps its settings. */
    public CompletableFuture<Void> deletePreset(String name) {
        PresetStore store = presets;
        if (store == null || name == null) {
            return CompletableFuture.completedFuture(null);
        }
        return call(() -> store.delete(name)).thenCompose(deleted -> {
            status.set(deleted ? "Deleted the preset '" + name + "'" : "'" + name + "' is not a saved preset");
            if (deleted && name.equals(presetName.get())) {
                presetName.set(PresetStore.DEFAULT_PRESET);
                presetSettings = CurationSettings.defaults();
                modified.set(!settings.get().equals(presetSettings));
            }
            return reloadPresets();
        }).exceptionally(failure -> {
            status.set("Cannot delete the preset: " + message(failure));
            return null;
        });
    }

    /** What one preset keeps that the other drops, and why the other drops it. */
    public CompletableFuture<PresetDifferences> compare(String left, String right) {
        PresetStore store = presets;
        CurationPipeline current = pipeline;
        if (store == null || left == null || right == null) {
            return CompletableFuture.completedFuture(null);
        }
        status.set("Comparing '" + left + "' with '" + right + "'…");
        return call(() -> {
            CurationSettings leftSettings = store.find(left).orElseThrow(() -> new IllegalArgumentException("no preset '" + left + "'"));
            CurationSettings rightSettings = store.find(right).orElseThrow(() -> new IllegalArgumentException("no preset '" + right + "'"));
            Preview leftPreview = current.preview(leftSettings, JobContext.unobserved());
            Preview rightPreview = current.preview(rightSettings, JobContext.unobserved());
            return PresetDifferences.of(left, leftPreview, right, rightPreview);
        }).whenComplete((result, failure) -> {
            if (failure != null) {
                status.set("Cannot compare the presets: " + message(failure));
            } else {
                comparison.set(result);
                status.set(String.format(Locale.ROOT, "'%s' keeps %,d, '%s' keeps %,d; %,d differ", left,
                        result.leftKept(), right, result.rightKept(), result.rows().size()));
            }
        });
    }

    /**
     * Two presets' previews set side by side: the samples only one of them keeps, each with the
     * reason the other preset drops it.
     */
    public record PresetDifferences(String left, String right, int leftKept, int rightKept, List<Difference> rows) {

        /** A sample one preset keeps and the other drops ({@code keptBy} names the one that keeps it). */
        public record Difference(SampleRef sample, String keptBy, String droppedBy, String reason) {
        }

        static PresetDifferences of(String left, Preview leftPreview, String right, Preview rightPreview) {
            PresetComparison comparison = PresetComparison.of(leftPreview, rightPreview);
            Map<Long, DroppedSample> droppedByLeft = byId(leftPreview.dropped());
            Map<Long, DroppedSample> droppedByRight = byId(rightPreview.dropped());
            List<Difference> rows = new ArrayList<>();
            comparison.onlyLeft().forEach(sample -> rows.add(difference(sample, left, right, droppedByRight)));
            comparison.onlyRight().forEach(sample -> rows.add(difference(sample, right, left, droppedByLeft)));
            return new PresetDifferences(left, right, leftPreview.keptCount(), rightPreview.keptCount(), List.copyOf(rows));
        }

        private static Difference difference(SampleRef sample, String keptBy, String droppedBy,
                                             Map<Long, DroppedSample> dropped) {
            DroppedSample why = dropped.get(sample.trajectoryId());
            return new Difference(sample, keptBy, droppedBy,
                    why == null ? "" : new SampleRow(why.sample(), 0, why.filter(), why.detail()).reason());
        }

        private static Map<Long, DroppedSample> byId(List<DroppedSample> samples) {
            Map<Long, DroppedSample> map = new HashMap<>(samples.size() * 2);
            samples.forEach(sample -> map.put(sample.sample().trajectoryId(), sample));
            return map;
        }
    }

    // --- plumbing ------------------------------------------------------------------------------

    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }

    /** Runs blocking work on a virtual thread; the answer (or failure) comes back on the UI executor. */
    <T> CompletableFuture<T> call(Call<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        background.execute(() -> {
            try {
                T value = work.run();
                ui.execute(() -> answer.complete(value));
            } catch (Exception e) {
                ui.execute(() -> answer.completeExceptionally(e));
            }
        });
        return answer;
    }

    static String message(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
    }

    // --- properties ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<CurationSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public CurationSettings settings() {
        return settings.get();
    }

    public ReadOnlyStringProperty settingsProblemProperty() {
        return settingsProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Bar>> funnelProperty() {
        return funnel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<BrowseMode> showProperty() {
        return show;
    }

    public ReadOnlyObjectProperty<ObservableList<SampleRow>> samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    public ObservableList<String> presetNames() {
        return presetNames;
    }

    public ReadOnlyStringProperty presetNameProperty() {
        return presetName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PresetDifferences> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    @Override
    public void close() {
        previews.close();
        background.shutdownNow();
    }
}
