package org.termcurator.core.curate;

import java.util.Map;

/** Counts of a project's trajectories by source, outcome and domain, and their turn and token spreads. */
public record ProjectStats(int trajectories, int withConversation, Map<String, Integer> bySource,
                           Map<String, Integer> byOutcome, Map<String, Integer> byDomain, Spread turns,
                           Spread tokens, String encoding) {

    /** Minimum, quartiles, maximum and mean. */
    public record Spread(long min, long p25, long median, long p75, long p95, long max, double mean) {
    }
}
