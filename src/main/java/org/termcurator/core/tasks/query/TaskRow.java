package org.termcurator.core.tasks.query;

import java.util.List;

/**
 * One line of the task table: the fields it shows, without files or instruction text.
 *
 * @param rolloutsPassed  its rollouts that passed
 * @param rolloutsDecided its rollouts that reached a verdict (passed or failed)
 */
public record TaskRow(long id, String name, String category, String difficulty, List<String> tags, String baseImage,
                      String format, String origin, boolean hasSolution, boolean hasTests, int instructionLength,
                      Double agentTimeoutSec, Double verifierTimeoutSec, String lintStatus, String sourcePath,
                      String updatedAt, int rolloutsPassed, int rolloutsDecided) {

    public TaskRow {
        tags = List.copyOf(tags);
    }

    /** Passed over decided rollouts, e.g. "100% (3/3)"; empty when no rollout reached a verdict. */
    public String passRateText() {
        if (rolloutsDecided == 0) {
            return "";
        }
        return Math.round(100.0 * rolloutsPassed / rolloutsDecided) + "% (" + rolloutsPassed + "/" + rolloutsDecided + ")";
    }
}
