package org.termcurator.core.curate;

/** A sample a filter dropped, with that filter and a short detail (e.g. "12 turns, more than 10"). */
public record DroppedSample(SampleRef sample, Filter filter, String detail) {
}
