package org.termcurator.core.terminal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Plays a made-up terminal session through the cast reader and the emulator a few times, so
 * that the JIT has compiled their hot paths before a user opens the first recording. In a fresh
 * JVM the last frame of a 4 MB cast took about a second to show, a tenth of that once these
 * paths were compiled (docs/benchmarks.md, Replay view). The app runs this on a background
 * thread at start; it costs a few hundred milliseconds of one core.
 */
public final class EmulatorWarmUp {

    private static final int CAST_BYTES = 1 << 20;
    private static final int ROUNDS = 5;

    private EmulatorWarmUp() {
    }

    /** Loads the made-up session {@value #ROUNDS} times, with its final screen and a few seeks. */
    public static void run() {
        byte[] cast = sessionCast(CAST_BYTES);
        for (int round = 0; round < ROUNDS; round++) {
            try {
                CastPlayer player = CastPlayer.load(new ByteArrayInputStream(cast), CastPlayer.Settings.DEFAULTS);
                player.finalScreen();
                for (int seek = 1; seek <= 10; seek++) {
                    player.screenAt(player.duration() * seek / 10);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * An asciinema v2 cast of about {@code bytes} of what agents' tmux sessions hold: coloured
     * prompts, typed commands, listings and test output in 16, 256 and 24-bit colours, clears,
     * cursor addressing, a full-screen program on the alternate screen, wide and accented text.
     */
    static byte[] sessionCast(int bytes) {
        Random random = new Random(42);
        StringWriter text = new StringWriter(bytes + 4096);
        try (CastWriter writer = new CastWriter(text, CastHeader.of(160, 40))) {
            double time = 0;
            while (text.getBuffer().length() < bytes) {
                time += random.nextDouble();
                String output = switch (random.nextInt(8)) {
                    case 0 -> "\u001b[?2004h\u001b[01;32mroot@box\u001b[00m:\u001b[01;34m/app\u001b[00m# ";
                    case 1 -> "\u001b[H\u001b[2J\u001b[3J";
                    case 2 -> fullScreenProgram(random);
                    case 3 -> "tests/test_outputs.py::test_" + random.nextInt(99)
                            + (random.nextBoolean() ? " \u001b[32mPASSED\u001b[0m" : " \u001b[31;1mFAILED\u001b[0m") + "\r\n";
                    case 4 -> "\u001b[38;5;" + random.nextInt(256) + "m▶ compiling\u001b[0m │ café 日本語 ✓\r\n";
                    default -> listing(random);
                };
                writer.write(new CastEvent(time, CastEventCode.OUTPUT, output));
                writer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String listing(Random random) {
        StringBuilder lines = new StringBuilder();
        for (int line = 0; line < 1 + random.nextInt(20); line++) {
            lines.append("-rw-r--r-- 1 root root ").append(random.nextInt(99_999)).append(" Nov 20 09:")
                    .append(10 + random.nextInt(50)).append(" \u001b[01;34mdata_").append(line).append("\u001b[0m")
                    .append(" \u001b[38;2;").append(random.nextInt(256)).append(";120;40mlog.txt\u001b[0m\r\n");
        }
        return lines.toString();
    }

    private static String fullScreenProgram(Random random) {
        StringBuilder screen = new StringBuilder("\u001b[?1049h\u001b[1;39r\u001b[H\u001b[2J");
        for (int row = 1; row <= 39; row += 3) {
            screen.append("\u001b[").append(row).append(";1H\u001b[7m ").append(random.nextInt(1000))
                    .append(" \u001b[27m\u001b[K").append("  PID USER   %CPU").append("\u001b[").append(row).append(";80H▌");
        }
        return screen.append("\u001b[r\u001b[?1049l").toString();
    }
}
