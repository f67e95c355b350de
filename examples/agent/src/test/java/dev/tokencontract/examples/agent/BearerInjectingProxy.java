package dev.tokencontract.examples.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A loopback HTTP/1.1 relay that adds {@code Authorization: Bearer <token>} to every request and changes nothing
 * else (method, path, {@code Host}, {@code Origin}, body, the streamed answers). The official conformance suite's
 * server mode speaks MCP without OAuth; through this relay it speaks as a signed-in user, so the CRM's own rules
 * (Origin before the token, sessions, tools) are what it judges. Requests with {@code Content-Length} or chunked
 * bodies; one connection to the server per client connection.
 */
final class BearerInjectingProxy implements AutoCloseable {
    private static final int MAX_HEAD = 64 * 1024;
    private final ServerSocket server;
    private final int targetPort;
    private final String token;

    BearerInjectingProxy(int targetPort, String token) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.token = token;
        Thread acceptor = new Thread(this::acceptLoop, "bearer-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                daemon(() -> relayRequests(client, upstream));
                daemon(() -> pipe(upstream, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "bearer-proxy-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private void relayRequests(Socket client, Socket upstream) {
        try (client;
                upstream) {
            InputStream in = client.getInputStream();
            OutputStream out = upstream.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                StringBuilder rewritten = new StringBuilder();
                long contentLength = 0;
                boolean chunked = false;
                boolean requestLine = true;
                for (String line : head.split("\r\n")) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("authorization:")) {
                        continue;
                    }
                    if (lower.startsWith("content-length:")) {
                        contentLength = Long.parseLong(line.substring(15).strip());
                    }
                    if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    }
                    rewritten.append(line).append("\r\n");
                    if (requestLine) {
                        rewritten.append("Authorization: Bearer ").append(token).append("\r\n");
                        requestLine = false;
                    }
                }
                rewritten.append("\r\n");
                out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (chunked) {
                    copyChunked(in, out);
                } else {
                    out.write(in.readNBytes((int) contentLength));
                }
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // a side closed: both sockets close with the try
        }
    }

    /** The request head without its final blank line, or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1
                    : 0;
            if (head.size() > MAX_HEAD) {
                throw new IOException("request head too large");
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } while (!trailer.isEmpty());
                return;
            }
            out.write(in.readNBytes(size + 2)); // data and its CRLF
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("truncated chunked body");
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
