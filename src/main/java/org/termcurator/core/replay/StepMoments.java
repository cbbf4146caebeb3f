package org.termcurator.core.replay;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.termcurator.core.terminal.CastEventCode;
import org.termcurator.core.terminal.CastMarker;
import org.termcurator.core.terminal.CastPlayer;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.trajectories.Step;

/**
 * Where each step of a trajectory happened in its session recording, in seconds.
 *
 * <p>In order of trust: the step's own stored cast time; a cast marker {@code episode-N} for the
 * N-th assistant step (Terminal-Bench's harness marks its episodes); the first moment after the
 * previous step at which the step's first command shows up in the recording, typed (input event)
 * or echoed (output). A step none of these place takes the moment of the step before it (0 for
 * leading steps), so observations and prompts sit with the answer they follow, and moments
 * never go backwards.
 */
public final class StepMoments {

    private static final Pattern EPISODE = Pattern.compile("(?i)episode[-_ ]?(\\d+)");
    /** How much of a command is looked for: long commands wrap or get cut by the terminal. */
    private static final int MATCHED_CHARS = 40;

    private final double[] moments;
    private final boolean[] placed;

    private StepMoments(double[] moments, boolean[] placed) {
        this.moments = moments;
        this.placed = placed;
    }

    /** Steps placed one second apart, for a transcript made from the steps themselves. */
    public static StepMoments evenlySpaced(int steps) {
        double[] moments = new double[steps];
        boolean[] placed = new boolean[steps];
        for (int i = 0; i < steps; i++) {
            moments[i] = i;
            placed[i] = true;
        }
        return new StepMoments(moments, placed);
    }

    public static StepMoments place(List<Step> steps, CastPlayer cast) {
        return place(steps, cast, SessionText.of(cast));
    }

    static StepMoments place(List<Step> steps, CastPlayer cast, SessionText output) {
        int count = steps.size();
        double[] moments = new double[count];
        boolean[] placed = new boolean[count];
        Arrays.fill(moments, Double.NaN);
        for (int i = 0; i < count; i++) {
            Double time = steps.get(i).castTime();
            if (time != null && Double.isFinite(time)) {
                moments[i] = time;
                placed[i] = true;
            }
        }
        placeByEpisodeMarkers(steps, cast, moments, placed);
        placeByCommands(steps, cast, output, moments, placed);
        double previous = 0;
        for (int i = 0; i < count; i++) {
            if (!placed[i] || moments[i] < previous) {
                moments[i] = previous;
            }
            previous = moments[i];
        }
        return new StepMoments(moments, placed);
    }

    private static void placeByEpisodeMarkers(List<Step> steps, CastPlayer cast, double[] moments, boolean[] placed) {
        for (CastMarker marker : cast.markers()) {
            Matcher matcher = EPISODE.matcher(marker.label() == null ? "" : marker.label());
            if (!matcher.find()) {
                continue;
            }
            int wanted = Integer.parseInt(matcher.group(1));
            int assistant = 0;
            for (int i = 0; i < steps.size(); i++) {
                if (!steps.get(i).isAssistant()) {
                    continue;
                }
                if (assistant++ == wanted) {
                    if (!placed[i]) {
                        moments[i] = marker.time();
                        placed[i] = true;
                    }
                    break;
                }
            }
        }
    }

    private static void placeByCommands(List<Step> steps, CastPlayer cast, SessionText output, double[] moments,
                                        boolean[] placed) {
        int event = 0;
        double after = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (placed[i]) {
                after = Math.max(after, moments[i]);
                while (event < cast.eventCount() && cast.eventTime(event) < after) {
                    event++;
                }
                continue;
            }
            String needle = firstCommandLine(steps.get(i));
            if (needle == null) {
                continue;
            }
            int found = findFrom(cast, output, event, needle);
            if (found >= 0) {
                moments[i] = Math.max(after, cast.eventTime(found));
                placed[i] = true;
                after = moments[i];
                event = found + 1;
            }
        }
    }

    /** The first typed line of the step's first command that is text rather than a key name. */
    private static String firstCommandLine(Step step) {
        for (TerminalCommand command : step.commands()) {
            String line = command.keystrokes().strip().lines().findFirst().orElse("").strip();
            if (line.isEmpty() || line.matches("(?i)^(C|M|S)-\\S+$|^(Enter|Escape|Tab|Up|Down|Left|Right)$")) {
                continue;
            }
            return line.length() > MATCHED_CHARS ? line.substring(0, MATCHED_CHARS) : line;
        }
        return null;
    }

    /** The first event from {@code from} on that typed the text (input) or completed printing it (output). */
    private static int findFrom(CastPlayer cast, SessionText output, int from, String needle) {
        int printed = output.text().indexOf(needle, output.offsetOfEvent(from));
        int printedEvent = printed < 0 ? Integer.MAX_VALUE : output.eventAt(printed + needle.length() - 1);
        for (int index = from; index < Math.min(printedEvent, cast.eventCount()); index++) {
            if (cast.eventCode(index) == CastEventCode.INPUT && cast.event(index).data().contains(needle)) {
                return index;
            }
        }
        return printed < 0 ? -1 : printedEvent;
    }

    public int size() {
        return moments.length;
    }

    /** Seconds into the recording of step {@code index}. */
    public double at(int index) {
        return moments[index];
    }

    /** True when the step's moment came from the recording or the step, not from its neighbour. */
    public boolean isPlaced(int index) {
        return placed[index];
    }

    /**
     * The step showing at {@code seconds}: the first of the steps sharing the latest moment at or
     * before it, or -1 before the first step. {@code preferred} (e.g. the step the user chose) is
     * kept while the time is still within its moment's span.
     */
    public int stepAt(double seconds, int preferred) {
        if (preferred >= 0 && preferred < moments.length && moments[preferred] <= seconds
                && seconds < nextDistinctMoment(preferred)) {
            return preferred;
        }
        int found = -1;
        for (int i = 0; i < moments.length && moments[i] <= seconds; i++) {
            if (found < 0 || moments[i] > moments[found]) {
                found = i;
            }
        }
        return found;
    }

    private double nextDistinctMoment(int index) {
        for (int i = index + 1; i < moments.length; i++) {
            if (moments[i] > moments[index]) {
                return moments[i];
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
