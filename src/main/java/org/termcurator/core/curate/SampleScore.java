package org.termcurator.core.curate;

/**
 * Which sample is the best of a near-duplicate cluster, and which go first under a cap: the
 * higher score wins. Score = outcome (resolved or reward 1 → 1, a partial reward → that reward,
 * unresolved → 0, unknown → 0.5) minus the share of its assistant turns that did not parse or
 * drew a harness error; ties go to more assistant turns (a fuller demonstration), then to the
 * lower trajectory id, so the choice never depends on the seed.
 */
final class SampleScore {

    private SampleScore() {
    }

    static double score(double outcome, int badTurns, int turns) {
        return outcome - (turns == 0 ? 0 : (double) badTurns / turns);
    }
}
