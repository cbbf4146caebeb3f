package org.termcurator.bench;

import static org.termcurator.bench.BenchArgs.hasArg;
import static org.termcurator.bench.BenchArgs.intArg;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.termcurator.core.jobs.JobContext;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.terminal.CastPlayer;
import org.termcurator.core.terminal.EmulatorWarmUp;
import org.termcurator.core.trajectories.Attachment;
import org.termcurator.core.trajectories.RunImporter;
import org.termcurator.core.trajectories.TrajectoryDetail;
import org.termcurator.core.trajectories.TrajectoryFilter;
import org.termcurator.core.trajectories.TrajectoryQueries;
import org.termcurator.ui.trajectories.ReplayProbe;

/**
 * Time to first frame and seeks in the replay view, on a stored trajectory with a large cast.
 *
 * <pre>scripts/bench.sh ReplayBench [--cast-kb 4096] [--rounds 5] [--seeks 200] [--no-warm-up]</pre>
 *
 * A Terminal-Bench trial with a generated tmux cast of --cast-kb is imported into a fresh project.
 * Each round opens it in a real (headless) replay view and measures from {@code show(detail)} to
 * the end of the pulse that drew the final screen (reading the cast from SQLite, decompressing,
 * replaying it into a player, drawing) and until the whole replay is ready (steps placed, timeline
 * and search text built); then seeks to random moments and to
 * random steps, timing the seek call on the FX thread and the time until the frame showing it
 * was drawn (this waits for the next pulse, at most one 60 Hz frame). The baseline, measured in
 * the same run, is the core alone: the cast's bytes into a {@code CastPlayer} and its final
 * screen, and {@code screenAt} at the same random moments. The first of two warm-up rounds is
 * reported as the first open in a fresh JVM: after the app's own warm-up at start
 * ({@link EmulatorWarmUp}), or without it with --no-warm-up.
 */
public final class ReplayBench {

