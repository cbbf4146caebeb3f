package org.termcurator.core.curate;

/** One filter's step in the funnel: how many samples reached it and how many it let through. */
public record FunnelStage(Filter filter, int in, int out) {

    public int dropped() {
        return in - out;
    }
}
