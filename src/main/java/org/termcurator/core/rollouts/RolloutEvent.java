package org.termcurator.core.rollouts;

import org.termcurator.core.rollouts.agents.RolloutStep;

/**
 * What a rollout reports while it runs, for progress views and live watching. Events arrive
 * on worker threads, often many per second (terminal output): listeners that draw should
 * buffer and redraw at their own pace.
 */
public sealed interface RolloutEvent {

    /** The rollout's key ({@link RolloutResult#key()}). */
    String key();

    record Queued(String key, String task, int attempt, String agent) implements RolloutEvent {
    }

    record PhaseStarted(String key, RolloutPhase phase) implements RolloutEvent {
    }

    /** A line of the image build output. */
    record BuildOutput(String key, String text) implements RolloutEvent {
    }

    /**
     * A cast event as it is recorded.
     *
     * @param cast "agent" or "tests"
     * @param code asciinema event code: o output, i input, m marker, r resize
     */
    record TerminalOutput(String key, String cast, double seconds, String code, String data) implements RolloutEvent {
    }

    record StepRecorded(String key, RolloutStep step) implements RolloutEvent {
    }

    record Finished(String key, RolloutResult result) implements RolloutEvent {
    }
}
