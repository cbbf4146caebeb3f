package org.termcurator.core.replay;

import java.util.Arrays;
import java.util.Locale;
import org.termcurator.core.terminal.CastEventCode;
import org.termcurator.core.terminal.CastPlayer;
import org.termcurator.core.terminal.TerminalText;

/**
 * A recording's output as one text (escape sequences and carriage returns removed), with where
 * each output event's text starts, so searching the whole session is one {@code indexOf} and a
 * hit maps back to the event that printed it. Built once per replay.
 */
final class SessionText {

    private final String text;
    /** Offset in {@link #text} where each output event's text starts, ascending. */
    private final int[] starts;
    /** The event index of each entry of {@link #starts}. */
    private final int[] events;
    private String lowerCase;

    private SessionText(String text, int[] starts, int[] events) {
        this.text = text;
        this.starts = starts;
        this.events = events;
    }

    static SessionText of(CastPlayer cast) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[Math.max(16, cast.eventCount())];
        int[] events = new int[starts.length];
        int count = 0;
        for (int index = 0; index < cast.eventCount(); index++) {
            if (cast.eventCode(index) != CastEventCode.OUTPUT) {
                continue;
            }
            String output = TerminalText.strip(cast.event(index).data()).replace("\r", "");
            if (output.isEmpty()) {
                continue;
            }
            starts[count] = text.length();
            events[count] = index;
            count++;
            text.append(output);
        }
        return new SessionText(text.toString(), Arrays.copyOf(starts, count), Arrays.copyOf(events, count));
    }

    String text() {
        return text;
    }

    /** The text in lower case (same offsets for the text a terminal prints), made on first use. */
    String lowerCase() {
        if (lowerCase == null) {
            String lower = text.toLowerCase(Locale.ROOT);
            // a few characters change length in lower case; then fall back to an exact-case search
            lowerCase = lower.length() == text.length() ? lower : text;
        }
        return lowerCase;
    }

    /** The event whose text holds offset {@code offset}. */
    int eventAt(int offset) {
        int found = Arrays.binarySearch(starts, offset);
        return events[found >= 0 ? found : -found - 2];
    }

    /** The offset where event {@code eventIndex}'s text, or the next output's, starts. */
    int offsetOfEvent(int eventIndex) {
        int found = Arrays.binarySearch(events, eventIndex);
        int entry = found >= 0 ? found : -found - 1;
        return entry < starts.length ? starts[entry] : text.length();
    }
}
