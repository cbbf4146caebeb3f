package org.termcurator.core.trajectories;

/**
 * One line of the trajectories table.
 *
 * @param durationSec seconds from the run's start to its end, when both are known
 * @param date        when the run started, or when it was imported if its start is unknown (ISO-8601)
 */
public record TrajectoryRow(long id, String taskName, String agent, String model, Boolean resolved, Double reward,
                            int turns, Long tokens, String failureMode, String format, String source,
                            String trialName, String sourcePath, Double durationSec, String date) {

    /** The duration in seconds as SQL over the trajectories table (null when a time is missing). */
    static final String DURATION_SQL = "((julianday(finished_at) - julianday(started_at)) * 86400.0)";
    /** The row's date as SQL over the trajectories table. */
    static final String DATE_SQL = "coalesce(started_at, imported_at)";

    /** The same row without the two derived columns, as older callers build it. */
    public TrajectoryRow(long id, String taskName, String agent, String model, Boolean resolved, Double reward,
                         int turns, Long tokens, String failureMode, String format, String source,
                         String trialName, String sourcePath) {
        this(id, taskName, agent, model, resolved, reward, turns, tokens, failureMode, format, source, trialName,
                sourcePath, null, null);
    }
}
