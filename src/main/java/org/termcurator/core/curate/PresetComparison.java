package org.termcurator.core.curate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Two previews side by side: what one keeps that the other drops, and how many both keep.
 *
 * @param onlyLeft  kept by the left settings, dropped by the right (in the left's export order)
 * @param onlyRight kept by the right settings, dropped by the left (in the right's export order)
 */
public record PresetComparison(List<SampleRef> onlyLeft, List<SampleRef> onlyRight, int both) {

    public PresetComparison {
        onlyLeft = List.copyOf(onlyLeft);
        onlyRight = List.copyOf(onlyRight);
    }

    public static PresetComparison of(Preview left, Preview right) {
        Set<Long> leftIds = ids(left);
        Set<Long> rightIds = ids(right);
        List<SampleRef> onlyLeft = new ArrayList<>();
        for (SampleRef sample : left.kept()) {
            if (!rightIds.contains(sample.trajectoryId())) {
                onlyLeft.add(sample);
            }
        }
        List<SampleRef> onlyRight = new ArrayList<>();
        for (SampleRef sample : right.kept()) {
            if (!leftIds.contains(sample.trajectoryId())) {
                onlyRight.add(sample);
            }
        }
        return new PresetComparison(onlyLeft, onlyRight, left.keptCount() - onlyLeft.size());
    }

    private static Set<Long> ids(Preview preview) {
        Set<Long> ids = new HashSet<>(preview.keptCount() * 2);
        for (SampleRef sample : preview.kept()) {
            ids.add(sample.trajectoryId());
        }
        return ids;
    }
}
