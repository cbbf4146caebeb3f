package org.termcurator.ui.controls.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.termcurator.core.terminal.TerminalEmulator;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The terminal control drawn headless: colours land in the right cells, selection and live feeds work. */
@ExtendWith(ApplicationExtension.class)
class TerminalCanvasTest {

    private TerminalCanvas terminal;

    @Start
    void start(Stage stage) {
        terminal = new TerminalCanvas();
        terminal.setId("terminal");
        stage.setScene(new Scene(new StackPane(terminal), 900, 500));
        stage.show();
    }

    static <T> T fx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void onFx(Runnable work) {
        fx(() -> {
            work.run();
            return null;
        });
    }

    private void show(TerminalEmulator emulator) {
        paintAfter(() -> terminal.setView(emulator));
    }

    /** Runs {@code action} on the FX thread and waits until the canvas has been drawn after it. */
    private void paintAfter(Runnable action) {
        long before = fx(() -> {
            long count = terminal.paintCount();
            action.run();
            return count;
        });
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> fx(terminal::paintCount) > before);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the canvas was not repainted", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Image image() {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        onFx(() -> image.set(terminal.canvas().snapshot(null, null)));
        return image.get();
    }

    /** The colour in the middle of a cell's lower-left quarter: background unless a glyph covers it. */
    private Color pixelInCell(Image image, int row, int col, double fx, double fy) {
        double x = (col + fx) * terminal.cellWidth();
        double y = (row + fy) * terminal.cellHeight();
        return image.getPixelReader().getColor((int) x, (int) y);
    }

    private static boolean close(Color actual, int rgb) {
        return Math.abs(actual.getRed() * 255 - ((rgb >> 16) & 0xFF)) < 3
                && Math.abs(actual.getGreen() * 255 - ((rgb >> 8) & 0xFF)) < 3
                && Math.abs(actual.getBlue() * 255 - (rgb & 0xFF)) < 3;
    }

    @Test
    void backgroundColoursFillTheirCellsIn256AndTrueColour() {
        TerminalEmulator emulator = new TerminalEmulator(40, 5);
        // cell (0,2) indexed 196 background, cell (1,4) 24-bit background, cell (2,1) inverse of red text
        emulator.feed("ab\u001b[48;5;196m \u001b[0m\r\n1234\u001b[48;2;10;200;30m \u001b[0m\r\nx\u001b[31;7m \u001b[0m");
        show(emulator);
        Image image = image();
        assertThat(close(pixelInCell(image, 0, 2, 0.5, 0.5), 0xFF0000)).as("indexed 196").isTrue();
        assertThat(close(pixelInCell(image, 1, 4, 0.5, 0.5), 0x0AC81E)).as("true colour").isTrue();
        assertThat(close(pixelInCell(image, 2, 1, 0.5, 0.5), 0xCD0000)).as("inverse red").isTrue();
        assertThat(close(pixelInCell(image, 3, 10, 0.5, 0.5), 0x000000)).as("default background").isTrue();
        assertThat(close(pixelInCell(image, 0, 3, 0.5, 0.5), 0xFF0000)).as("next cell not coloured").isFalse();
    }

    @Test
    void textIsDrawnInItsForegroundColour() {
        TerminalEmulator emulator = new TerminalEmulator(40, 5);
        emulator.feed("\u001b[38;2;0;255;0m\u2588\u2588\u2588\u001b[0m");
        show(emulator);
        Image image = image();
        assertThat(close(pixelInCell(image, 0, 1, 0.5, 0.5), 0x00FF00)).as("full block glyph in green").isTrue();
    }

    @Test
    void dragSelectionCopiesTheSelectedText(FxRobot robot) {
        TerminalEmulator emulator = new TerminalEmulator(40, 5);
        emulator.feed("hello world\r\nsecond line");
        show(emulator);
        double cw = terminal.cellWidth();
        double ch = terminal.cellHeight();
        var origin = terminal.canvas().localToScreen(0, 0);
        robot.drag(origin.getX() + 6 * cw + 1, origin.getY() + ch / 2)
                .dropTo(new javafx.geometry.Point2D(origin.getX() + 6 * cw + 1, origin.getY() + 1.5 * ch));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(terminal::selectedText)).isEqualTo("world\nsecond");
        fx(terminal::copySelection);
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString()))
                .isEqualTo("world\nsecond");
    }

    @Test
    void copyScreenPutsTheScreenTextOnTheClipboard() {
        TerminalEmulator emulator = new TerminalEmulator(20, 3);
        emulator.feed("one\r\ntwo  \r\nthree");
        show(emulator);
        onFx(terminal::copyScreen);
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString()))
                .isEqualTo("one\ntwo\nthree");
    }

    @Test
    void scrollingUpShowsScrollbackLinesAndSelectionReadsThem() {
        TerminalEmulator emulator = new TerminalEmulator(20, 3);
        for (int i = 1; i <= 10; i++) {
            emulator.feed("line " + i + "\r\n");
        }
        show(emulator);
        onFx(() -> terminal.scrollBy(100));
        assertThat(fx(terminal::getScrollOffset)).isEqualTo(emulator.scrollbackSize());
        onFx(terminal::selectAll);
        assertThat(fx(terminal::selectedText)).startsWith("line 1\nline 2\n");
    }

    @Test
    void liveFeedFromAnotherThreadIsShownAndRepaintsAreCoalesced() throws Exception {
        LiveTerminal live = new LiveTerminal(40, 5);
        paintAfter(() -> terminal.showLive(live));
        long before = fx(terminal::paintCount);
        Thread writer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 2_000; i++) {
                live.feed(("\r" + i).getBytes(StandardCharsets.UTF_8));
            }
            live.feed("\r\n\u001b[42m done \u001b[0m");
        });
        writer.join();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> terminal.getView().screenText()).contains("done"));
        long paints = fx(terminal::paintCount) - before;
        assertThat(paints).as("2001 feeds, far fewer frames").isBetween(1L, 200L);
        assertThat(fx(() -> terminal.getView().lineText(0))).isEqualTo("1999");
        paintAfter(terminal::requestRepaint);
        Image image = image();
        assertThat(close(pixelInCell(image, 1, 0, 0.5, 0.5), 0x00CD00)).as("green background of the live text").isTrue();
    }

    @Test
    void fitToSizeScalesTheFontSoTheGridFillsTheControl() {
        TerminalEmulator emulator = new TerminalEmulator(20, 4);
        show(emulator);
        double fixedWidth = fx(terminal::cellWidth);
        onFx(() -> terminal.setFitToSize(true));
        WaitForAsyncUtils.waitForFxEvents();
        double fittedWidth = fx(terminal::cellWidth);
        assertThat(fittedWidth).isGreaterThan(fixedWidth);
        assertThat(20 * fittedWidth).isLessThanOrEqualTo(terminal.getWidth() + 0.5);
    }
}
