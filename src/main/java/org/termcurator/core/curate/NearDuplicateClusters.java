package org.termcurator.core.curate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.termcurator.core.tasks.lint.MinHashClusters;

/** Near-duplicate clusters over signatures of which some are missing (no instruction, no commands). */
final class NearDuplicateClusters {

    private NearDuplicateClusters() {
    }

    /** Per signature, the index of its cluster's root; -1 where there is no signature. */
    static int[] cluster(int[][] signatures, double threshold) {
        List<int[]> present = new ArrayList<>();
        int[] owner = new int[signatures.length];
        for (int i = 0; i < signatures.length; i++) {
            if (signatures[i] != null) {
                owner[present.size()] = i;
                present.add(signatures[i]);
            }
        }
        int[] roots = MinHashClusters.roots(present, MinHashClusters.bandsFor(threshold), threshold);
        int[] clusters = new int[signatures.length];
        Arrays.fill(clusters, -1);
        for (int k = 0; k < roots.length; k++) {
            clusters[owner[k]] = owner[roots[k]];
        }
        return clusters;
    }
}
