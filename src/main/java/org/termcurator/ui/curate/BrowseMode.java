package org.termcurator.ui.curate;

/** Which samples the browser lists. */
public enum BrowseMode {
    ALL("Kept and dropped"), KEPT("Kept"), DROPPED("Dropped");

    private final String label;

    BrowseMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
