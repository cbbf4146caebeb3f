package org.termcurator.core.curate;

import java.util.List;

/**
 * One sample exactly as an export writes it: the line (or rows) of the file, its token count,
 * and its messages with which ones a trainer learns from (the assistant turns the masking rule
 * leaves trained).
 *
 * @param redactions secrets replaced in the sample
 * @param rendered   the text the model's chat template renders (with a model folder), else null
 * @param trainedSpans character ranges of {@code rendered} that hold trained answers
 */
public record SamplePreview(long trajectoryId, ExportFormat format, String written, int tokens, List<Part> parts,
                           int redactions, String rendered, List<Span> trainedSpans) {

    public SamplePreview {
        parts = List.copyOf(parts);
        trainedSpans = trainedSpans == null ? List.of() : List.copyOf(trainedSpans);
    }

    public SamplePreview(long trajectoryId, ExportFormat format, String written, int tokens, List<Part> parts) {
        this(trajectoryId, format, written, tokens, parts, 0, null, List.of());
    }

    /** @param masked an answer the masking rule keeps as context only */
    public record Part(String role, String content, int tokens, boolean trained, boolean masked) {
        public Part(String role, String content, int tokens, boolean trained) {
            this(role, content, tokens, trained, false);
        }
    }

    public record Span(int start, int end) {
    }

    public int maskedTurns() {
        return (int) parts.stream().filter(Part::masked).count();
    }

    public long trainedTokens() {
        return parts.stream().filter(Part::trained).mapToLong(Part::tokens).sum();
    }
}
