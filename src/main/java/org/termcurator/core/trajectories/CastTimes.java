package org.termcurator.core.trajectories;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.termcurator.core.terminal.CastEvent;
import org.termcurator.core.terminal.CastEventCode;
import org.termcurator.core.terminal.CastEventStream;
import org.termcurator.core.terminal.CastFormatException;
import org.termcurator.core.terminal.CastHeader;
import org.termcurator.core.terminal.CastReader;

/**
 * Which lines of a cast are events, their index and their time from the start (v3 intervals
 * accumulated), as the project's cast reader reads them: what the {@link CastBlob} checkpoints
 * need. A cast whose header cannot be read has no events here; it is still stored as it is.
 */
final class CastTimes {

    private final CastHeader header;
    private final int[] eventIndexes;
    private final double[] times;
    private final int events;
    private final double lastTime;
    private final List<CastEvent> markers;
    private final String exitStatus;
    private final List<CastFormatException> problems = new ArrayList<>();

    private CastTimes(CastHeader header, int[] eventIndexes, double[] times, int events, double lastTime,
                      List<CastEvent> markers, String exitStatus) {
        this.header = header;
        this.eventIndexes = eventIndexes;
        this.times = times;
        this.events = events;
        this.lastTime = lastTime;
        this.markers = List.copyOf(markers);
        this.exitStatus = exitStatus;
    }

    static CastTimes of(byte[] cast) {
        int lines = 1;
        for (byte b : cast) {
            if (b == '\n') {
                lines++;
            }
        }
        int[] indexes = new int[lines];
        Arrays.fill(indexes, -1);
        double[] times = new double[lines];
        int event = 0;
        double lastTime = 0;
        List<CastEvent> markers = new ArrayList<>();
        String exitStatus = null;
        List<CastFormatException> problems = new ArrayList<>();
        try (CastEventStream stream = CastReader.open(new ByteArrayInputStream(cast), problems::add)) {
            while (stream.hasNext()) {
                CastEvent next = stream.next();
                lastTime = next.time();
                if (next.code() == CastEventCode.MARKER) {
                    markers.add(next);
                } else if (next.code() == CastEventCode.EXIT) {
                    exitStatus = next.data();
                }
                int line = (int) stream.lineNumber() - 1;
                if (line >= 0 && line < lines) {
                    indexes[line] = event;
                    times[line] = next.time();
                }
                event++;
            }
            CastTimes read = new CastTimes(stream.header(), indexes, times, event, lastTime, markers, exitStatus);
            read.problems.addAll(problems);
            return read;
        } catch (CastFormatException e) {
            return new CastTimes(null, indexes, times, 0, 0, List.of(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines the reader skipped (garbage, a time that is negative, NaN or goes back), as {@code cast render} names them. */
    List<CastFormatException> problems() {
        return problems;
    }

    /** The header, or null when the cast has none that can be read. */
    CastHeader header() {
        return header;
    }

    int eventCount() {
        return events;
    }

    /** Seconds from the start to the last event. */
    double duration() {
        return lastTime;
    }

    /** The marker events (chapter points), in order. */
    List<CastEvent> markers() {
        return markers;
    }

    /** The exit status a v3 cast recorded, or null. */
    String exitStatus() {
        return exitStatus;
    }

    boolean isEvent(int line) {
        return line < eventIndexes.length && eventIndexes[line] >= 0;
    }

    int eventIndex(int line) {
        return eventIndexes[line];
    }

    double time(int line) {
        return times[line];
    }
}
