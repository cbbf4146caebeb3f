package org.termcurator.core.rollouts.agents;

/** Tokens and cost of a rollout's model calls; cost is null when neither the endpoint nor settings priced it. */
public record ModelUsage(long promptTokens, long completionTokens, long cachedTokens, Double costUsd, int calls) {

    public static final ModelUsage NONE = new ModelUsage(0, 0, 0, null, 0);

    public ModelUsage plus(RolloutStep.StepMetrics metrics) {
        if (metrics == null) {
            return this;
        }
        Double cost = costUsd;
        if (metrics.costUsd() != null) {
            cost = (cost == null ? 0 : cost) + metrics.costUsd();
        }
        return new ModelUsage(promptTokens + orZero(metrics.promptTokens()),
                completionTokens + orZero(metrics.completionTokens()), cachedTokens + orZero(metrics.cachedTokens()),
                cost, calls + 1);
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
