package org.termcurator.core.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.termcurator.core.terminal.CastPlayer;
import org.termcurator.core.terminus.TerminalCommand;
import org.termcurator.core.trajectories.Step;

/**
 * Finds a text (case-insensitive) in a session: in what the terminal printed, and in the steps'
 * messages, reasoning, answers, commands and observations. Each hit has a moment to seek to.
 */
public final class SessionSearch {

    /** Where a hit was found. */
    public enum Source { TERMINAL, STEP }

    /**
     * @param time      seconds into the recording
     * @param stepIndex the step the hit is in, or the step showing at that moment; -1 when none
     * @param context   the text around the hit, on one line
     */
    public record Hit(double time, Source source, int stepIndex, String context) {
    }

    /** Beyond this many hits a search stops: nobody steps through more. */
    public static final int MAX_HITS = 2_000;
    private static final int CONTEXT_CHARS = 30;

    private SessionSearch() {
    }

    public static List<Hit> search(String term, CastPlayer cast, List<Step> steps, StepMoments moments) {
        return search(term, cast, cast == null ? null : SessionText.of(cast), steps, moments);
    }

    static List<Hit> search(String term, CastPlayer cast, SessionText output, List<Step> steps, StepMoments moments) {
        if (term == null || term.isBlank()) {
            return List.of();
        }
        String needle = term.toLowerCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>();
        searchSteps(needle, steps, moments, hits);
        if (output != null) {
            searchTerminal(needle, cast, output, moments, hits);
        }
        hits.sort(Comparator.comparingDouble(Hit::time).thenComparing(Hit::source));
        return hits.size() > MAX_HITS ? List.copyOf(hits.subList(0, MAX_HITS)) : List.copyOf(hits);
    }

    private static void searchSteps(String needle, List<Step> steps, StepMoments moments, List<Hit> hits) {
        for (int i = 0; i < steps.size() && hits.size() < MAX_HITS; i++) {
            Step step = steps.get(i);
            StringBuilder text = new StringBuilder();
            for (String part : new String[] {step.message(), step.reasoning(), step.analysis(), step.plan(),
                    step.observation()}) {
                if (part != null) {
                    text.append(part).append('\n');
                }
            }
            for (TerminalCommand command : step.commands()) {
                text.append(command.keystrokes()).append('\n');
            }
            String lower = text.toString().toLowerCase(Locale.ROOT);
            int at = lower.indexOf(needle);
            if (at >= 0) {
                hits.add(new Hit(moments.at(i), Source.STEP, i, context(text.toString(), at, needle.length())));
            }
        }
    }

    /** One pass over the session's text; a hit belongs to the event that printed its last character. */
    private static void searchTerminal(String needle, CastPlayer cast, SessionText output, StepMoments moments,
                                       List<Hit> hits) {
        String lower = output.lowerCase();
        for (int at = lower.indexOf(needle); at >= 0 && hits.size() < MAX_HITS; at = lower.indexOf(needle, at + 1)) {
            double time = cast.eventTime(output.eventAt(at + needle.length() - 1));
            hits.add(new Hit(time, Source.TERMINAL, moments.stepAt(time, -1), context(output.text(), at, needle.length())));
        }
    }

    private static String context(String text, int at, int length) {
        int from = Math.max(0, at - CONTEXT_CHARS);
        int to = Math.min(text.length(), at + length + CONTEXT_CHARS);
        return (from > 0 ? "…" : "") + text.substring(from, to).replaceAll("\\s+", " ").strip()
                + (to < text.length() ? "…" : "");
    }
}
