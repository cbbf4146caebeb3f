package org.termcurator.ui.trajectories;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.replay.FirstFailure;
import org.termcurator.core.replay.PlaybackClock;
import org.termcurator.core.replay.ReplaySession;
import org.termcurator.core.replay.SessionSearch;
import org.termcurator.core.terminal.Palette;
import org.termcurator.core.terminal.TerminalSnapshot;
import org.termcurator.core.terminal.TerminalView;
import org.termcurator.core.trajectories.TrajectoryDetail;
import org.termcurator.core.trajectories.TrajectoryQueries;

/**
 * The replay of one trajectory: which moment of the recording is shown, playback (speed, idle
 * cap), the step showing at that moment, search hits, and the first failure. The recording is
 * loaded on a virtual thread; every seek then happens on the FX thread through the session's
 * player, which restores its nearest snapshot. Playback is driven by an animation timer, one
 * step of the clock per frame, so it never blocks the FX thread.
 */
public final class ReplayViewModel {

    public static final List<Double> SPEEDS = List.of(0.5, 1.0, 2.0, 4.0, 8.0);
    /** Idle caps offered, in seconds; 0 plays pauses in full. */
    public static final List<Double> IDLE_CAPS = List.of(0.0, 0.5, 1.0, 2.0, 5.0);
    private static final double DEFAULT_IDLE_CAP = 2.0;

    private final ProjectSource projects;
    private final ReadOnlyObjectWrapper<ReplaySession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyDoubleWrapper time = new ReadOnlyDoubleWrapper(this, "time");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final DoubleProperty idleCap = new SimpleDoubleProperty(this, "idleCap", DEFAULT_IDLE_CAP);
    private final ReadOnlyIntegerWrapper currentStep = new ReadOnlyIntegerWrapper(this, "currentStep", -1);
    private final ReadOnlyLongWrapper frame = new ReadOnlyLongWrapper(this, "frame");
    private final ObservableList<SessionSearch.Hit> hits = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper hitIndex = new ReadOnlyIntegerWrapper(this, "hitIndex", -1);
    private final ReadOnlyStringWrapper searchTerm = new ReadOnlyStringWrapper(this, "searchTerm", "");
    private final ReadOnlyObjectWrapper<FirstScreen> firstScreen = new ReadOnlyObjectWrapper<>(this, "firstScreen");
    private final ReadOnlyObjectWrapper<String> highlightedTest = new ReadOnlyObjectWrapper<>(this, "highlightedTest");
    private final AnimationTimer playback = new AnimationTimer() {
        @Override
        public void handle(long now) {
            advance(now);
        }
    };
    private PlaybackClock clock;
    private double playPosition;
    private long lastFrameNanos;
    private long loadRequest;

    /** Where the replay reads from: the open project, or null when none is open. */
    @FunctionalInterface
    public interface ProjectSource {
        ProjectDb project();
    }

    public ReplayViewModel(ProjectSource projects) {
        this.projects = projects;
        idleCap.addListener((observable, before, after) -> rebuildClock());
    }

