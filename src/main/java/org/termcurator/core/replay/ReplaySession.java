package org.termcurator.core.replay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.termcurator.core.terminal.CastEventCode;
import org.termcurator.core.terminal.CastHeader;
import org.termcurator.core.terminal.CastMarker;
import org.termcurator.core.terminal.CastPlayer;
import org.termcurator.core.terminal.Palette;
import org.termcurator.core.terminal.TerminalSnapshot;
import org.termcurator.core.terminal.TerminalText;
import org.termcurator.core.trajectories.Attachment;
import org.termcurator.core.trajectories.ParseStatus;
import org.termcurator.core.trajectories.Step;
import org.termcurator.core.trajectories.TrajectoryDetail;
import org.termcurator.core.trajectories.TrajectoryStore;

/**
 * Everything the replay of one trajectory needs, loaded once: the session recording in a
 * seekable player (or a transcript made from the steps when there is none), where each step
 * happened in it, the timeline's markers, the first failure, and the verdict's test recording
 * and output. Load it off the UI thread; the player is then used by one thread at a time.
 */
public final class ReplaySession {

    /** Keystroke markers beyond this many would paint the scrubber solid. */
    private static final int MAX_INPUT_MARKERS = 500;

    private final TrajectoryDetail detail;
    private final CastPlayer player;
    private final boolean transcript;
    private final StepMoments moments;
    private final SessionText output;
    private final double[] eventTimes;
    private final List<TimelineMarker> markers;
    private final CastPlayer testsPlayer;
    private final String testsOutput;
    private final FirstFailure.Failure firstFailure;

    private ReplaySession(TrajectoryDetail detail, CastPlayer player, boolean transcript, CastPlayer testsPlayer,
                          String testsOutput) {
        this.detail = detail;
        this.player = player;
        this.transcript = transcript;
        this.output = SessionText.of(player);
        this.moments = transcript ? StepMoments.evenlySpaced(detail.steps().size())
                : StepMoments.place(detail.steps(), player, output);
        this.eventTimes = new double[player.eventCount()];
        for (int i = 0; i < eventTimes.length; i++) {
            eventTimes[i] = player.eventTime(i);
        }
        this.testsPlayer = testsPlayer;
        this.testsOutput = testsOutput;
        this.firstFailure = FirstFailure.find(detail.steps(), moments, detail.tests(), transcript ? null : player,
                detail.row().failureMode(), detail.exception(), player.duration()).orElse(null);
        this.markers = buildMarkers();
    }

    /** Reads the trajectory's recordings from the store and prepares the replay. */
    public static ReplaySession load(TrajectoryStore store, TrajectoryDetail detail) throws SQLException, IOException {
        return load(store, detail, (screen, palette) -> { });
    }

