package org.termcurator.core.curate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.termcurator.core.tasks.lint.MinHashClusters;

/** Near-duplicate clusters over signatures of which some are missing (no instruction, no commands). */
final class NearDuplicateClusters {

    private NearDuplicateClusters() {
    }

    /** Per signature, the index of its cluster's root; -1 where there is no signature. */
    static int[] cluster(int[][] signatures, double threshold) {
        // identical signatures (runs of one task, the same command sequence) join at once:
        // only one of each goes through LSH
        Map<Signature, Integer> distinct = new HashMap<>();
        int[] firstOf = new int[signatures.length];
        List<int[]> present = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < signatures.length; i++) {
            if (signatures[i] == null) {
                firstOf[i] = -1;
                continue;
            }
            Integer first = distinct.putIfAbsent(new Signature(signatures[i]), i);
            firstOf[i] = first == null ? i : first;
            if (first == null) {
                owner.add(i);
                present.add(signatures[i]);
            }
        }
        int[] roots = MinHashClusters.roots(present, MinHashClusters.bandsFor(threshold), threshold);
        int[] rootOfFirst = new int[signatures.length];
        for (int k = 0; k < roots.length; k++) {
            rootOfFirst[owner.get(k)] = owner.get(roots[k]);
        }
        int[] clusters = new int[signatures.length];
        Arrays.fill(clusters, -1);
        for (int i = 0; i < signatures.length; i++) {
            if (firstOf[i] >= 0) {
                clusters[i] = rootOfFirst[firstOf[i]];
            }
        }
        return clusters;
    }

    /** A signature as a map key, by content. */
    private record Signature(int[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Signature signature && Arrays.equals(values, signature.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
