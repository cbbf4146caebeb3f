package org.termcurator.core.curate;

/**
 * Which turns of a sample survive cleaning and the token limit's cut. Preview and export both
 * decide here, over the same per-turn flags and token counts, so the export writes exactly what
 * the preview counted.
 */
final class TurnSelection {

    /** Why a sample lost all its turns, or had to be dropped, if it did. */
    enum Verdict { KEPT, BAD_TURNS_IN_SAMPLE, NO_TURN_LEFT, OVER_LENGTH_NOTHING_FITS }

    private TurnSelection() {
    }

    /**
     * Marks the kept turns in {@code keep} (length = turns) and returns the verdict; {@code totals}
     * receives [kept turns, tokens of the prefix and kept turns].
     */
    static Verdict select(byte[] flags, int[] tokens, int from, int count, int prefixTokens,
                          CurationSettings settings, boolean[] keep, int[] totals) {
        CurationSettings.Cleaning cleaning = settings.cleaning();
        boolean dropBad = cleaning.badTurns() == CurationSettings.BadTurns.DROP_TURNS;
        int last = count;
        if (cleaning.trimTrailingEmpty()) {
            while (last > 0 && (flags[from + last - 1] & Conversation.EMPTY) != 0) {
                last--;
            }
        }
        for (int i = 0; i < count; i++) {
            boolean bad = (flags[from + i] & Conversation.BAD) != 0;
            if (bad && cleaning.badTurns() == CurationSettings.BadTurns.DROP_SAMPLE) {
                java.util.Arrays.fill(keep, 0, count, false);
                totals[0] = 0;
                totals[1] = 0;
                return Verdict.BAD_TURNS_IN_SAMPLE;
            }
            keep[i] = i < last && !(bad && dropBad);
        }
        Integer max = settings.tokens().max();
        boolean cut = max != null && settings.tokens().overLength() == CurationSettings.OverLength.CUT_AFTER_LAST_WHOLE_TURN;
        int sum = prefixTokens;
        int kept = 0;
        int cleaned = 0;
        for (int i = 0; i < count; i++) {
            if (!keep[i]) {
                continue;
            }
            cleaned++;
            if (cut && sum + tokens[from + i] > max) {
                for (int j = i; j < count; j++) {
                    keep[j] = false;
                }
                break;
            }
            sum += tokens[from + i];
            kept++;
        }
        totals[0] = kept;
        totals[1] = sum;
        if (kept == 0) {
            return cleaned > 0 ? Verdict.OVER_LENGTH_NOTHING_FITS : Verdict.NO_TURN_LEFT;
        }
        return Verdict.KEPT;
    }
}
