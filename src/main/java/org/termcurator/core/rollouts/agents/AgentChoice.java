package org.termcurator.core.rollouts.agents;

import java.io.IOException;
import java.nio.file.Path;
import org.termcurator.core.settings.Settings;

/**
 * The agent a user chose for a rollout and what that kind needs. The CLI's {@code --agent}
 * options and the window's "Roll out with…" dialog both end here, and {@link #create} makes
 * the agent for either.
 *
 * @param replayFile replay: an ATIF trajectory.json or a JSON list of {keystrokes, duration}
 * @param endpoint   llm: the OpenAI-compatible base URL; null means the one in Settings
 * @param model      llm: the model; null means the one in Settings
 * @param apiKeyEnv  llm: the name of the environment variable with the API key; null means Settings'
 * @param maxTurns   llm: the most turns per rollout
 */
public record AgentChoice(AgentKind kind, Path replayFile, String endpoint, String model, String apiKeyEnv,
                          int maxTurns) {

    /** The LLM agent's turns per rollout unless chosen otherwise. */
    public static final int DEFAULT_MAX_TURNS = TerminusAgent.Options.DEFAULTS.maxTurns();

    public AgentChoice {
        if (kind == null) {
            throw new IllegalArgumentException("choose an agent: " + AgentKind.keys());
        }
    }

    public static AgentChoice oracle() {
        return of(AgentKind.ORACLE);
    }

    /** This kind with nothing else chosen: Settings and defaults fill in the rest. */
    public static AgentChoice of(AgentKind kind) {
        return new AgentChoice(kind, null, null, null, null, DEFAULT_MAX_TURNS);
    }

    /**
     * Makes the agent.
     *
     * @throws IllegalArgumentException with a message for the user when this choice cannot make
     *                                  one (no replay file, an unreadable one, no endpoint or model)
     */
    public Agent create(Settings settings) {
        return switch (kind) {
            case ORACLE -> new OracleAgent();
            case REPLAY -> {
                if (replayFile == null) {
                    throw new IllegalArgumentException("replay needs a trajectory file to replay");
                }
                try {
                    yield ReplayAgent.fromFile(replayFile);
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read " + replayFile + ": " + e.getMessage(), e);
                }
            }
            case LLM -> TerminusAgent.fromSettings(settings, endpoint, model, apiKeyEnv, maxTurns);
        };
    }
}
