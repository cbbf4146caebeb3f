package org.termcurator.core.trajectories;

import java.util.List;

/**
 * One page of the table and how many trajectories the filter matches in all. {@code unsearched}
 * counts the trajectories a text query could not look at because their steps wait for the
 * search index (imported moments ago); it is 0 for a filter without text.
 */
public record TrajectoryPage(long total, int offset, List<TrajectoryRow> rows, long unsearched) {

    public TrajectoryPage {
        rows = List.copyOf(rows);
    }
}
