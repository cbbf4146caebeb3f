package org.termcurator.ui.rollouts;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.termcurator.core.rollouts.RolloutHandle;
import org.termcurator.core.rollouts.RolloutPhase;
import org.termcurator.core.rollouts.RolloutResult;
import org.termcurator.core.rollouts.RolloutStatus;
import org.termcurator.core.rollouts.RolloutStore;

/**
 * One line of the Rollouts table: a rollout queued in this window (with its live handle) or
 * one stored in the project. Updated in place so that the selection survives refreshes.
 */
public final class RolloutItem {

    private final String key;
    private final StringProperty task = new SimpleStringProperty(this, "task", "");
    private final StringProperty agent = new SimpleStringProperty(this, "agent", "");
    private final ObjectProperty<RolloutStatus> status = new SimpleObjectProperty<>(this, "status", RolloutStatus.QUEUED);
    private final ObjectProperty<RolloutPhase> phase = new SimpleObjectProperty<>(this, "phase", RolloutPhase.QUEUED);
    private final StringProperty outcome = new SimpleStringProperty(this, "outcome", "");
    private final StringProperty when = new SimpleStringProperty(this, "when", "");
    private final StringProperty limits = new SimpleStringProperty(this, "limits", "");
    private int attempt;
    private Long rolloutId;
    private Long trajectoryId;
    private RolloutHandle handle;

    RolloutItem(String key) {
        this.key = key;
    }

    /** The scheduler's key for a live rollout, "stored-ID" for one read from the project. */
    public String key() {
        return key;
    }

    public StringProperty taskProperty() {
        return task;
    }

    public StringProperty agentProperty() {
        return agent;
    }

    public ObjectProperty<RolloutStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<RolloutPhase> phaseProperty() {
        return phase;
    }

    /** Reward, seconds, or the error of a finished rollout. */
    public StringProperty outcomeProperty() {
        return outcome;
    }

    public StringProperty whenProperty() {
        return when;
    }

    /** What the container ran with (CPUs, memory, disk, processes), once known. */
    public StringProperty limitsProperty() {
        return limits;
    }

    public int attempt() {
        return attempt;
    }

    public Long rolloutId() {
        return rolloutId;
    }

    /** The stored trajectory of a finished rollout, null until it is stored. */
    public Long trajectoryId() {
        return trajectoryId;
    }

    /** The live rollout, null for one read from the project. */
    public RolloutHandle handle() {
        return handle;
    }

    /** Where a rollout is, for a progress bar with the phase's name. */
    public record Progress(double done, String phase) {
    }

    /** Changes with the phase and the status. */
    public javafx.beans.value.ObservableValue<Progress> progressProperty() {
        return javafx.beans.binding.Bindings.createObjectBinding(() -> new Progress(progress(), phaseText()), phase,
                status);
    }

    public boolean isRunning() {
        return !status.get().isFinished();
    }

    /** Share of the phases done, 0..1 (1 when finished). */
    public double progress() {
        if (status.get().isFinished()) {
            return 1;
        }
        return (double) phase.get().ordinal() / RolloutPhase.values().length;
    }

    public String phaseText() {
        return status.get().isFinished() ? "done" : phase.get().key();
    }

    void update(RolloutHandle live) {
        handle = live;
        rolloutId = live.rolloutId();
        attempt = live.request().attempt();
        task.set(live.request().task().name());
        agent.set(describeAgent(live.request().agent().kind(), live.request().agent().model()));
        when.set(live.createdAt().toString());
        status.set(live.status());
        phase.set(live.phase());
        RolloutResult result = live.isDone() ? live.result().getNow(null) : null;
        outcome.set(result == null ? "" : describe(result.reward(), result.seconds(), result.error()));
        limits.set(result == null || result.limits() == null ? "" : result.limits().describe());
    }

    void update(RolloutStore.Named stored) {
        RolloutStore.Row row = stored.row();
        rolloutId = row.id();
        trajectoryId = row.trajectoryId();
        attempt = row.attempt();
        if (handle != null) {
            return; // the live handle knows better until the window forgets it
        }
        task.set(stored.taskName() == null ? "(task #" + row.taskId() + ")" : stored.taskName());
        agent.set(describeAgent(row.agent(), row.model()));
        when.set(row.createdAt() == null ? "" : row.createdAt());
        status.set(row.status());
        phase.set(RolloutPhase.TEARDOWN);
        outcome.set(row.status().isFinished() ? describe(row.reward(), null, row.error()) : "");
        limits.set(stored.limits() == null ? "" : stored.limits().describe());
    }

    private static String describeAgent(String kind, String model) {
        return model == null || model.isBlank() ? kind : kind + " · " + model;
    }

    private static String describe(Double reward, Double seconds, String error) {
        StringBuilder text = new StringBuilder();
        if (reward != null) {
            text.append(String.format(Locale.ROOT, "reward %.2f", reward));
        }
        if (seconds != null && seconds > 0) {
            text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.1f s", seconds));
        }
        if (error != null && !error.isBlank()) {
            int newline = error.indexOf('\n');
            text.append(text.isEmpty() ? "" : " — ").append(newline < 0 ? error : error.substring(0, newline));
        }
        return text.toString();
    }
}
