package org.termcurator.core.trajectories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.termcurator.core.terminal.CastEvent;

/** A standalone asciinema recording (v2 or v3) as a trajectory of its own, the cast attached. */
final class CastFileReader {

    static final String FORMAT = "cast";

    private CastFileReader() {
    }

    static Trajectory read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CastBlob blob = CastBlob.compress(bytes);
        CastTimes cast = blob.times();
        if (cast.header() == null) {
            throw new IllegalArgumentException("not an asciinema v2 or v3 recording: its first line is no cast header");
        }
        if (!cast.problems().isEmpty()) {
            // as cast render does: name each bad line; the recording is not imported half-read
            StringBuilder lines = new StringBuilder();
            cast.problems().stream().limit(3).forEach(problem -> lines.append(lines.isEmpty() ? "" : "; ")
                    .append("line ").append(problem.lineNumber()).append(": ").append(problem.reason()));
            int more = cast.problems().size() - 3;
            throw new IllegalArgumentException("a recording with bad event lines, not imported: " + lines
                    + (more > 0 ? " (and " + more + " more)" : ""));
        }
        Trajectory trajectory = new Trajectory(file.toString(), FORMAT).source("asciinema");
        trajectory.trialName(file.getFileName().toString());
        if (cast.header().timestamp() != null) {
            trajectory.startedAt(Instant.ofEpochSecond(cast.header().timestamp()).toString());
        }
        trajectory.timings().putObject("recording").put("seconds", cast.duration());
        // the recording's markers are its chapter points: one step each, at its moment
        for (CastEvent marker : cast.markers()) {
            trajectory.addStep(Step.of("marker", marker.data()).withCastTime(marker.time()));
        }
        ObjectNode about = trajectory.extra().putObject("cast");
        about.put("title", cast.header().title());
        about.put("exit_status", cast.exitStatus());
        trajectory.attachments().add(Attachments.cast(Attachment.Kind.AGENT_CAST, file.getFileName().toString(),
                bytes.length, blob));
        return trajectory.contentHash(ContentHash.of(bytes));
    }
}
