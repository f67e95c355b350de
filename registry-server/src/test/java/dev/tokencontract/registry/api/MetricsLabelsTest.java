package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.store.AuditEntry;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile requests cannot grow the metric label set, and requests Jetty refuses are still counted. */
class MetricsLabelsTest {

    @Test
    void metricsWhenThousandsOfRandomMethodsThenOneOtherBucketAndBoundedSize() throws Exception {
        try (Registry registry = Registry.readOnly()) {
            registry.get("/contracts");
            int before = registry.get("/metrics").body().length();
            Random random = new Random(13);
            String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            for (int i = 0; i < 2_000; i++) {
                StringBuilder method = new StringBuilder("X");
                for (int j = 0; j < 12; j++) {
                    method.append(letters.charAt(random.nextInt(letters.length())));
                }
                String path = i % 2 == 0 ? "/contracts" : "/no/such/route/" + i;
                assertThat(RawHttp.send(registry.server.port(), method.toString(), path)
                                .status())
                        .isIn(400, 404, 405, 501);
            }

            String metrics = registry.get("/metrics").body();

            assertThat(metrics)
                    .contains("method=\"other\"")
                    .doesNotContainPattern("method=\"X[A-Z]{12}\"")
                    .doesNotContain("/no/such/route");
            assertThat(metrics.length()).isLessThan(before + 8_000); // a few new series, not thousands
        }
    }

    @Test
    void requestsJettyRefusesThenCountedUnderRejectedAndAReadableWriteAttemptAudited() throws Exception {
        try (Registry registry = Registry.start()) {
            int port = registry.server.port();
            RawHttp.Answer nul = RawHttp.send(port, "GET", "/contracts/a%00b");
            RawHttp.Answer postNul = RawHttp.send(port, "POST", "/contracts/a%00b/versions", "Content-Length: 0");
            RawHttp.Answer huge = RawHttp.send(port, "GET", "/contracts", "X-Padding: " + "p".repeat(64 * 1024));
            RawHttp.Answer hugePublish = RawHttp.send(
                    port,
                    "POST",
                    "/contracts/identity.crm/versions",
                    "Content-Length: 0",
                    "X-Padding: " + "p".repeat(64 * 1024));

            String metrics = registry.get("/metrics").body();

            assertThat(nul.status()).isEqualTo(400);
            assertThat(postNul.status()).isEqualTo(400);
            assertThat(huge.status()).isEqualTo(431);
            assertThat(huge.contentType()).isEqualTo("application/problem+json");
            assertThat(hugePublish.status()).isEqualTo(431);
            // a URI Jetty cannot parse leaves no trusted method: those two share the 'other' bucket
            assertThat(metrics)
                    .contains(
                            "http_server_requests_seconds_count{method=\"other\",route=\"rejected\",status=\"400\"} 2",
                            "http_server_requests_seconds_count{method=\"GET\",route=\"rejected\",status=\"431\"} 1",
                            "http_server_requests_seconds_count{method=\"POST\",route=\"rejected\",status=\"431\"} 1");
            AuditEntry entry = registry.store.audit(1).get(0);
            assertThat(registry.store.audit(10)).hasSize(1); // only the write attempt whose method was read
            assertThat(entry.action()).isEqualTo("rejected");
            assertThat(entry.result()).isEqualTo("431 bad-request");
            assertThat(entry.subject()).isEqualTo("anonymous");
            assertThat(registry.log)
                    .anySatisfy(line -> assertThat(line).contains("\"route\":\"rejected\"", "\"status\":431"));
        }
    }
}
