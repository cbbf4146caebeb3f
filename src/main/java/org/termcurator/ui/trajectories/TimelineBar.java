package org.termcurator.ui.trajectories;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.termcurator.core.replay.TimelineMarker;

/**
 * The replay's scrubber: a track from 0 to the recording's duration, a tick per marker coloured by
 * its kind (steps, errors, keystrokes, exits, test start, cast markers), and the playhead. Clicking
 * or dragging seeks; hovering names the nearest marker.
 */
final class TimelineBar extends Region {

    private static final double HEIGHT = 22;
    private static final double TRACK_HEIGHT = 6;
    private static final double HOVER_PIXELS = 4;

    private final Rectangle track = new Rectangle();
    private final Rectangle played = new Rectangle();
    private final Rectangle playhead = new Rectangle(3, HEIGHT);
    private final Group ticks = new Group();
    private final Tooltip tooltip = new Tooltip();
    private List<TimelineMarker> markers = List.of();
    private double duration;
    private double value;
    private DoubleConsumer onSeek = seconds -> { };
    /** The width the ticks were laid out for; NaN when the markers changed since. */
    private double ticksWidth = Double.NaN;

    TimelineBar() {
        getStyleClass().add("replay-timeline");
        track.setFill(Color.gray(0.5, 0.35));
        played.setFill(Color.gray(0.5, 0.7));
        playhead.setFill(Color.web("#3b82f6"));
        getChildren().addAll(track, played, ticks, playhead);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        tooltip.setShowDelay(Duration.millis(150));
        Tooltip.install(this, tooltip);
        addEventHandler(MouseEvent.MOUSE_PRESSED, event -> seekTo(event.getX()));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, event -> seekTo(event.getX()));
        addEventHandler(MouseEvent.MOUSE_MOVED, event -> tooltip.setText(describe(event.getX())));
    }

    void setOnSeek(DoubleConsumer onSeek) {
        this.onSeek = onSeek;
    }

    void setTimeline(double duration, List<TimelineMarker> markers) {
        this.duration = Math.max(0, duration);
        this.markers = List.copyOf(markers);
        ticksWidth = Double.NaN;
        requestLayout();
    }

    void setValue(double seconds) {
        value = seconds;
        requestLayout();
    }

    double getValue() {
        return value;
    }

    /** The x position of {@code seconds} on the track, e.g. to click there. */
    double xOf(double seconds) {
        double width = Math.max(1, getWidth());
        return duration <= 0 ? 0 : Math.clamp(seconds / duration, 0, 1) * width;
    }

    private void seekTo(double x) {
        if (duration > 0) {
            onSeek.accept(Math.clamp(x / Math.max(1, getWidth()), 0, 1) * duration);
        }
    }

    private String describe(double x) {
        TimelineMarker nearest = null;
        double best = HOVER_PIXELS;
        for (TimelineMarker marker : markers) {
            double distance = Math.abs(xOf(marker.time()) - x);
            if (distance <= best) {
                best = distance;
                nearest = marker;
            }
        }
        double seconds = duration <= 0 ? 0 : Math.clamp(x / Math.max(1, getWidth()), 0, 1) * duration;
        String at = String.format("%.1f s", seconds);
        return nearest == null ? at : at + "  ·  " + nearest.label();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double trackY = (HEIGHT - TRACK_HEIGHT) / 2;
        track.setX(0);
        track.setY(trackY);
        track.setWidth(width);
        track.setHeight(TRACK_HEIGHT);
        played.setY(trackY);
        played.setHeight(TRACK_HEIGHT);
        played.setWidth(xOf(value));
        if (width != ticksWidth) {
            layoutTicks(width);
        }
        playhead.setX(Math.clamp(xOf(value) - 1.5, 0, Math.max(0, width - 3)));
        playhead.setY(0);
    }

    /** Ticks are only rebuilt when the markers or the width change, not on every playhead move. */
    private void layoutTicks(double width) {
        ticksWidth = width;
        List<Rectangle> shapes = new ArrayList<>(markers.size());
        for (TimelineMarker marker : markers) {
            Rectangle tick = new Rectangle(marker.kind() == TimelineMarker.Kind.INPUT ? 1 : 2, tickHeight(marker.kind()));
            tick.setX(Math.min(width - tick.getWidth(), xOf(marker.time())));
            tick.setY(marker.kind() == TimelineMarker.Kind.INPUT ? HEIGHT - tick.getHeight() : 0);
            tick.setFill(colour(marker.kind()));
            tick.setMouseTransparent(true);
            shapes.add(tick);
        }
        ticks.getChildren().setAll(shapes);
    }

    private static double tickHeight(TimelineMarker.Kind kind) {
        return switch (kind) {
            case INPUT -> HEIGHT / 3;
            case STEP, MARKER -> HEIGHT * 0.6;
            default -> HEIGHT;
        };
    }

    private static Color colour(TimelineMarker.Kind kind) {
        return switch (kind) {
            case STEP -> Color.web("#60a5fa");
            case ERROR -> Color.web("#ef4444");
            case INPUT -> Color.web("#a3a3a3");
            case EXIT -> Color.web("#f97316");
            case TESTS -> Color.web("#a855f7");
            case MARKER -> Color.web("#22c55e");
        };
    }
}
