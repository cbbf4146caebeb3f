package org.termcurator.ui.rollouts;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.rollouts.RolloutEvent;
import org.termcurator.core.rollouts.RolloutHandle;
import org.termcurator.core.rollouts.RolloutScheduler;
import org.termcurator.core.rollouts.RolloutStatus;
import org.termcurator.core.rollouts.RolloutStore;
import org.termcurator.ui.session.RolloutService;
import org.termcurator.ui.session.UiServices;

/**
 * The Rollouts view's state: the rollouts queued in this window (live, from the service's
 * events) over the latest ones stored in the project, overall progress, and the commands
 * cancel, cancel all and retry failed. Events arrive on worker threads many times a second;
 * they are coalesced into one refresh every {@value #REFRESH_MILLIS} ms on the UI thread.
 */
public final class RolloutsViewModel {

    static final int REFRESH_MILLIS = 100;
    /** Stored rollouts shown below the live ones; older ones are in the Trajectories section. */
    static final int STORED_SHOWN = 1_000;

    private final UiServices services;
    private final RolloutService rollouts;
    private final Executor ui;
    private final ObservableList<RolloutItem> items = FXCollections.observableArrayList();
    private final Map<String, RolloutItem> byKey = new HashMap<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final javafx.beans.property.ReadOnlyLongWrapper refreshed =
            new javafx.beans.property.ReadOnlyLongWrapper(this, "refreshed");
    private final LiveTerminals terminals = new LiveTerminals();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final AtomicBoolean storedChanged = new AtomicBoolean(true);
    private List<RolloutStore.Named> stored = List.of();
    private long storedQuery;

    public RolloutsViewModel(UiServices services, Executor ui) {
        this.services = services;
        this.rollouts = services.rollouts();
        this.ui = ui;
        rollouts.addListener(this::onEvent);
        rollouts.addStoredListener(() -> {
            storedChanged.set(true); // the row now has its verdict and trajectory
            refreshSoon();
        });
        services.session().projectProperty().addListener((observable, before, after) -> {
            byKey.clear();
            items.clear();
            stored = List.of();
            reloadStored();
        });
        reloadStored();
    }

    public ObservableList<RolloutItem> items() {
        return items;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Finished over queued in this window, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Counts the refreshes: items change in place, so commands that depend on them listen to this. */
    public javafx.beans.property.ReadOnlyLongProperty refreshedProperty() {
        return refreshed.getReadOnlyProperty();
    }

    public LiveTerminals terminals() {
        return terminals;
    }

    public boolean hasProject() {
        return services.session().project() != null;
    }

    private void onEvent(RolloutEvent event) {
        terminals.accept(event);
        if (event instanceof RolloutEvent.TerminalOutput || event instanceof RolloutEvent.BuildOutput) {
            return; // output does not change the table
        }
        refreshSoon();
    }

    private void refreshSoon() {
        if (refreshPending.compareAndSet(false, true)) {
            Thread.ofVirtual().name("rollouts-refresh").start(() -> {
                try {
                    Thread.sleep(REFRESH_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ui.execute(this::refresh);
            });
        }
    }

    /** Brings the table up to date with the live rollouts, and with the project when a rollout ended. */
    public void refresh() {
        refreshPending.set(false);
        if (storedChanged.getAndSet(false)) {
            reloadStored();
        }
        merge();
    }

    private void reloadStored() {
        ProjectDb db = services.session().project();
        long query = ++storedQuery;
        if (db == null) {
            merge();
            return;
        }
        Thread.ofVirtual().name("rollouts-query").start(() -> {
            try {
                List<RolloutStore.Named> rows = new RolloutStore(db).latestNamed(STORED_SHOWN);
                ui.execute(() -> {
                    if (query == storedQuery) {
                        stored = rows;
                        merge();
                    }
                });
            } catch (SQLException | RuntimeException e) {
                ui.execute(() -> summary.set("Cannot read the project's rollouts: " + e.getMessage()));
            }
        });
    }

    /** Newest first: live rollouts, then the stored ones that are not live. */
    private void merge() {
        Map<Long, RolloutStore.Named> storedById = new LinkedHashMap<>();
        stored.forEach(row -> storedById.put(row.row().id(), row));
        List<RolloutItem> next = new ArrayList<>();
        List<RolloutHandle> live = hasProject() ? rollouts.handles() : List.of();
        for (RolloutHandle handle : live.reversed()) {
            RolloutItem item = byKey.computeIfAbsent(handle.key(), RolloutItem::new);
            item.update(handle);
            RolloutStore.Named row = handle.rolloutId() == null ? null : storedById.remove(handle.rolloutId());
            if (row != null) {
                item.update(row);
            }
            next.add(item);
        }
        for (RolloutStore.Named row : List.copyOf(storedById.values()).reversed()) {
            RolloutItem item = byKey.computeIfAbsent("stored-" + row.row().id(), RolloutItem::new);
            item.update(row);
            next.add(item);
        }
        if (!next.equals(items)) {
            items.setAll(next);
        }
        summarize(live);
        refreshed.set(refreshed.get() + 1);
    }

    private void summarize(List<RolloutHandle> live) {
        RolloutScheduler.Progress counts = RolloutScheduler.Progress.of(live);
        progress.set(live.isEmpty() ? 0 : (double) counts.finished() / live.size());
        summary.set(live.isEmpty() ? String.format("%,d stored rollouts", stored.size())
                : String.format("%d/%d done: %d passed, %d failed, %d errors or cancelled · %d running · %d queued",
                        counts.finished(), live.size(), counts.passed(), counts.failed(), counts.errors(),
                        counts.running(), counts.queued()));
    }

    /** Stops one rollout (queued or running); its container is removed at once. */
    public void cancel(RolloutItem item) {
        if (item != null && item.handle() != null && !item.handle().isDone()) {
            item.handle().cancel();
        }
    }

    public void cancelAll() {
        rollouts.cancelAll();
    }

    /** Queues again the rollouts of this window that did not pass. Returns how many. */
    public int retryFailed() {
        int again = rollouts.retryFailed().size();
        merge();
        return again;
    }

    /** True when some rollout of this window ended without passing and was not retried yet. */
    public boolean canRetry(RolloutItem item) {
        return item != null && item.handle() != null && item.handle().isDone()
                && item.statusProperty().get() != RolloutStatus.PASSED;
    }
}
