package org.termcurator.core.trajectories;

/**
 * The columns the trajectories table sorts by, each an SQL expression over the trajectories
 * table with an index in its order (migration 007), so a page of 100k rows is read without
 * sorting them. The id breaks ties, so a page boundary never moves between two reads.
 */
public enum TrajectorySort {
    IMPORTED("id"),
    TASK("task_name"),
    OUTCOME("resolved"),
    REWARD("reward"),
    TURNS("turn_count"),
    TOKENS("token_count"),
    DURATION(TrajectoryRow.DURATION_SQL),
    AGENT("agent"),
    MODEL("model"),
    DATE(TrajectoryRow.DATE_SQL),
    FAILURE("failure_mode"),
    TRIAL("trial_name"),
    FORMAT("format");

    private final String expression;

    TrajectorySort(String expression) {
        this.expression = expression;
    }

    /** The ORDER BY clause for this column, with the id as a tie-break in the same direction. */
    String orderBy(boolean descending) {
        String direction = descending ? " DESC" : "";
        return this == IMPORTED ? " ORDER BY id" + direction
                : " ORDER BY " + expression + direction + ", id" + direction;
    }
}
