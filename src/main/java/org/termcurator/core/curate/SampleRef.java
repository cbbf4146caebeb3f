package org.termcurator.core.curate;

/**
 * One sample as the preview lists it. Turns and tokens are after cleaning and cutting.
 *
 * @param stage     the curriculum stage (0-based) of a kept sample, -1 for a dropped one
 * @param validation whether a kept sample goes to the validation set
 */
public record SampleRef(long trajectoryId, String taskName, String source, String domain, String model,
                        int turns, int tokens, Double reward, Boolean resolved, int stage, boolean validation) {
}
