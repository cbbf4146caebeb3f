package org.termcurator.core.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.termcurator.core.terminal.TerminalSize;

/**
 * A command run in a container with a pseudo-terminal (docker exec -t, and -i when
 * interactive), its output handed over as it arrives. What the terminal shows is what a
 * person would have seen, so it is what casts record.
 */
public final class PtySession implements AutoCloseable {

    /** Receives every chunk the terminal outputs, on docker-java's stream thread. */
    @FunctionalInterface
    public interface Output {
        void bytes(byte[] data);
    }

    /** How often the exec's state is polled while waiting, for commands whose children hold the terminal open. */
    private static final long POLL_MS = 1000;

    private final DockerClient client;
    private final String execId;
    private final KeystrokeStream stdin;
    private final ResultCallback.Adapter<Frame> stream;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Throwable streamError;

    private PtySession(DockerClient client, String execId, KeystrokeStream stdin, Output output) {
        this.client = client;
        this.execId = execId;
        this.stdin = stdin;
        this.stream = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                byte[] payload = frame.getPayload();
                if (payload != null && payload.length > 0) {
                    output.bytes(payload);
                }
            }

            @Override
            public void onError(Throwable throwable) {
                streamError = throwable;
                ended.countDown();
                super.onError(throwable);
            }

            @Override
            public void onComplete() {
                ended.countDown();
                super.onComplete();
            }
        };
    }

    /**
     * Starts {@code command} in a terminal of {@code size}. An interactive session takes
     * keystrokes through {@link #send}; a non-interactive one has no stdin.
     */
    public static PtySession start(DockerEngine engine, String containerId, List<String> command,
                                   Map<String, String> env, TerminalSize size, boolean interactive, Output output)
            throws DockerEngineException {
        DockerClient client = engine.client();
        List<String> environment = new ArrayList<>();
        env.forEach((key, value) -> environment.add(key + "=" + value));
        try {
            ExecCreateCmd create = client.execCreateCmd(containerId)
                    .withCmd(command.toArray(String[]::new))
                    .withTty(true)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withAttachStdin(interactive)
                    .withEnv(environment);
            String execId = engine.call(create::exec).getId();
            KeystrokeStream stdin = interactive ? new KeystrokeStream() : null;
            PtySession session = new PtySession(client, execId, stdin, output);
            var start = engine.streamingClient().execStartCmd(execId).withTty(true);
            if (stdin != null) {
                start.withStdIn(stdin);
            }
            start.exec(session.stream);
            session.resize(size);
            return session;
        } catch (RuntimeException e) {
            throw engine.refused("starting " + command + " in " + containerId, e);
        }
    }

    /** Types into the terminal (interactive sessions only). */
    public void send(byte[] keystrokes) {
        if (stdin == null) {
            throw new IllegalStateException("this terminal session takes no input");
        }
        stdin.send(keystrokes);
    }

    public void resize(TerminalSize size) {
        try {
            client.resizeExecCmd(execId).withSize(size.rows(), size.cols()).exec();
        } catch (RuntimeException e) {
            // The process may already have ended; a terminal that keeps its size is no failure.
        }
    }

    /**
     * Waits until the command has ended or {@code timeout} passed; true when it ended. The
     * output stream normally ends with the command, but a background child that keeps the
     * terminal open would hold it, so the exec's own state is checked too.
     */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (ended.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MS)), TimeUnit.NANOSECONDS)) {
                return true;
            }
            if (!isRunning()) {
                return true;
            }
        }
    }

    public boolean isRunning() {
        try {
            InspectExecResponse inspect = client.inspectExecCmd(execId).exec();
            return Boolean.TRUE.equals(inspect.isRunning());
        } catch (RuntimeException e) {
            return false; // the container is gone
        }
    }

    /** The exit code once the command ended; null while it runs or when it is unknown. */
    public Integer exitCode() {
        try {
            InspectExecResponse inspect = client.inspectExecCmd(execId).exec();
            if (Boolean.TRUE.equals(inspect.isRunning())) {
                return null;
            }
            Long code = inspect.getExitCodeLong();
            return code == null ? null : code.intValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Why the output stream broke off, when it did. */
    public Throwable streamError() {
        return streamError;
    }

    /** Detaches from the terminal; the command itself is stopped by whoever owns the container. */
    @Override
    public void close() {
        if (stdin != null) {
            stdin.close();
        }
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing a finished stream
        }
    }
}
