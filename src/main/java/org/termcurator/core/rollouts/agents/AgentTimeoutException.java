package org.termcurator.core.rollouts.agents;

/** The agent's time (task.toml [agent] timeout_sec) ran out. */
public final class AgentTimeoutException extends Exception {

    public AgentTimeoutException(String message) {
        super(message);
    }
}
