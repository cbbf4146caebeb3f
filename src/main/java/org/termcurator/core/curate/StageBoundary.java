package org.termcurator.core.curate;

/** A curriculum stage: kept samples {@code start .. start+count-1} in the export order. */
public record StageBoundary(int stage, int start, int count) {
}
