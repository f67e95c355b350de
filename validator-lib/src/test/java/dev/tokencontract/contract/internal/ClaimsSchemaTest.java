package dev.tokencontract.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.testing.TestContracts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The compiled schema below the linter: no network, and no exception out of {@code check}. */
class ClaimsSchemaTest {

    @Test
    void compileWhenRemoteRefThenFailsWithoutFetching() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"type\":\"string\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/claims.json";
            ObjectNode schema = TestContracts.object("{\"$id\":\"https://tokencontract.dev/contracts/t/1.0.0\","
                    + "\"properties\":{\"x\":{\"$ref\":\"" + url + "\"}}}");

            assertThatThrownBy(() -> ClaimsSchema.compile(schema)).isInstanceOf(RuntimeException.class);
            assertThat(requests.get()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void checkWhenSchemaRecursesWithoutEndThenContractUnavailableInsteadOfException() {
        ClaimsSchema schema = ClaimsSchema.compile(TestContracts.object(
                "{\"$id\":\"https://tokencontract.dev/contracts/t/1.0.0\",\"properties\":{\"x\":{\"$ref\":\"#/properties/x\"}}}"));

        assertThat(schema.check(TestContracts.object("{\"x\":1}"), "/claims"))
                .extracting(Finding::code, Finding::pointer, Finding::rejects, Finding::meansUnchecked)
                .containsExactly(tuple(FindingCode.CONTRACT_UNAVAILABLE, "/claims", false, true));
    }

    @Test
    void checkWhenFormatIsUnknownThenIgnored() {
        ClaimsSchema schema = ClaimsSchema.compile(TestContracts.object(
                "{\"$id\":\"https://tokencontract.dev/contracts/t/1.0.0\",\"properties\":{\"x\":{\"format\":\"tenant-id\"}}}"));

        assertThat(schema.check(TestContracts.object("{\"x\":\"anything\"}"), "")).isEmpty();
    }
}
