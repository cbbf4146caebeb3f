package org.termcurator.core.rollouts.agents;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of agent a rollout can run, as people write them ({@code oracle}, {@code replay},
 * {@code llm}) and as the window names them. The key is what the rollouts table records.
 */
public enum AgentKind {

    ORACLE("oracle", "Oracle (the task's solution)"),
    REPLAY("replay", "Replay (recorded commands)"),
    LLM("llm", "LLM (Terminus-style)");

    private final String key;
    private final String displayName;

    AgentKind(String key, String displayName) {
        this.key = key;
        this.displayName = displayName;
    }

    public String key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    /** The kind named by {@code text}, in any case; "terminus" is the LLM agent by its scaffold's name. */
    public static AgentKind parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("terminus")) {
            return LLM;
        }
        for (AgentKind kind : values()) {
            if (kind.key.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown agent '" + text + "': use one of " + keys());
    }

    /** The keys, for help texts: "oracle, replay, llm". */
    public static String keys() {
        return Arrays.stream(values()).map(AgentKind::key).collect(Collectors.joining(", "));
    }

    /** The display name: choice boxes show it. */
    @Override
    public String toString() {
        return displayName;
    }
}
