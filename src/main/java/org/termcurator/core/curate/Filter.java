package org.termcurator.core.curate;

/** The filters of a curation in funnel order; {@link #key()} names a drop reason in counts and exports. */
public enum Filter {
    CONVERSATION("conversation", "Has a conversation"),
    OUTCOME("outcome", "Outcome"),
    CLEANING("cleaning", "Cleaning"),
    TURNS("turns", "Turn range"),
    TOKENS("tokens", "Token length"),
    DENY_LIST("deny-list", "Deny-list"),
    SCRIPT("script", "Character script"),
    DECONTAMINATION("decontamination", "Decontamination"),
    NEAR_DUPLICATES("near-duplicates", "Near duplicates"),
    MIXTURE("mixture", "Caps and mixture");

    private final String key;
    private final String label;

    Filter(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
