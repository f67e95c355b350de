package dev.tokencontract.conformance.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A consumer whose server drops a connection without answering (as a kept-alive connection closed by the
 * server just as the request left) is asked once more; one that never answers is "could not run".
 */
class HttpConsumerRetryTest {

    @Test
    void decideWhenFirstConnectionDropsWithoutAnswerThenAskedAgainAndJudgedOnTheAnswer() throws Exception {
        try (DroppingServer server = new DroppingServer(1)) {
            Decision decision = new HttpConsumer(server.uri()).decide("a.b.c");

            assertThat(decision.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void decideWhenEveryConnectionDropsThenCouldNotRunAfterTwoAttempts() throws Exception {
        try (DroppingServer server = new DroppingServer(Integer.MAX_VALUE)) {
            assertThatThrownBy(() -> new HttpConsumer(server.uri()).decide("a.b.c"))
                    .isInstanceOf(CouldNotRun.class)
                    .hasMessageContaining("cannot reach the consumer at " + server.uri());
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    /** Reads each request's head; drops the first {@code drops} connections, answers 200 on the rest. */
    private static final class DroppingServer implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        private final ServerSocket socket;
        private final Thread thread;

        DroppingServer(int drops) throws Exception {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> serve(drops), "dropping-server");
            thread.setDaemon(true);
            thread.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/mcp");
        }

        private void serve(int drops) {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    int number = connections.incrementAndGet();
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
                    String line;
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                        // the request head; the body is not needed
                    }
                    if (number > drops) {
                        OutputStream out = connection.getOutputStream();
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                } catch (Exception closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(2000);
        }
    }
}
