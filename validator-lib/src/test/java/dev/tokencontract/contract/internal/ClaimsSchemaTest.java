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
        ClaimsSchema schema = ClaimsSchema.compile(
                TestContracts.object(
                        "{\"$id\":\"https://tokencontract.dev/contracts/t/1.0.0\",\"properties\":{\"x\":{\"$ref\":\"#/properties/x\"}}}"));

        assertThat(schema.check(TestContracts.object("{\"x\":1}"), "/claims"))
                .extracting(Finding::code, Finding::pointer, Finding::rejects, Finding::meansUnchecked)
                .containsExactly(tuple(FindingCode.CONTRACT_UNAVAILABLE, "/claims", false, true));
    }

    @Test
    void checkWhenFormatIsUnknownThenIgnored() {
        ClaimsSchema schema = ClaimsSchema.compile(
                TestContracts.object(
                        "{\"$id\":\"https://tokencontract.dev/contracts/t/1.0.0\",\"properties\":{\"x\":{\"format\":\"tenant-id\"}}}"));

        assertThat(schema.check(TestContracts.object("{\"x\":\"anything\"}"), ""))
                .isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"color", "style", "phone", "utc-millisec", "unix-time", "alpha"})
    void checkWhenFormatIsNotOneOf2020_12sThenIgnoredEvenWhereNetworkntKnowsIt(String format) {
        ClaimsSchema schema = ClaimsSchema.compile(TestContracts.object(
                "{\"$id\":\"https://tokencontract.dev/contracts/t/1.0.0\",\"properties\":{\"x\":{\"format\":\"" + format
                        + "\"}}}"));

        assertThat(schema.check(TestContracts.object("{\"x\":\"not-a-color %% ~~\"}"), ""))
                .isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"P12Y62D", "PT89H99S", "P1Y2W", "P1DT", "P2D1Y", "PT1D", "P", "P1"})
    void checkWhenDurationBreaksRfc3339GrammarThenFormatMismatch(String duration) {
        ClaimsSchema schema = ClaimsSchema.compile(
                TestContracts.object(
                        "{\"$id\":\"https://tokencontract.dev/contracts/t/1.0.0\",\"properties\":{\"d\":{\"format\":\"duration\"}}}"));

        assertThat(schema.check(TestContracts.object("{\"d\":\"" + duration + "\"}"), "/claims"))
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_FORMAT_MISMATCH, "/claims/d"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"P12Y6M2D", "PT89H0M99S", "P2W", "P4DT12H30M5S", "PT0S", "P1M", "PT36H", "p1dt2h"})
    void checkWhenDurationFollowsRfc3339GrammarThenAccepted(String duration) {
        ClaimsSchema schema = ClaimsSchema.compile(
                TestContracts.object(
                        "{\"$id\":\"https://tokencontract.dev/contracts/t/1.0.0\",\"properties\":{\"d\":{\"format\":\"duration\"}}}"));

        assertThat(schema.check(TestContracts.object("{\"d\":\"" + duration + "\"}"), "/claims"))
                .isEmpty();
    }

    @Test
    void compileWhenPointerTokenHasLeadingZerosThenResolvedAsMemberNameNotIndex() {
        ClaimsSchema schema = ClaimsSchema.compile(TestContracts.object("""
                {"$id": "https://tokencontract.dev/contracts/t/1.0.0",
                 "$defs": {"12": {"x": {"type": "integer"}}, "012": {"x": {"type": "string"}}},
                 "properties": {"t": {"$ref": "#/$defs/012/x"}, "n": {"$ref": "#/$defs/12/x"}}}
                """));

        assertThat(schema.check(TestContracts.object("{\"t\":\"a string\",\"n\":7}"), ""))
                .isEmpty();
        assertThat(schema.check(TestContracts.object("{\"t\":7,\"n\":\"a string\"}"), ""))
                .extracting(Finding::code, Finding::pointer)
                .containsExactlyInAnyOrder(
                        tuple(FindingCode.CLAIM_TYPE_MISMATCH, "/t"), tuple(FindingCode.CLAIM_TYPE_MISMATCH, "/n"));
    }

    @Test
    void compileWhenLeadingZeroPointerIsRecursiveThenRecursionStillDescends() {
        ClaimsSchema schema = ClaimsSchema.compile(TestContracts.object("""
                {"$id": "https://tokencontract.dev/contracts/t/1.0.0",
                 "$defs": {"01": {"type": "object", "properties": {"v": {"type": "integer"}, "child": {"$ref": "#/$defs/01"}}}},
                 "properties": {"tree": {"$ref": "#/$defs/01"}}}
                """));

        assertThat(schema.check(
                        TestContracts.object("{\"tree\":{\"v\":1,\"child\":{\"v\":2,\"child\":{\"v\":3}}}}"), ""))
                .isEmpty();
        assertThat(schema.check(TestContracts.object("{\"tree\":{\"child\":{\"child\":{\"v\":\"x\"}}}}"), ""))
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_TYPE_MISMATCH, "/tree/child/child/v"));
    }
}
