package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.RegistryLimits;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Slow request bodies hold no worker: hundreds of anonymous clients trickling bodies to the dry run leave
 * GETs and health checks answering, and a body that misses the deadline or the minimum rate ends in 408.
 * Costs ~10 s (300 sockets, a 3 s deadline run, a rate run).
 */
class SlowBodiesTest {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String DRY_RUN = "/contracts/identity.crm/compatibility";

    private static int get(Registry registry, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(registry.uri(path))
                .timeout(Duration.ofSeconds(10))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void readsWhenThreeHundredClientsTrickleBodiesToTheDryRunThenGetsAndHealthStillAnswer() throws Exception {
        // no minimum rate and a long deadline: only reading bodies without a worker keeps the server answering
        try (Registry registry =
                Registry.start(b -> b.limits(RegistryLimits.defaults().withBodyDeadline(Duration.ofSeconds(60), 0)))) {
            assertThat(registry.publish(Contracts.of("identity.crm", "1.0.0")).status())
                    .isEqualTo(201);

            try (SlowClients slow = SlowClients.open(registry.server.port(), 300, DRY_RUN, 100_000, 1_000)) {
                Thread.sleep(1_500); // every slow request is in: headers parsed, body trickling

                assertThat(get(registry, "/health/live")).isEqualTo(200);
                assertThat(get(registry, "/contracts/identity.crm/versions/1.0.0"))
                        .isEqualTo(200);
                assertThat(get(registry, "/contracts")).isEqualTo(200);
                assertThat(registry.post(DRY_RUN, Contracts.of("identity.crm", "1.0.1"), null)
                                .status())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void dryRunWhenBodyMissesTheDeadlineThen408BodyTimeoutProblem() throws Exception {
        try (Registry registry = Registry.start(
                        b -> b.limits(RegistryLimits.defaults().withBodyDeadline(Duration.ofSeconds(2), 0)));
                SlowClients slow = SlowClients.open(registry.server.port(), 1, DRY_RUN, 10_000, 100)) {
            long started = System.nanoTime();

            String answer = answer(slow.first());

            assertThat(answer).startsWith("HTTP/1.1 408 ");
            assertThat(answer).contains("application/problem+json", "\"code\":\"body-timeout\"");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void publishWhenBodyBelowTheMinimumRateThen408AndTheAttemptIsAudited() throws Exception {
        try (Registry registry = Registry.start(
                        b -> b.limits(RegistryLimits.defaults().withBodyDeadline(Duration.ofSeconds(60), 1024)));
                Socket socket = new Socket("127.0.0.1", registry.server.port())) {
            socket.getOutputStream()
                    .write(("POST /contracts/identity.crm/versions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Authorization: Bearer " + Tokens.admin() + "\r\nContent-Length: 5000\r\n\r\n{")
                            .getBytes(StandardCharsets.ISO_8859_1));
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 600; i++) {
                        socket.getOutputStream().write(' ');
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException ended) {
                    // the server answered and closed
                }
            });
            trickle.setDaemon(true);
            trickle.start();

            String answer = answer(socket);

            assertThat(answer).startsWith("HTTP/1.1 408 ").contains("\"code\":\"body-timeout\"");
            assertThat(registry.store.audit(1).get(0).result()).isEqualTo("408 body-timeout");
            assertThat(registry.store.audit(1).get(0).name()).isEqualTo("identity.crm");
            assertThat(registry.store.names()).isEmpty();
        }
    }

    @Test
    void dryRunWhenStalledBodiesHoldTheBufferLimitThenTheNextIs429AndReadsStillAnswer() throws Exception {
        RegistryLimits limits = RegistryLimits.defaults()
                .withBodyDeadline(Duration.ofSeconds(60), 0)
                .withMaxPendingBodyBytes(64 * 1024);
        try (Registry registry = Registry.start(b -> b.limits(limits));
                Socket first = stalled(registry.server.port(), 40_000)) {
            Thread.sleep(500); // the first body's 40,000 bytes are held before the second arrives
            Socket second = stalled(registry.server.port(), 40_000);

            String answer = answer(second);
            second.close();

            assertThat(answer).startsWith("HTTP/1.1 429 ").contains("Retry-After: 1", "\"code\":\"rate-limited\"");
            assertThat(get(registry, "/health/live")).isEqualTo(200);
            first.setSoTimeout(500);
            assertThat(first.getInputStream().available()).isZero(); // the first is still being received
        }
    }

    /** A dry run declaring 100,000 bytes that sends {@code sent} of them at once, then nothing. */
    private static Socket stalled(int port, int sent) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.getOutputStream()
                .write(("POST " + DRY_RUN + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().write(" ".repeat(sent).getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Everything the server sent on this connection until it closed it (it closes after a 408). */
    private static String answer(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
