package org.termcurator.core.curate;

import java.util.List;

/**
 * One sample exactly as an export writes it: the line (or row) of the file, its token count,
 * and its messages with which ones a trainer learns from (the assistant turns).
 */
public record SamplePreview(long trajectoryId, ExportFormat format, String written, int tokens, List<Part> parts) {

    public SamplePreview {
        parts = List.copyOf(parts);
    }

    public record Part(String role, String content, int tokens, boolean trained) {
    }
}
