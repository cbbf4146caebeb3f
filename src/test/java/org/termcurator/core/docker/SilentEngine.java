package org.termcurator.core.docker;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local socket that accepts every connection and never answers: an engine that hangs.
 * The connections are held open until {@link #close()}.
 */
public final class SilentEngine implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Path socket;
    private final List<SocketChannel> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public SilentEngine(Path socket) throws IOException {
        this.socket = socket;
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = Thread.ofVirtual().name("silent-engine").start(() -> {
            try {
                while (true) {
                    held.add(server.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
    }

    /** unix:///path, as a Docker host. */
    public String host() {
        return "unix://" + socket.toAbsolutePath();
    }

    public int connections() {
        return held.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel channel : held) {
            channel.close();
        }
        acceptor.interrupt();
    }
}
