package org.termcurator.core.rollouts.agents;

import org.termcurator.core.docker.DockerEngineException;

/**
 * Something that works on a task inside the rollout's container: the oracle, a replay of
 * recorded commands, or an LLM. One instance may serve many rollouts at once, so per-run
 * state lives in {@link #run}'s locals.
 */
public interface Agent {

    /** The {@link AgentKind#key() key} of its kind: what the rollouts table records. */
    String kind();

    /** The agent's name in trajectories (ATIF agent.name). */
    String name();

    /** The model behind the agent, or null. */
    default String model() {
        return null;
    }

    /**
     * Works on the task. Throws {@link AgentTimeoutException} when its time ran out (the
     * verifier still judges the result), {@link AgentException} when it failed, and
     * {@link InterruptedException} when the rollout was cancelled.
     */
    void run(AgentContext context) throws AgentException, AgentTimeoutException, DockerEngineException,
            InterruptedException;
}
