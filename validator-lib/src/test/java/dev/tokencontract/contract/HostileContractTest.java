package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.testing.TestContracts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** Whatever the document, {@link Contracts#lint} returns findings and never throws, and nothing is fetched. */
class HostileContractTest {
    private static HttpServer server;
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @BeforeAll
    static void startSchemaServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            byte[] body = "{\"type\":\"string\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopSchemaServer() {
        server.stop(0);
    }

    private static String serverUrl(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    static Stream<Arguments> hostileDocuments() {
        String minimal = TestContracts.minimal().toString();
        byte[] noise = new byte[4096];
        new Random(20261126L).nextBytes(noise);
        return Stream.of(
                Arguments.of("empty string", "", FindingCode.LINT_NOT_JSON),
                Arguments.of("whitespace", " \n\t ", FindingCode.LINT_NOT_JSON),
                Arguments.of("JSON null", "null", FindingCode.LINT_NOT_JSON),
                Arguments.of("JSON array", "[" + minimal + "]", FindingCode.LINT_NOT_JSON),
                Arguments.of("JSON string", "\"mcp-access-token\"", FindingCode.LINT_NOT_JSON),
                Arguments.of("JSON number", "42", FindingCode.LINT_NOT_JSON),
                Arguments.of(
                        "binary garbage", new String(noise, StandardCharsets.ISO_8859_1), FindingCode.LINT_NOT_JSON),
                Arguments.of(
                        "invalid UTF-8 decoded leniently",
                        new String(noise, StandardCharsets.UTF_8),
                        FindingCode.LINT_NOT_JSON),
                Arguments.of("NUL bytes", "{\u0000}", FindingCode.LINT_NOT_JSON),
                Arguments.of("lone surrogate", "{\"a\":\"\uD800\"}", FindingCode.LINT_META_SCHEMA),
                Arguments.of(
                        "duplicate keys",
                        minimal.replaceFirst("\\{", "{\"x-jose\":{\"alg\":[\"HS256\"]},"),
                        FindingCode.LINT_NOT_JSON),
                Arguments.of("truncated", minimal.substring(0, minimal.length() / 2), FindingCode.LINT_NOT_JSON),
                Arguments.of(
                        "10 MB",
                        "{\"description\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}",
                        FindingCode.LINT_TOO_LARGE),
                Arguments.of("10 MB of whitespace", " ".repeat(10 * 1024 * 1024), FindingCode.LINT_TOO_LARGE),
                Arguments.of(
                        "number with 1000 digits",
                        "{\"maxLength\":" + "9".repeat(1000) + "}",
                        FindingCode.LINT_TOO_LARGE),
                Arguments.of(
                        "allOf nested 1000 deep",
                        "{\"allOf\":[".repeat(1000) + "{}" + "]}".repeat(1000),
                        FindingCode.LINT_TOO_LARGE),
                Arguments.of(
                        "x-contract is an array",
                        minimal.replace("\"x-contract\":{", "\"x-contract\":[{")
                                .replace("\"owner\":\"tests\"}", "\"owner\":\"tests\"}]"),
                        FindingCode.LINT_META_SCHEMA),
                Arguments.of(
                        "properties is a string",
                        withMember(TestContracts.minimal(), "properties", "\"iss aud exp\""),
                        FindingCode.LINT_INVALID_SCHEMA),
                Arguments.of(
                        "required holds non-strings",
                        withMember(TestContracts.minimal(), "required", "[\"iss\",\"aud\",\"exp\",1,null]"),
                        FindingCode.LINT_INVALID_SCHEMA),
                Arguments.of(
                        "alg is a string", minimal.replace("[\"RS256\"]", "\"RS256\""), FindingCode.LINT_META_SCHEMA),
                Arguments.of("alg is empty", minimal.replace("[\"RS256\"]", "[]"), FindingCode.LINT_META_SCHEMA),
                Arguments.of(
                        "operations is an array",
                        minimal.replace("\"operations\":{", "\"operations\":[{")
                                .replace("\"roles\":[\"admin\"]}}", "\"roles\":[\"admin\"]}}]"),
                        FindingCode.LINT_META_SCHEMA),
                Arguments.of(
                        "root references itself",
                        withMember(TestContracts.minimal(), "$ref", "\"#\""),
                        FindingCode.LINT_INVALID_SCHEMA),
                Arguments.of(
                        "property references itself",
                        withClaim("loop", "{\"$ref\":\"#/properties/loop\"}"),
                        FindingCode.LINT_INVALID_SCHEMA),
                Arguments.of(
                        "cycle through allOf and anyOf",
                        withDefs(
                                withClaim("loop", "{\"allOf\":[{\"$ref\":\"#/$defs/a\"}]}"),
                                "{\"a\":{\"anyOf\":[{\"not\":{\"$ref\":\"#/properties/loop\"}}]}}"),
                        FindingCode.LINT_INVALID_SCHEMA),
                Arguments.of(
                        "aud references itself",
                        withClaim("aud", "{\"$ref\":\"#/properties/aud\"}"),
                        FindingCode.LINT_INVALID_SCHEMA),
                Arguments.of(
                        "reference chain of 6000 that loops",
                        withDefs(withClaim("x", "{\"$ref\":\"#/$defs/a0\"}"), chain(6000, "{\"$ref\":\"#/$defs/a0\"}")),
                        FindingCode.LINT_INVALID_SCHEMA),
                Arguments.of(
                        "reference chain of 6000 that ends",
                        withDefs(withClaim("x", "{\"$ref\":\"#/$defs/a0\"}"), chain(6000, "{\"type\":\"string\"}")),
                        FindingCode.LINT_INVALID_SCHEMA),
                Arguments.of(
                        "unknown format keyword value type",
                        withClaim("x", "{\"format\":5}"),
                        FindingCode.LINT_INVALID_SCHEMA),
                Arguments.of(
                        "pattern needing look-behind, which no linear-time engine runs",
                        withClaim("x", "{\"pattern\":\"(?<=a)b\"}"),
                        FindingCode.LINT_PATTERN_UNSUPPORTED));
    }

    private static String withMember(ObjectNode contract, String name, String json) {
        contract.set(name, TestContracts.object("{\"v\":" + json + "}").get("v"));
        return contract.toString();
    }

    private static ObjectNode withClaim(String name, String schema) {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.get("properties")).set(name, TestContracts.object(schema));
        return contract;
    }

    private static String text(ObjectNode contract) {
        return contract.toString();
    }

    private static String withDefs(ObjectNode contract, String defs) {
        contract.set("$defs", TestContracts.object(defs));
        return contract.toString();
    }

    /** {@code $defs} a0 → a1 → … → aN, where aN is {@code last}. */
    private static String chain(int length, String last) {
        StringBuilder defs = new StringBuilder("{");
        for (int i = 0; i < length; i++) {
            defs.append("\"a")
                    .append(i)
                    .append("\":{\"$ref\":\"#/$defs/a")
                    .append(i + 1)
                    .append("\"},");
        }
        return defs.append("\"a")
                .append(length)
                .append("\":")
                .append(last)
                .append('}')
                .toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDocuments")
    void lintWhenHostileDocumentThenFindingAndNoException(String label, Object document, FindingCode expected) {
        String text = document instanceof ObjectNode node ? node.toString() : (String) document;

        LintReport report = Contracts.lint(text);

        assertThat(report.passed()).isFalse();
        assertThat(report.contract()).isEmpty();
        assertThat(report.findings()).extracting(Finding::code).contains(expected);
        assertThat(report.findings())
                .allSatisfy(f -> assertThat(f.message()).isNotBlank().doesNotContain("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDocuments")
    void parseWhenHostileDocumentThenContractExceptionCarryingTheFindings(
            String label, Object document, FindingCode expected) {
        String text = document instanceof ObjectNode node ? node.toString() : (String) document;

        assertThatThrownBy(() -> Contracts.parse(text)).isInstanceOfSatisfying(ContractException.class, e -> {
            assertThat(e.getMessage()).startsWith("the contract fails lint with ");
            assertThat(e.findings()).extracting(Finding::code).contains(expected);
            assertThat(e.findings()).anyMatch(f -> f.severity() == Severity.ERROR);
        });
    }

    @Test
    void lintWhenNullThenNotJsonAndNoException() {
        assertThatCode(() -> Contracts.lint(null)).doesNotThrowAnyException();
        assertThat(Contracts.lint(null).findings())
                .extracting(Finding::code)
                .containsExactly(FindingCode.LINT_NOT_JSON);
    }

    @Test
    void lintWhenAllOfNestedThirtyDeepThenAcceptedBecauseWithinLimits() {
        String nested = "{\"allOf\":[".repeat(30) + "{\"type\":\"string\"}" + "]}".repeat(30);

        LintReport report = Contracts.lint(text(withClaim("x", nested)));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void lintWhenRecursionDescendsIntoTheInstanceThenAccepted() {
        String actor = "{\"type\":\"object\",\"properties\":{\"act\":{\"$ref\":\"#/properties/act\"}}}";

        assertThat(Contracts.lint(text(withClaim("act", actor))).findings()).isEmpty();
    }

    @Test
    void lintWhenSelfReferenceThenPointerNamesTheReference() {
        LintReport report = Contracts.lint(text(withClaim("loop", "{\"$ref\":\"#/properties/loop\"}")));

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_INVALID_SCHEMA, "/properties/loop/$ref"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/claims.json", "/claims.json#/$defs/iss"})
    void lintWhenHttpReferenceThenRemoteRefAndNothingFetched(String path) {
        int before = REQUESTS.get();
        String url = serverUrl(path);

        LintReport report = Contracts.lint(text(withClaim("upstream", "{\"$ref\":\"" + url + "\"}")));

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_REMOTE_REF, "/properties/upstream/$ref"));
        assertThat(REQUESTS.get()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "claims.json",
                "./claims.json#/iss",
                "../shared/claims.json",
                "file:///etc/passwd",
                "urn:example:claims"
            })
    void lintWhenNonLocalReferenceResolvingToTheServerThenRemoteRefAndNothingFetched(String ref) {
        int before = REQUESTS.get();
        ObjectNode contract = withClaim("upstream", "{\"$ref\":\"" + ref + "\"}");
        contract.put("$id", serverUrl("/contracts/minimal-token/1.0.0"));

        LintReport report = Contracts.lint(contract.toString());

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_REMOTE_REF, "/properties/upstream/$ref"));
        assertThat(REQUESTS.get()).isEqualTo(before);
    }

    @Test
    void lintWhenDynamicRefIsRemoteThenRemoteRef() {
        LintReport report =
                Contracts.lint(text(withClaim("upstream", "{\"$dynamicRef\":\"" + serverUrl("/meta#meta") + "\"}")));

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.LINT_REMOTE_REF, "/properties/upstream/$dynamicRef"));
    }

    @Test
    void lintWhenEmbeddedResourceHasRemoteIdThenNothingFetched() {
        int before = REQUESTS.get();
        String embedded = "{\"$id\":\"" + serverUrl("/embedded.json")
                + "\",\"$ref\":\"#/$defs/s\",\"$defs\":{\"s\":{\"type\":\"string\"}}}";

        LintReport report = Contracts.lint(text(withClaim("x", embedded)));

        assertThat(report.passed()).isTrue();
        assertThat(REQUESTS.get()).isEqualTo(before);
    }

    @Test
    void lintWhenRefInsideAnnotationOrConstThenNotTreatedAsReference() {
        ObjectNode contract = withClaim("kind", "{\"const\":{\"$ref\":\"https://example.test/not-a-schema\"}}");
        ((ObjectNode) contract.get("x-contract")).put("description", "see https://example.test");

        assertThat(Contracts.lint(contract.toString()).findings()).isEmpty();
    }
}
