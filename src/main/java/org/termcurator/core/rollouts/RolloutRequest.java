package org.termcurator.core.rollouts;

import org.termcurator.core.rollouts.agents.Agent;
import org.termcurator.core.rollouts.task.RolloutTaskSpec;

/**
 * One rollout to run: a task, an agent, which attempt it is.
 *
 * @param taskId the project's tasks row when the task came from the project, else null
 */
public record RolloutRequest(RolloutTaskSpec task, Agent agent, int attempt, Long taskId) {

    public RolloutRequest {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
    }

    public RolloutRequest(RolloutTaskSpec task, Agent agent, int attempt) {
        this(task, agent, attempt, null);
    }
}
