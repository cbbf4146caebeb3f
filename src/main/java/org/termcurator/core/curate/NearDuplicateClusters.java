package org.termcurator.core.curate;

import java.util.HashMap;
import java.util.Map;

/**
 * Groups MinHash signatures whose estimated similarity reaches a threshold: LSH bands pick
 * candidates (a band count whose S-curve turns just below the threshold), each candidate is
 * checked against its bucket's first member, and union-find joins the confirmed pairs.
 */
final class NearDuplicateClusters {

    private NearDuplicateClusters() {
    }

    /** Per signature, the index of its cluster's root; -1 where there is no signature. */
    static int[] cluster(int[][] signatures, double threshold) {
        int n = signatures.length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = signatures[i] == null ? -1 : i;
        }
        int bands = bands(threshold);
        int rows = TextFeatures.SIGNATURE_SIZE / bands;
        for (int band = 0; band < bands; band++) {
            Map<Long, Integer> first = new HashMap<>();
            for (int i = 0; i < n; i++) {
                int[] signature = signatures[i];
                if (signature == null) {
                    continue;
                }
                long key = band;
                for (int r = band * rows; r < (band + 1) * rows; r++) {
                    key = TextFeatures.mix(key * 0x100000001B3L + signature[r]);
                }
                Integer other = first.putIfAbsent(key, i);
                if (other != null && find(parent, other) != find(parent, i)
                        && TextFeatures.similarity(signature, signatures[other]) >= threshold) {
                    union(parent, other, i);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (parent[i] >= 0) {
                parent[i] = find(parent, i);
            }
        }
        return parent;
    }

    /** The band count (a divisor of the signature size) whose candidate threshold (1/b)^(1/r) lies just under the threshold. */
    static int bands(double threshold) {
        int best = 1;
        for (int bands = 1; bands <= TextFeatures.SIGNATURE_SIZE; bands *= 2) {
            int rows = TextFeatures.SIGNATURE_SIZE / bands;
            double curve = Math.pow(1.0 / bands, 1.0 / rows);
            if (curve <= threshold) {
                return bands;
            }
            best = bands;
        }
        return best;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}