    public static void main(String[] args) throws Exception {
        int castKb = intArg(args, "--cast-kb", 4096);
        int rounds = intArg(args, "--rounds", 5);
        int seeks = intArg(args, "--seeks", 200);
        Path dir = Files.createTempDirectory("replay-bench");
        Path run = dir.resolve("run");
        new RunDataGenerator(7).tb1Run(run, 1, castKb * 1024);
        ProjectDb db = ProjectDb.create(dir.resolve("bench.curator"));
        new RunImporter(db).importPaths(List.of(run), JobContext.unobserved());
        TrajectoryQueries store = new TrajectoryQueries(db);
        TrajectoryDetail detail = store.detail(store.page(TrajectoryFilter.all(), 0, 1).rows().getFirst().id()).orElseThrow();
        TrajectoryDetail.AttachmentInfo castInfo = detail.attachments().stream()
                .filter(info -> info.kind() == Attachment.Kind.AGENT_CAST).findFirst().orElseThrow();
        byte[] castBytes = store.attachmentData(castInfo.id()).orElseThrow();
        System.out.printf("cast: %,d bytes (%,d stored), %d steps%n", castBytes.length, castInfo.size(), detail.steps().size());

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Platform.setImplicitExit(false);
        ReplayProbe probe = onFx(() -> new ReplayProbe(db));
        if (!hasArg(args, "--no-warm-up")) {
            // what the app does at start, so that the first open below is the app's first open
            long warmUpStart = System.nanoTime();
            EmulatorWarmUp.run();
            System.out.printf("the app's warm-up at start: %.0f ms%n", millis(System.nanoTime() - warmUpStart));
        }

        for (int round = -2; round < rounds; round++) {
            boolean warmUp = round < 0;
            // the view
            long before = onFx(() -> probe.terminal().paintCount());
            long openStart = System.nanoTime();
            onFx(() -> {
                probe.show(detail);
                return null;
            });
            long shown = waitForFrame(probe, () -> probe.model().firstScreenProperty().get() != null
                    && probe.terminal().getView() == probe.model().firstScreenProperty().get().screen()
                    && probe.terminal().paintCount() > before);
            double firstFrame = millis(shown - openStart);
            long ready = waitForFrame(probe, () -> probe.model().session() != null);
            double readyAfter = millis(ready - openStart);

            // baseline: the core alone, after the view so that the first round's view starts cold
            long baseStart = System.nanoTime();
            CastPlayer player = CastPlayer.load(new ByteArrayInputStream(castBytes), CastPlayer.Settings.DEFAULTS);
            player.finalScreen();
            double baseFirst = millis(System.nanoTime() - baseStart);
            Random random = new Random(round + 100);
            List<Double> baseSeeks = new ArrayList<>();
            for (int i = 0; i < seeks; i++) {
                double at = random.nextDouble() * player.duration();
                long start = System.nanoTime();
                player.screenAt(at);
                baseSeeks.add(millis(System.nanoTime() - start));
            }

            random = new Random(round + 100);
            List<Double> seekCalls = new ArrayList<>();
            List<Double> seekFrames = new ArrayList<>();
            List<Double> momentFrames = new ArrayList<>();
            List<Double> stepFrames = new ArrayList<>();
            double duration = onFx(() -> probe.model().duration());
            for (int i = 0; i < seeks; i++) {
                double at = random.nextDouble() * duration;
                int step = random.nextInt(detail.steps().size());
                boolean byStep = i % 4 == 3;
                long painted = onFx(() -> probe.terminal().paintCount());
                long[] call = new long[2];
                onFx(() -> {
                    call[0] = System.nanoTime();
                    if (byStep) {
                        probe.model().seekToStep(step);
                    } else {
                        probe.model().seek(at);
                    }
                    call[1] = System.nanoTime();
                    return null;
                });
                long frame = waitForFrame(probe, () -> probe.terminal().paintCount() > painted);
                seekCalls.add(millis(call[1] - call[0]));
                seekFrames.add(millis(frame - call[0]));
                (byStep ? stepFrames : momentFrames).add(millis(frame - call[0]));
            }
            // a redraw of an unchanged screen: what the drawing alone and the wait for a pulse cost
            List<Double> redraws = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long painted = onFx(() -> probe.terminal().paintCount());
                long start = System.nanoTime();
                onFx(() -> {
                    probe.terminal().requestRepaint();
                    return null;
                });
                redraws.add(millis(waitForFrame(probe, () -> probe.terminal().paintCount() > painted) - start));
            }
            if (round == -2) {
                System.out.printf("first open in this JVM: first frame %.0f ms, replay ready %.0f ms%n", firstFrame, readyAfter);
            }
            if (!warmUp) {
                System.out.printf("round %d: first frame %.0f ms (core alone %.0f ms), replay ready %.0f ms; seek call p50 %.2f p99 %.2f ms "
                                + "(core alone p50 %.2f p99 %.2f ms); seek to drawn frame p50 %.1f p99 %.1f ms; redraw only p50 %.1f p99 %.1f ms%n",
                        round + 1, firstFrame, baseFirst, readyAfter, percentile(seekCalls, 50), percentile(seekCalls, 99),
                        percentile(baseSeeks, 50), percentile(baseSeeks, 99), percentile(seekFrames, 50),
                        percentile(seekFrames, 99), percentile(redraws, 50), percentile(redraws, 99));
                System.out.printf("         seek to drawn frame, to a moment p50 %.1f p99 %.1f ms; to a step (step panel filled too) p50 %.1f p99 %.1f ms%n",
                        percentile(momentFrames, 50), percentile(momentFrames, 99), percentile(stepFrames, 50),
                        percentile(stepFrames, 99));
            }
        }
        onFx(() -> {
            probe.close();
            return null;
        });
        db.close();
        Platform.exit();
    }

    /** Waits until {@code condition} holds after a pulse and returns when that pulse ended. */
    private static long waitForFrame(ReplayProbe probe, BooleanSupplier condition) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!done.isDone() && condition.getAsBoolean()) {
                done.complete(System.nanoTime());
                Platform.runLater(() -> probe.scene().removePostLayoutPulseListener(listener[0]));
            }
        };
        Platform.runLater(() -> {
            probe.scene().addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

}
