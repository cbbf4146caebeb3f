package org.termcurator.core.rollouts.agents;

/** The agent could not do its work (no solution to run, the model endpoint failed for good, ...). */
public class AgentException extends Exception {

    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
