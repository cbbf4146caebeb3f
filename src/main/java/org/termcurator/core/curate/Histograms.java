package org.termcurator.core.curate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The preview's histograms: every sample with a conversation (before) against the kept ones (after). */
final class Histograms {

    private static final int[] TURN_EDGES = {0, 1, 2, 4, 8, 16, 32, 64, 128};
    private static final int[] TOKEN_EDGES = {0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000};
    private static final int MAX_DOMAINS = 20;

    private Histograms() {
    }

    /** Turns and tokens before cleaning, as the trajectories are. */
    static int rawTurns(SampleFeatures f, int s) {
        return f.turnTokens[s].length;
    }

    static int rawTokens(SampleFeatures f, int s) {
        int sum = f.prefixTokens[s];
        for (int tokens : f.turnTokens[s]) {
            sum += tokens;
        }
        return sum;
    }

    static Histogram turns(Selection selection) {
        SampleFeatures f = selection.features;
        long[][] counts = new long[2][TURN_EDGES.length];
        for (int s = 0; s < f.size; s++) {
            if (f.hasConversation(s)) {
                counts[0][bin(TURN_EDGES, rawTurns(f, s))]++;
                if (selection.kept(s)) {
                    counts[1][bin(TURN_EDGES, selection.turns[s])]++;
                }
            }
        }
        return ranged("turns", TURN_EDGES, counts, "");
    }

    static Histogram tokens(Selection selection) {
        SampleFeatures f = selection.features;
        long[][] counts = new long[2][TOKEN_EDGES.length];
        for (int s = 0; s < f.size; s++) {
            if (f.hasConversation(s)) {
                counts[0][bin(TOKEN_EDGES, rawTokens(f, s))]++;
                if (selection.kept(s)) {
                    counts[1][bin(TOKEN_EDGES, selection.tokens[s])]++;
                }
            }
        }
        return ranged("tokens", TOKEN_EDGES, counts, "k");
    }

    static Histogram reward(Selection selection) {
        SampleFeatures f = selection.features;
        String[] labels = {"none", "0", "0-0.5", "0.5-1", "1"};
        long[][] counts = new long[2][labels.length];
        for (int s = 0; s < f.size; s++) {
            if (f.hasConversation(s)) {
                int bin = rewardBin(f, s);
                counts[0][bin]++;
                if (selection.kept(s)) {
                    counts[1][bin]++;
                }
            }
        }
        List<Histogram.Bin> bins = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            bins.add(new Histogram.Bin(labels[i], counts[0][i], counts[1][i]));
        }
        return new Histogram("reward", bins);
    }

    static Histogram domain(Selection selection) {
        SampleFeatures f = selection.features;
        long[][] counts = new long[2][f.domains.length];
        for (int s = 0; s < f.size; s++) {
            if (f.hasConversation(s)) {
                counts[0][f.domain[s]]++;
                if (selection.kept(s)) {
                    counts[1][f.domain[s]]++;
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int d = 0; d < f.domains.length; d++) {
            if (counts[0][d] > 0) {
                order.add(d);
            }
        }
        order.sort(Comparator.<Integer>comparingLong(d -> -counts[0][d]).thenComparing(d -> f.domains[d]));
        List<Histogram.Bin> bins = new ArrayList<>();
        long otherBefore = 0;
        long otherAfter = 0;
        for (int i = 0; i < order.size(); i++) {
            int d = order.get(i);
            if (i < MAX_DOMAINS) {
                bins.add(new Histogram.Bin(f.domains[d], counts[0][d], counts[1][d]));
            } else {
                otherBefore += counts[0][d];
                otherAfter += counts[1][d];
            }
        }
        if (otherBefore > 0) {
            bins.add(new Histogram.Bin("(other)", otherBefore, otherAfter));
        }
        return new Histogram("domain", bins);
    }

    private static int rewardBin(SampleFeatures f, int s) {
        float reward = f.reward[s];
        if (Float.isNaN(reward)) {
            return f.resolved[s] < 0 ? 0 : f.resolved[s] == 1 ? 4 : 1;
        }
        if (reward <= 0) {
            return 1;
        }
        return reward < 0.5 ? 2 : reward < 1 ? 3 : 4;
    }

    private static int bin(int[] edges, int value) {
        for (int i = edges.length - 1; i > 0; i--) {
            if (value >= edges[i]) {
                return i;
            }
        }
        return 0;
    }

    private static Histogram ranged(String name, int[] edges, long[][] counts, String unit) {
        List<Histogram.Bin> bins = new ArrayList<>();
        for (int i = 0; i < edges.length; i++) {
            String from = label(edges[i], unit);
            String label = i == edges.length - 1 ? from + "+"
                    : edges[i + 1] - edges[i] == 1 ? from : from + "-" + label(edges[i + 1] - 1, unit);
            bins.add(new Histogram.Bin(label, counts[0][i], counts[1][i]));
        }
        return new Histogram(name, bins);
    }

    private static String label(int value, String unit) {
        if (unit.isEmpty()) {
            return Integer.toString(value);
        }
        return value == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.0f%s", Math.ceil(value / 1000.0), unit);
    }
}
