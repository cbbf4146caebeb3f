package org.termcurator.ui.controls.terminal;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.termcurator.core.terminal.TerminalEmulator;
import org.termcurator.core.terminal.TerminalSnapshot;

/**
 * A terminal fed from any thread and shown in a {@link TerminalCanvas} while output arrives.
 *
 * <p>The emulator itself is not thread-safe, so every feed and every frame's snapshot goes through
 * one lock; the canvas draws from the snapshot, never from the emulator while it changes. Each feed
 * asks the attached canvas to repaint, and the canvas folds any number of feeds into one frame.
 */
public final class LiveTerminal {

    private final ReentrantLock lock = new ReentrantLock();
    private final TerminalEmulator emulator;
    private volatile TerminalCanvas canvas;

    public LiveTerminal(int cols, int rows) {
        this(new TerminalEmulator(cols, rows));
    }

    /** Wraps an emulator; from now on only touch it through this object. */
    public LiveTerminal(TerminalEmulator emulator) {
        this.emulator = Objects.requireNonNull(emulator, "emulator");
    }

    public void feed(byte[] data, int offset, int length) {
        lock.lock();
        try {
            emulator.feed(data, offset, length);
        } finally {
            lock.unlock();
        }
        changed();
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    public void feed(String text) {
        lock.lock();
        try {
            emulator.feed(text);
        } finally {
            lock.unlock();
        }
        changed();
    }

    public void resize(int cols, int rows) {
        lock.lock();
        try {
            emulator.resize(cols, rows);
        } finally {
            lock.unlock();
        }
        changed();
    }

    /** A consistent copy of the terminal as it is now; safe to read on any thread. */
    public TerminalSnapshot snapshot() {
        lock.lock();
        try {
            return emulator.snapshot();
        } finally {
            lock.unlock();
        }
    }

    void attach(TerminalCanvas target) {
        this.canvas = target;
    }

    void detach(TerminalCanvas target) {
        if (canvas == target) {
            canvas = null;
        }
    }

    private void changed() {
        TerminalCanvas target = canvas;
        if (target != null) {
            target.requestRepaint();
        }
    }
}
