package org.termcurator.ui.controls.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.termcurator.core.terminal.TerminalEmulator;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A 160x40 recording in the viewport, headless: fitted to the space, never below legible, zoomed. */
@ExtendWith(ApplicationExtension.class)
class TerminalViewportTest {

    private TerminalViewport viewport;
    private StackPane holder;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        viewport = new TerminalViewport();
        holder = new StackPane(viewport);
        stage.setScene(new Scene(holder, 1100, 520));
        stage.show();
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void resize(double width, double height) {
        fx(() -> {
            holder.setMaxSize(width, height);
            holder.setMinSize(width, height);
            stage.setWidth(Math.max(width, 200) + 40);
            stage.setHeight(height + 80);
            holder.layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void showWideRecording() {
        fx(() -> {
            TerminalEmulator emulator = new TerminalEmulator(160, 40);
            emulator.feed("$ ls -l /var/log".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            viewport.terminal().setView(emulator);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aWideRecordingFitsTheWidthItHasAtAReadableSize() {
        resize(1040, 480);
        showWideRecording();
        double size = fx(() -> viewport.terminal().getFontSize());
        assertThat(size).as("1040 px for 160 columns").isGreaterThanOrEqualTo(TerminalViewport.MIN_READABLE).isLessThan(13);
        assertThat(fx(() -> viewport.terminal().prefWidth(-1))).as("the whole width shows").isLessThanOrEqualTo(1040);
        assertThat(fx(viewport::scrollsHorizontally)).isFalse();

        // a wider space draws larger text
        resize(1400, 700);
        assertThat(fx(() -> viewport.terminal().getFontSize())).isGreaterThan(size);
    }

    @Test
    void aNarrowSpaceScrollsSidewaysRatherThanShrinkingBelowSevenPixels() {
        resize(420, 400);
        showWideRecording();
        assertThat(fx(() -> viewport.terminal().getFontSize())).isEqualTo(TerminalViewport.MIN_READABLE);
        assertThat(fx(viewport::scrollsHorizontally)).isTrue();
    }

    @Test
    void zoomScalesTheFittedSizeAndResetFitsAgain() {
        resize(1040, 480);
        showWideRecording();
        double fitted = fx(() -> viewport.terminal().getFontSize());
        fx(() -> {
            viewport.zoomIn();
            viewport.zoomIn();
            return null;
        });
        double larger = fx(() -> viewport.terminal().getFontSize());
        assertThat(larger).isGreaterThan(fitted);
        assertThat(fx(viewport::scrollsHorizontally)).as("zoomed past the space: it scrolls").isTrue();
        fx(() -> {
            viewport.zoomReset();
            viewport.zoomOut();
            return null;
        });
        assertThat(fx(() -> viewport.terminal().getFontSize())).isLessThan(fitted)
                .isGreaterThanOrEqualTo(TerminalViewport.MIN_READABLE);
        fx(() -> {
            viewport.zoomReset();
            return null;
        });
        assertThat(fx(() -> viewport.terminal().getFontSize())).isEqualTo(fitted);
    }
}