    public ReadOnlyObjectProperty<ReplaySession> sessionProperty() { return session.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** Seconds into the recording now shown. */
    public ReadOnlyDoubleProperty timeProperty() { return time.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    public DoubleProperty speedProperty() { return speed; }
    /** Longest pause played in full, in seconds; 0 for none. */
    public DoubleProperty idleCapProperty() { return idleCap; }
    /** The step showing at the current moment, or -1. */
    public ReadOnlyIntegerProperty currentStepProperty() { return currentStep.getReadOnlyProperty(); }
    /** Changes whenever the screen to show changes. */
    public ReadOnlyLongProperty frameProperty() { return frame.getReadOnlyProperty(); }
    public ObservableList<SessionSearch.Hit> hits() { return hits; }
    public ReadOnlyIntegerProperty hitIndexProperty() { return hitIndex.getReadOnlyProperty(); }
    public ReadOnlyStringProperty searchTermProperty() { return searchTerm.getReadOnlyProperty(); }
    /** The test the verdict should point at: the first failing one after "Jump to first failure". */
    public ReadOnlyObjectProperty<String> highlightedTestProperty() { return highlightedTest.getReadOnlyProperty(); }

    /** The recording's final screen, told while the rest of the replay is still being prepared. */
    public ReadOnlyObjectProperty<FirstScreen> firstScreenProperty() { return firstScreen.getReadOnlyProperty(); }

    /** A screen to show before the session is ready, with the recording's colours. */
    public record FirstScreen(TerminalSnapshot screen, Palette palette) {
    }

    public ReplaySession session() {
        return session.get();
    }

    /** Loads the replay of {@code detail} (null clears it); the answer to the latest request wins. */
    public void load(TrajectoryDetail detail) {
        long request = ++loadRequest;
        pause();
        session.set(null);
        firstScreen.set(null);
        hits.clear();
        hitIndex.set(-1);
        highlightedTest.set(null);
        currentStep.set(-1);
        ProjectDb db = projects.project();
        if (detail == null || db == null) {
            status.set("");
            frame.set(frame.get() + 1);
            return;
        }
        status.set("Loading the recording…");
        Thread.ofVirtual().name("replay-load").start(() -> {
            try {
                ReplaySession loaded = ReplaySession.load(new TrajectoryQueries(db), detail,
                        (screen, palette) -> Platform.runLater(() -> {
                            if (request == loadRequest) {
                                firstScreen.set(new FirstScreen(screen, palette));
                            }
                        }));
                Platform.runLater(() -> {
                    if (request == loadRequest) {
                        show(loaded);
                    }
                });
            } catch (SQLException | IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    if (request == loadRequest) {
                        status.set("Cannot load the recording: " + e.getMessage());
                    }
                });
            }
        });
    }

    /** Shows an already loaded session, at its end: the final screen is what a reviewer looks at first. */
    public void show(ReplaySession loaded) {
        ++loadRequest;
        pause();
        Double ownLimit = loaded.idleTimeLimit();
        if (ownLimit != null && ownLimit > 0) {
            idleCap.set(ownLimit);
        }
        session.set(loaded);
        rebuildClock();
        status.set(loaded.isTranscript()
                ? (loaded.duration() == 0 && loaded.player().eventCount() == 0
                        ? "No recording, and no commands or output in the steps"
                        : "No recording: a transcript made from the steps' commands and output")
                : "");
        seek(loaded.duration());
    }

    private void rebuildClock() {
        ReplaySession current = session.get();
        clock = current == null ? null : new PlaybackClock(current.eventTimes(), idleCap.get());
        if (clock != null) {
            playPosition = clock.toPlay(time.get());
        }
    }

    /** The screen at the current moment. Valid until the next seek; read it on the FX thread only. */
    public TerminalView screen() {
        ReplaySession current = session.get();
        return current == null ? null : current.player().seek(time.get());
    }

    public double duration() {
        ReplaySession current = session.get();
        return current == null ? 0 : current.duration();
    }

    // ---------------------------------------------------------------- moving in time

    public void seek(double seconds) {
        seekKeepingStep(seconds, currentStep.get());
    }

    private void seekKeepingStep(double seconds, int preferredStep) {
        ReplaySession current = session.get();
        if (current == null) {
            return;
        }
        double target = Math.clamp(seconds, 0, current.duration());
        time.set(target);
        if (clock != null) {
            playPosition = clock.toPlay(target);
        }
        currentStep.set(current.moments().stepAt(target, preferredStep));
        frame.set(frame.get() + 1);
    }

    /** Shows the moment step {@code index} happened and makes it the current step. */
    public void seekToStep(int index) {
        ReplaySession current = session.get();
        if (current == null || index < 0 || index >= current.moments().size()) {
            return;
        }
        seekKeepingStep(current.moments().at(index), index);
    }

