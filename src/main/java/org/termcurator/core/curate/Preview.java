package org.termcurator.core.curate;

import java.util.List;

/**
 * What a curation keeps and why the rest goes, computed without writing anything.
 *
 * @param funnel   every filter in order with its in and out counts
 * @param kept     kept samples in export order (curriculum order); a lazy list, cheap at any size
 * @param dropped  dropped samples in project order, each with the filter that dropped it; lazy too
 * @param stages   the curriculum's stage boundaries over {@code kept}
 */
public record Preview(CurationSettings settings, int total, List<FunnelStage> funnel, Histogram turns,
                      Histogram tokens, Histogram reward, Histogram domain, List<SampleRef> kept,
                      List<DroppedSample> dropped, List<StageBoundary> stages, int trainCount, int validationCount) {

    public int keptCount() {
        return kept.size();
    }

    /** Dropped count per filter key, in funnel order, filters that dropped nothing included. */
    public java.util.Map<String, Integer> droppedByFilter() {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (FunnelStage stage : funnel) {
            counts.put(stage.filter().key(), stage.dropped());
        }
        return counts;
    }
}
