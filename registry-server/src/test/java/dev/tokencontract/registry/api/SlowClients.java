package dev.tokencontract.registry.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Connections that send a POST's headers and then its body one byte at a time, as slowly as asked: the
 * slow-body attack on the dry run, from plain sockets. One thread trickles every connection. Close to stop.
 */
final class SlowClients implements AutoCloseable {
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread trickler;
    private volatile boolean running = true;

    private SlowClients(int port, int count, String path, int bodyLength, long pauseMillis) throws IOException {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + bodyLength + "\r\n\r\n{")
                .getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket("127.0.0.1", port);
            socket.getOutputStream().write(head);
            sockets.add(socket);
        }
        trickler = new Thread(
                () -> {
                    while (running) {
                        for (Socket socket : sockets) {
                            try {
                                OutputStream out = socket.getOutputStream();
                                out.write(' ');
                                out.flush();
                            } catch (IOException closedByServer) {
                                // the server ended this one: that is allowed
                            }
                        }
                        try {
                            Thread.sleep(pauseMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "slow-clients");
        trickler.setDaemon(true);
        trickler.start();
    }

    /** {@code count} connections POSTing a {@code bodyLength}-byte body to {@code path}, a byte per pause. */
    static SlowClients open(int port, int count, String path, int bodyLength, long pauseMillis) throws IOException {
        return new SlowClients(port, count, path, bodyLength, pauseMillis);
    }

    /** The first connection: to read what the server answered it. */
    Socket first() {
        return sockets.get(0);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        trickler.interrupt();
        trickler.join(5_000);
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
