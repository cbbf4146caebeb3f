package org.termcurator.core.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seekable replay of a cast. Loading plays the whole cast once through a {@link TerminalEmulator},
 * keeping a {@link TerminalSnapshot} every so many bytes of output or events. Showing the screen at
 * any time then restores the nearest earlier snapshot and replays at most one interval of output;
 * moving forward from the current position just continues.
 *
 * <p>Snapshots are bounded: when their estimated size exceeds the budget, every other one is dropped
 * and the interval doubles. Resize events resize the screen; input, marker and exit events leave
 * it alone.
 *
 * <p>Not thread-safe: use one player per thread, or hand out {@link #screenAt} snapshots.
 */
public final class CastPlayer {

    /**
     * How a player trades memory for seek speed.
     *
     * @param maxScrollbackLines     scrollback kept by the replaying emulator
     * @param snapshotIntervalBytes  output bytes between snapshots
     * @param snapshotIntervalEvents events between snapshots, for casts of many tiny events
     * @param snapshotBudgetBytes    estimated heap all snapshots together may use
     */
    public record Settings(int maxScrollbackLines, int snapshotIntervalBytes, int snapshotIntervalEvents,
                           long snapshotBudgetBytes) {

        public static final Settings DEFAULTS =
                new Settings(TerminalEmulator.DEFAULT_MAX_SCROLLBACK, 64 * 1024, 5_000, 32L << 20);

        public Settings {
            if (maxScrollbackLines < 0 || snapshotIntervalBytes < 1 || snapshotIntervalEvents < 1
                    || snapshotBudgetBytes < 1) {
                throw new IllegalArgumentException("invalid player settings");
            }
        }
    }

    private static final Pattern RESIZE = Pattern.compile("\\s*(\\d{1,5})\\s*x\\s*(\\d{1,5})\\s*");

    private final CastHeader header;
    private final CastEventLog log = new CastEventLog();
    private final List<CastMarker> markers = new ArrayList<>();
    private List<CastFormatException> problems = List.of();
    private final Settings settings;
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final TerminalEmulator emulator;
    /** Index of the last event applied to {@link #emulator}; -1 before the first. */
    private int position = -1;
    private long snapshotBytes;
    private int intervalBytes;
    private int intervalEvents;
    private long bytesSinceSnapshot;
    private int eventsSinceSnapshot;

    /**
     * A snapshot and where it was taken.
     *
     * @param position      index of the last event applied before the snapshot (-1: none)
     * @param pushedBytes   scrollback bytes ever pushed when it was taken, to estimate which
     *                      scrollback lines only this snapshot keeps alive
     */
    private record Checkpoint(int position, TerminalSnapshot snapshot, long pushedBytes) {
    }

    private CastPlayer(CastHeader header, Settings settings) {
        this.header = header;
        this.settings = settings;
        this.intervalBytes = settings.snapshotIntervalBytes();
        this.intervalEvents = settings.snapshotIntervalEvents();
        this.emulator = new TerminalEmulator(Math.clamp(header.cols(), 1, TerminalState.MAX_DIMENSION),
                Math.clamp(header.rows(), 1, TerminalState.MAX_DIMENSION), settings.maxScrollbackLines());
        addSnapshot();
    }

    /** Streams the cast file into a player without materialising its events as objects. */
    public static CastPlayer load(Path path) throws IOException {
        return load(path, Settings.DEFAULTS);
    }

    public static CastPlayer load(Path path, Settings settings) throws IOException {
        try (CastEventStream stream = CastReader.open(path)) {
            return load(stream, settings);
        }
    }

    /** Streams a cast's UTF-8 bytes into a player; closes {@code in}. */
    public static CastPlayer load(InputStream in, Settings settings) throws IOException {
        try (CastEventStream stream = CastReader.open(in)) {
            return load(stream, settings);
        }
    }

    private static CastPlayer load(CastEventStream stream, Settings settings) {
        CastPlayer player = new CastPlayer(stream.header(), settings);
        while (stream.nextInto(player.log)) {
            player.playAdded();
        }
        return player.finishLoading(stream.problems());
    }

    public static CastPlayer of(Cast cast) {
        return of(cast, Settings.DEFAULTS);
    }

    public static CastPlayer of(Cast cast, Settings settings) {
        CastPlayer player = new CastPlayer(cast.header(), settings);
        for (CastEvent event : cast.events()) {
            player.log.add(event.time(), event.code(), event.data());
            player.playAdded();
        }
        return player.finishLoading(cast.problems());
    }

    /** Plays the event just added to the log, taking a snapshot when an interval is full. */
    private void playAdded() {
        int index = log.size() - 1;
        if (log.code(index) == CastEventCode.MARKER) {
            markers.add(new CastMarker(log.time(index), log.data(index), index));
        }
        apply(index);
        position = index;
        bytesSinceSnapshot += log.dataLength(index);
        eventsSinceSnapshot++;
        if (bytesSinceSnapshot >= intervalBytes || eventsSinceSnapshot >= intervalEvents) {
            addSnapshot();
            bytesSinceSnapshot = 0;
            eventsSinceSnapshot = 0;
        }
    }

    private CastPlayer finishLoading(List<CastFormatException> problems) {
        this.problems = List.copyOf(problems);
        log.trim();
        return this;
    }

    public CastHeader header() {
        return header;
    }

    /** Malformed lines skipped while reading (the first {@value CastEventStream#MAX_KEPT_PROBLEMS}). */
    public List<CastFormatException> problems() {
        return problems;
    }

    /** Time of the last event in seconds; 0 for a cast without events. */
    public double duration() {
        return log.size() == 0 ? 0 : log.time(log.size() - 1);
    }

    public int eventCount() {
        return log.size();
    }

    public CastEvent event(int index) {
        Objects.checkIndex(index, log.size());
        return log.event(index);
    }

    /** The time of event {@code index} in seconds, without materialising its data. */
    public double eventTime(int index) {
        Objects.checkIndex(index, log.size());
        return log.time(index);
    }

    public CastEventCode eventCode(int index) {
        Objects.checkIndex(index, log.size());
        return log.code(index);
    }

    /** Index of the last event at or before {@code seconds}, or -1 when none has happened yet. */
    public int eventIndexAt(double seconds) {
        return log.lastIndexAtOrBefore(seconds);
    }

    public List<CastMarker> markers() {
        return Collections.unmodifiableList(markers);
    }

    /** How many snapshots the player currently keeps (its memory/speed trade-off at work). */
    public int snapshotCount() {
        return checkpoints.size();
    }

    /** The screen as it was at {@code seconds}: after every event at or before that time. */
    public TerminalSnapshot screenAt(double seconds) {
        return screenAfterEvent(eventIndexAt(seconds));
    }

    /** The screen after event {@code index} (-1: before any event). */
    public TerminalSnapshot screenAfterEvent(int index) {
        moveTo(index);
        return emulator.snapshot();
    }

    /** The screen at the end of the recording. */
    public TerminalSnapshot finalScreen() {
        return screenAfterEvent(log.size() - 1);
    }

    /**
     * Positions the player at {@code seconds} and returns its live emulator as a read-only view,
     * without copying: the cheapest way to draw frames. The view changes on the next seek.
     */
    public TerminalView seek(double seconds) {
        moveTo(eventIndexAt(seconds));
        return emulator;
    }

    private void moveTo(int target) {
        target = Math.clamp(target, -1, log.size() - 1);
        if (target == position) {
            return;
        }
        Checkpoint nearest = checkpoints.get(nearestCheckpointAtOrBefore(target));
        if (target < position || nearest.position() > position) {
            emulator.restore(nearest.snapshot());
            position = nearest.position();
        }
        for (int index = position + 1; index <= target; index++) {
            apply(index);
        }
        position = target;
    }

    private int nearestCheckpointAtOrBefore(int target) {
        int low = 0;
        int high = checkpoints.size() - 1;
        int found = 0;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (checkpoints.get(mid).position() <= target) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    private void apply(int index) {
        switch (log.code(index)) {
            case OUTPUT -> log.feedOutput(index, emulator);
            case RESIZE -> resize(log.data(index));
            default -> {
                // Input, markers and exit status leave the screen alone.
            }
        }
    }

    /** Applies {@code COLSxROWS}; malformed or absurd sizes are ignored, as asciinema's player does. */
    private void resize(String size) {
        Matcher matcher = RESIZE.matcher(size);
        if (!matcher.matches()) {
            return;
        }
        int cols = Integer.parseInt(matcher.group(1));
        int rows = Integer.parseInt(matcher.group(2));
        if (cols >= 1 && rows >= 1 && cols <= TerminalState.MAX_DIMENSION && rows <= TerminalState.MAX_DIMENSION) {
            emulator.resize(cols, rows);
        }
    }

    private void addSnapshot() {
        TerminalSnapshot snapshot = emulator.snapshot();
        checkpoints.add(new Checkpoint(position, snapshot, snapshot.viewState().scrollback().pushedBytes()));
        snapshotBytes = estimatedBytes(checkpoints);
        while (snapshotBytes > settings.snapshotBudgetBytes() && checkpoints.size() > 2) {
            thinSnapshots();
        }
    }

    /**
     * Each snapshot costs its screens plus the scrollback lines pushed since the previous snapshot
     * (older ones are shared with it), never more than its whole scrollback.
     */
    private static long estimatedBytes(List<Checkpoint> checkpoints) {
        long total = 0;
        long previousPushed = 0;
        for (Checkpoint checkpoint : checkpoints) {
            Scrollback scrollback = checkpoint.snapshot().viewState().scrollback();
            total += checkpoint.snapshot().estimatedBytes()
                    + Math.min(scrollback.retainedBytes(), checkpoint.pushedBytes() - previousPushed);
            previousPushed = checkpoint.pushedBytes();
        }
        return total;
    }

    /** Keeps the first snapshot and every other one after it, and halves how often new ones are taken. */
    private void thinSnapshots() {
        List<Checkpoint> kept = new ArrayList<>();
        for (int i = 0; i < checkpoints.size(); i += 2) {
            kept.add(checkpoints.get(i));
        }
        checkpoints.clear();
        checkpoints.addAll(kept);
        snapshotBytes = estimatedBytes(checkpoints);
        intervalBytes = (int) Math.min(Integer.MAX_VALUE, intervalBytes * 2L);
        intervalEvents = (int) Math.min(Integer.MAX_VALUE, intervalEvents * 2L);
    }
}
