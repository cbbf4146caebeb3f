package org.termcurator.core.tasks.lint;

import java.util.List;

/**
 * Groups {@link MinHash} signatures whose estimated similarity reaches a threshold, with
 * locality-sensitive hashing: per band, signatures whose rows of the band agree land in one
 * bucket (found by sorting packed (band hash, index) numbers, no map of boxed keys); within a
 * bucket each signature is compared with a few representatives, and union-find joins the
 * confirmed pairs. Used by the project lint (near-identical instructions) and by curation.
 */
public final class MinHashClusters {

    /** Members of a band bucket that others are compared with; keeps big buckets linear. */
    private static final int REPRESENTATIVES = 4;
    /** Signatures are numbered in the low bits of a packed bucket key (up to 16M), the band's hash above. */
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private static final long BAND_HASH_MASK = (1L << (63 - INDEX_BITS)) - 1;

    private MinHashClusters() {
    }

    /**
     * Per signature, the index of its cluster's root (the lowest index of the cluster).
     *
     * @param bands a divisor of {@link MinHash#SIZE}; more bands find pairs of lower similarity
     */
    public static int[] roots(List<int[]> signatures, int bands, double similarity) {
        int rows = MinHash.SIZE / bands;
        int[] parent = new int[signatures.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        long[] packed = new long[signatures.size()];
        int[] representatives = new int[REPRESENTATIVES];
        for (int band = 0; band < bands; band++) {
            for (int i = 0; i < packed.length; i++) {
                packed[i] = (bandKey(signatures.get(i), band, rows) & BAND_HASH_MASK) << INDEX_BITS | i;
            }
            java.util.Arrays.sort(packed);
            int start = 0;
            while (start < packed.length) {
                int end = start + 1;
                while (end < packed.length && packed[end] >>> INDEX_BITS == packed[start] >>> INDEX_BITS) {
                    end++;
                }
                int count = 0;
                for (int k = start; k < end; k++) {
                    int i = (int) (packed[k] & INDEX_MASK);
                    boolean joined = false;
                    for (int r = 0; r < count; r++) {
                        int other = representatives[r];
                        if (find(parent, other) == find(parent, i)
                                || similarAtLeast(signatures.get(other), signatures.get(i), similarity)) {
                            union(parent, other, i);
                            joined = true;
                            break;
                        }
                    }
                    if (!joined && count < REPRESENTATIVES) {
                        representatives[count++] = i;
                    }
                }
                start = end;
            }
        }
        for (int i = 0; i < parent.length; i++) {
            parent[i] = find(parent, i);
        }
        return parent;
    }

    /**
     * A band count whose LSH threshold (1/b)^(1/r) lies at least 0.1 under {@code similarity}, so
     * that pairs at the similarity share a band with high probability and are then checked
     * exactly (0.8 gives the lint's 32 bands of 4 rows).
     */
    public static int bandsFor(double similarity) {
        int chosen = 1;
        for (int bands = 1; bands <= MinHash.SIZE; bands *= 2) {
            int rows = MinHash.SIZE / bands;
            chosen = bands;
            if (Math.pow(1.0 / bands, 1.0 / rows) <= similarity - 0.1) {
                break;
            }
        }
        return chosen;
    }

    /** Whether the signatures agree in at least that share of positions; stops once they cannot. */
    static boolean similarAtLeast(int[] a, int[] b, double similarity) {
        int allowed = MinHash.SIZE - (int) Math.ceil(similarity * MinHash.SIZE);
        int differ = 0;
        for (int i = 0; i < MinHash.SIZE; i++) {
            if (a[i] != b[i] && ++differ > allowed) {
                return false;
            }
        }
        return true;
    }

    private static long bandKey(int[] signature, int band, int rows) {
        long key = band;
        for (int row = band * rows; row < (band + 1) * rows; row++) {
            key = key * 0x100000001B3L + signature[row];
        }
        return key;
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
