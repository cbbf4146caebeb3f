package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.termcurator.core.verifier.TestResult;

/** Everything stored about one trajectory but the attachment contents (read those with {@link TrajectoryQueries#attachmentData}). */
public record TrajectoryDetail(TrajectoryRow row, Long taskId, String agentVersion, Integer attempt,
                               String rewards, String exception, Long inputTokens, Long outputTokens,
                               Long cachedTokens, Double costUsd, String startedAt, String finishedAt,
                               ObjectNode timings, ObjectNode extra, List<Step> steps, List<TestResult> tests,
                               List<AttachmentInfo> attachments) {

    /** An attachment without its data. */
    public record AttachmentInfo(long id, Attachment.Kind kind, String name, String mediaType, long size,
                                 String compression, boolean hasSeekIndex) {
    }
}
