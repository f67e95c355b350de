package dev.tokencontract.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Holds a listening port from before {@code serve} opens or seeds its store until the server takes it over,
 * so that a busy port is reported (one line, exit 3) before any store is created, and port 0 resolves to
 * the port the server will use. The hand-over leaves a gap of microseconds in which another process could
 * take the port; the server's own bind then fails with the same one-line message.
 */
final class PortClaim implements AutoCloseable {
    private final ServerSocket socket;

    private PortClaim(ServerSocket socket) {
        this.socket = socket;
    }

    /** Binds {@code host:port}; throws with the reason when it cannot (in use, not a local address...). */
    static PortClaim bind(String host, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return new PortClaim(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** The bound port (the one the system chose for port 0). */
    int port() {
        return socket.getLocalPort();
    }

    /** Releases the port for the server to bind. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
