package org.termcurator.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in headless UI tests for what the window shows after work off the FX thread. */
public final class FxWait {

    private FxWait() {
    }

    /** Waits until {@code condition} holds, looked at on the FX thread (never while the scene is half changed). */
    public static void until(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }
}
