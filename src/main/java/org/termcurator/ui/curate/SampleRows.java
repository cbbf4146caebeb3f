package org.termcurator.ui.curate;

import java.util.AbstractList;
import java.util.List;
import org.termcurator.core.curate.DroppedSample;
import org.termcurator.core.curate.Preview;
import org.termcurator.core.curate.SampleRef;

/**
 * The kept and/or dropped samples of a preview as browser rows, made when a row is asked for,
 * so a table over 100k samples holds only the rows on screen.
 */
final class SampleRows extends AbstractList<SampleRow> {

    private final List<SampleRef> kept;
    private final List<DroppedSample> dropped;

    SampleRows(Preview preview, BrowseMode show) {
        this.kept = show == BrowseMode.DROPPED ? List.of() : preview.kept();
        this.dropped = show == BrowseMode.KEPT ? List.of() : preview.dropped();
    }

    @Override
    public SampleRow get(int index) {
        if (index < kept.size()) {
            return new SampleRow(kept.get(index), index, null, null);
        }
        int at = index - kept.size();
        DroppedSample sample = dropped.get(at);
        return new SampleRow(sample.sample(), at, sample.filter(), sample.detail());
    }

    @Override
    public int size() {
        return kept.size() + dropped.size();
    }
}