    public void nextStep() {
        seekToStep(currentStep.get() + 1);
    }

    /** Moves by {@code seconds} of recording (negative: back), pausing playback. */
    public void seekBy(double seconds) {
        pause();
        seek(time.get() + seconds);
    }

    public void toStart() {
        pause();
        seek(0);
    }

    public void toEnd() {
        pause();
        seek(duration());
    }

    /** Shows the recording's next output event (one frame), pausing playback. */
    public void nextFrame() {
        ReplaySession current = session.get();
        if (current == null) {
            return;
        }
        pause();
        double[] times = current.eventTimes();
        int at = java.util.Arrays.binarySearch(times, Math.nextUp(time.get()));
        int next = at >= 0 ? at : -at - 1;
        seek(next < times.length ? times[next] : current.duration());
    }

    /** Shows the recording's previous output event (one frame back), pausing playback. */
    public void previousFrame() {
        ReplaySession current = session.get();
        if (current == null) {
            return;
        }
        pause();
        double[] times = current.eventTimes();
        int at = java.util.Arrays.binarySearch(times, time.get());
        int before = (at >= 0 ? at : -at - 1) - 1;
        seek(before >= 0 ? times[before] : 0);
    }

    public void previousStep() {
        seekToStep(Math.max(0, currentStep.get() - 1));
    }

    public void togglePlaying() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Plays from the current moment; at the end, from the start. */
    public void play() {
        ReplaySession current = session.get();
        if (current == null || playing.get()) {
            return;
        }
        if (time.get() >= current.duration()) {
            seek(0);
        }
        playPosition = clock.toPlay(time.get());
        lastFrameNanos = 0;
        playing.set(true);
        playback.start();
    }

    public void pause() {
        playback.stop();
        playing.set(false);
    }

    private void advance(long now) {
        if (lastFrameNanos == 0) {
            lastFrameNanos = now;
            return;
        }
        double elapsed = (now - lastFrameNanos) / 1e9;
        lastFrameNanos = now;
        ReplaySession current = session.get();
        if (current == null || clock == null) {
            pause();
            return;
        }
        playPosition += elapsed * speed.get();
        double target = clock.toCast(playPosition);
        boolean ended = playPosition >= clock.playDuration();
        double keepPosition = playPosition;
        seek(ended ? current.duration() : target);
        playPosition = keepPosition;
        if (ended) {
            pause();
        }
    }

    // ---------------------------------------------------------------- search and failures

    /** Searches the session; the first hit is shown. */
    public void search(String term) {
        ReplaySession current = session.get();
        searchTerm.set(term == null ? "" : term.strip());
        hits.setAll(current == null ? List.of() : current.search(searchTerm.get()));
        hitIndex.set(-1);
        if (!hits.isEmpty()) {
            nextHit();
        }
    }

    public void nextHit() {
        if (!hits.isEmpty()) {
            showHit((hitIndex.get() + 1) % hits.size());
        }
    }

    public void previousHit() {
        if (!hits.isEmpty()) {
            showHit(hitIndex.get() <= 0 ? hits.size() - 1 : hitIndex.get() - 1);
        }
    }

    private void showHit(int index) {
        pause();
        hitIndex.set(index);
        SessionSearch.Hit hit = hits.get(index);
        seekKeepingStep(hit.time(), hit.stepIndex());
    }

    /** Seeks to the first failure (see {@link FirstFailure}); false when the trajectory shows none. */
    public boolean jumpToFirstFailure() {
        ReplaySession current = session.get();
        if (current == null || current.firstFailure().isEmpty()) {
            return false;
        }
        pause();
        FirstFailure.Failure failure = current.firstFailure().get();
        seekKeepingStep(failure.time(), failure.stepIndex());
        highlightedTest.set(failure.failingTest());
        return true;
    }
}
