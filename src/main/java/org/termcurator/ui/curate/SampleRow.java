package org.termcurator.ui.curate;

import org.termcurator.core.curate.Filter;
import org.termcurator.core.curate.SampleRef;

/**
 * A sample as the browser lists it: kept, with its place in the export order, or dropped, with
 * the filter that dropped it and why.
 *
 * @param position the place in the export order of a kept sample; the place in the dropped list otherwise
 */
public record SampleRow(SampleRef sample, int position, Filter droppedBy, String detail) {

    public boolean kept() {
        return droppedBy == null;
    }

    /** Why the sample was dropped, e.g. "Outcome: unresolved"; empty for a kept one. */
    public String reason() {
        if (droppedBy == null) {
            return "";
        }
        return detail == null || detail.isBlank() ? droppedBy.label() : droppedBy.label() + ": " + detail;
    }
}
