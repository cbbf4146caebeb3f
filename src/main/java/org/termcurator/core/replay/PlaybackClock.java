package org.termcurator.core.replay;

import java.util.Arrays;

/**
 * Maps playback time to recording time when pauses are capped: a gap between two events longer
 * than the idle cap plays as exactly the cap, the way asciinema's idle_time_limit works. With no
 * cap the two times are the same.
 */
public final class PlaybackClock {

    private final double[] castTimes;
    private final double[] playTimes;
    private final double idleCap;

    /**
     * @param eventTimes the recording's event times in seconds, ascending
     * @param idleCap    longest pause played in full, in seconds; zero, negative or infinite for none
     */
    public PlaybackClock(double[] eventTimes, double idleCap) {
        this.idleCap = idleCap > 0 && Double.isFinite(idleCap) ? idleCap : Double.POSITIVE_INFINITY;
        this.castTimes = eventTimes.clone();
        this.playTimes = new double[eventTimes.length];
        double previousCast = 0;
        double play = 0;
        for (int i = 0; i < eventTimes.length; i++) {
            play += Math.min(Math.max(0, eventTimes[i] - previousCast), this.idleCap);
            playTimes[i] = play;
            previousCast = Math.max(previousCast, eventTimes[i]);
        }
    }

    /** How long playing the whole recording takes. */
    public double playDuration() {
        return playTimes.length == 0 ? 0 : playTimes[playTimes.length - 1];
    }

    /** The recording time reached after playing for {@code play} seconds. */
    public double toCast(double play) {
        int i = lastAtOrBefore(playTimes, play);
        if (i < 0) {
            return Math.min(play, castTimes.length == 0 ? play : castTimes[0]);
        }
        double cast = castTimes[i] + (play - playTimes[i]);
        return i + 1 < castTimes.length ? Math.min(cast, Math.nextDown(castTimes[i + 1])) : cast;
    }

    /** How long it takes to play up to recording time {@code cast}. */
    public double toPlay(double cast) {
        int i = lastAtOrBefore(castTimes, cast);
        if (i < 0) {
            return Math.min(cast, idleCap);
        }
        return playTimes[i] + Math.min(cast - castTimes[i], idleCap);
    }

    private static int lastAtOrBefore(double[] times, double value) {
        int found = Arrays.binarySearch(times, value);
        if (found >= 0) {
            while (found + 1 < times.length && times[found + 1] == value) {
                found++;
            }
            return found;
        }
        return -found - 2;
    }
}
