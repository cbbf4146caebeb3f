package org.termcurator.ui.curate;

/** One bar of a preview chart: what it counts and how many. */
public record Bar(String label, long count) {
}
