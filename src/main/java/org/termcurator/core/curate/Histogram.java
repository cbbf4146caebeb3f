package org.termcurator.core.curate;

import java.util.List;

/** Counts per bin of all samples with a conversation (before) and of the kept ones (after). */
public record Histogram(String name, List<Bin> bins) {

    public Histogram {
        bins = List.copyOf(bins);
    }

    public record Bin(String label, long before, long after) {
    }
}
