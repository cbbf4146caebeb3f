package org.termcurator.core.replay;

/**
 * A point on the replay's timeline.
 *
 * @param time      seconds into the recording
 * @param stepIndex the step it belongs to, or -1
 */
public record TimelineMarker(double time, Kind kind, String label, int stepIndex) {

    /** What happened at the moment; the scrubber colours each kind. */
    public enum Kind { STEP, ERROR, INPUT, EXIT, TESTS, MARKER }
}