    /**
     * Reads the trajectory's recordings and prepares the replay; {@code firstScreen} is told the
     * recording's final screen as soon as the recording is played, before the timeline, step
     * moments and search text are built, so a view can show it early.
     */
    public static ReplaySession load(TrajectoryStore store, TrajectoryDetail detail,
                                     BiConsumer<TerminalSnapshot, Palette> firstScreen) throws SQLException, IOException {
        CastPlayer agent = null;
        CastPlayer tests = null;
        String testsOutput = null;
        for (TrajectoryDetail.AttachmentInfo info : detail.attachments()) {
            if (info.kind() == Attachment.Kind.AGENT_CAST && agent == null) {
                agent = loadCast(store, info);
                if (agent != null) {
                    firstScreen.accept(agent.finalScreen(), Palette.of(agent.header().theme()));
                }
            } else if (info.kind() == Attachment.Kind.TESTS_CAST && tests == null) {
                tests = loadCast(store, info);
            } else if (info.kind() == Attachment.Kind.LOG && isTestsOutput(info.name())
                    && (testsOutput == null || info.name().contains("stdout"))) {
                testsOutput = store.attachmentData(info.id())
                        .map(bytes -> TerminalText.strip(new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n")))
                        .orElse(testsOutput);
            }
        }
        return of(detail, agent, tests, testsOutput);
    }

    /** A replay of {@code detail} with the given recordings; a null agent recording gets a transcript. */
    public static ReplaySession of(TrajectoryDetail detail, CastPlayer agentCast, CastPlayer testsCast, String testsOutput) {
        if (agentCast == null) {
            return new ReplaySession(detail, CastPlayer.of(TranscriptCast.of(detail.steps())), true, testsCast,
                    testsOutput);
        }
        return new ReplaySession(detail, agentCast, false, testsCast, testsOutput);
    }

    private static boolean isTestsOutput(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("test") && !lower.endsWith(".cast");
    }

    private static CastPlayer loadCast(TrajectoryStore store, TrajectoryDetail.AttachmentInfo info)
            throws SQLException, IOException {
        Optional<byte[]> data = store.attachmentData(info.id());
        if (data.isEmpty()) {
            return null;
        }
        try {
            return CastPlayer.load(new ByteArrayInputStream(data.get()), CastPlayer.Settings.DEFAULTS);
        } catch (IOException e) {
            // a recording whose header does not read is treated as missing, not as a broken replay
            return null;
        }
    }

    private List<TimelineMarker> buildMarkers() {
        List<TimelineMarker> list = new ArrayList<>();
        List<Step> steps = detail.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean error = step.parseStatus() == ParseStatus.PARSE_ERROR
                    || firstFailure != null && firstFailure.stepIndex() == i
                    && firstFailure.kind() == FirstFailure.Kind.COMMAND_ERROR;
            if (error) {
                list.add(new TimelineMarker(moments.at(i), TimelineMarker.Kind.ERROR, "#" + (i + 1) + " "
                        + (step.parseStatus() == ParseStatus.PARSE_ERROR ? "answer did not parse" : firstFailure.reason()), i));
            } else if (step.isAssistant() || "marker".equals(step.role())) {
                list.add(new TimelineMarker(moments.at(i), TimelineMarker.Kind.STEP, "#" + (i + 1) + " " + step.role(), i));
            }
        }
        if (!transcript) {
            int inputs = 0;
            for (int index = 0; index < player.eventCount(); index++) {
                CastEventCode code = player.eventCode(index);
                if (code == CastEventCode.INPUT && inputs++ < MAX_INPUT_MARKERS) {
                    list.add(new TimelineMarker(eventTimes[index], TimelineMarker.Kind.INPUT, "keystrokes sent", -1));
                } else if (code == CastEventCode.EXIT) {
                    list.add(new TimelineMarker(eventTimes[index], TimelineMarker.Kind.EXIT,
                            "exit " + player.event(index).data().strip(), -1));
                }
            }
            for (CastMarker marker : player.markers()) {
                list.add(new TimelineMarker(marker.time(), TimelineMarker.Kind.MARKER, marker.label(), -1));
            }
            testsStart().ifPresent(time -> list.add(new TimelineMarker(time, TimelineMarker.Kind.TESTS, "tests start", -1)));
        }
        list.sort(Comparator.comparingDouble(TimelineMarker::time));
        return List.copyOf(list);
    }

    /** When the tests started, in recording time, if the trial's timings and the recording's start say. */
    private Optional<Double> testsStart() {
        CastHeader header = player.header();
        if (header.timestamp() == null || detail.timings() == null) {
            return Optional.empty();
        }
        String started = detail.timings().path("tests").path("started_at").asText(null);
        if (started == null) {
            return Optional.empty();
        }
        try {
            double at = OffsetDateTime.parse(started).toEpochSecond() - header.timestamp();
            return at >= 0 && at <= player.duration() + 1 ? Optional.of(at) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public TrajectoryDetail detail() {
        return detail;
    }

    public CastPlayer player() {
        return player;
    }

    /** True when there was no recording and the terminal shows a transcript made from the steps. */
    public boolean isTranscript() {
        return transcript;
    }

    public Palette palette() {
        return Palette.of(player.header().theme());
    }

    public StepMoments moments() {
        return moments;
    }

    public double duration() {
        return player.duration();
    }

    /** Event times of the recording, ascending, for a {@link PlaybackClock}. */
    public double[] eventTimes() {
        return eventTimes.clone();
    }

    /** The recording's own idle time limit, or null. */
    public Double idleTimeLimit() {
        return player.header().idleTimeLimit();
    }

    public List<TimelineMarker> markers() {
        return markers;
    }

    /** The test run's recording, or null. */
    public CastPlayer testsPlayer() {
        return testsPlayer;
    }

    /** What the tests printed, escape sequences removed, or null. */
    public String testsOutput() {
        return testsOutput;
    }

    public Optional<FirstFailure.Failure> firstFailure() {
        return Optional.ofNullable(firstFailure);
    }

    public List<SessionSearch.Hit> search(String term) {
        return SessionSearch.search(term, player, output, detail.steps(), moments);
    }
}
