package dev.tokencontract.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The metadata rules a schema cannot say, one by one, with no contract in the way. */
class MetadataChecksTest {

    private static IdpReport check(String json, String expectedIssuer) {
        return IdpChecks.withDefaults().checkMetadata(json, "doc", expectedIssuer, List.of(), JwksInput.skip());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://idp.example.test|",
                "http://127.0.0.1:8080/realm|",
                "http://localhost/realm|",
                "http://idp.example.test|scheme http, not https",
                "https://idp.example.test?tenant=a|has a query or fragment",
                "https://idp.example.test#x|has a query or fragment",
                "idp.example.test|no scheme",
                "https://|not a URL"
            })
    void issuerWhenFormGivenThenHttpsExceptLoopbackWithoutQueryOrFragment(String issuer, String reason) {
        IdpReport report =
                check("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"https://idp.example.test/jwks\"}", null);

        if (reason == null) {
            assertThat(report.has(FindingCode.ISSUER_NOT_HTTPS)).isFalse();
        } else {
            assertThat(report.findings(FindingCode.ISSUER_NOT_HTTPS))
                    .singleElement()
                    .satisfies(f -> assertThat(f.actual()).endsWith("(" + reason + ")"));
        }
    }

    @Test
    void endpointsWhenPlainHttpOrOddNamesThenFlaggedWithEscapedPointers() {
        IdpReport report = check("""
                {"issuer":"https://idp.example.test","jwks_uri":"keys.json","token_endpoint":"http://idp.example.test/token",
                 "a/b_endpoint":"ftp://idp.example.test","op_policy_uri":"http://idp.example.test/policy",
                 "authorization_endpoint":"https://idp.example.test/authorize"}""", null);

        assertThat(report.findings(FindingCode.ENDPOINT_NOT_HTTPS))
                .extracting(Finding::pointer)
                .containsExactlyInAnyOrder("/metadata/jwks_uri", "/metadata/token_endpoint", "/metadata/a~1b_endpoint");
    }

    @Test
    void algorithmsWhenNoneOrHmacInTokenListsThenFlaggedButNotInRequestObjectOrClientAuthLists() {
        IdpReport report = check("""
                {"issuer":"https://idp.example.test","jwks_uri":"https://idp.example.test/jwks",
                 "access_token_signing_alg_values_supported":["RS256","NONE"],
                 "id_token_signing_alg_values_supported":["RS256","HS512"],
                 "request_object_signing_alg_values_supported":["none","HS256"],
                 "token_endpoint_auth_signing_alg_values_supported":["HS256"]}""", null);

        assertThat(report.findings())
                .filteredOn(f -> f.code().name().startsWith("ADVERTISED_ALG"))
                .extracting(Finding::code, Finding::pointer)
                .containsExactlyInAnyOrder(
                        tuple(FindingCode.ADVERTISED_ALG_HMAC, "/metadata/id_token_signing_alg_values_supported"),
                        tuple(
                                FindingCode.ADVERTISED_ALG_NONE,
                                "/metadata/access_token_signing_alg_values_supported/1"));
    }

    @Test
    void issuerWhenTemplatedAndDiscoveredForATenantThenExplainedNotMismatched() {
        IdpReport report = check(
                "{\"issuer\":\"https://login.microsoftonline.com/{tenantid}/v2.0\",\"jwks_uri\":\"https://k\"}",
                "https://login.microsoftonline.com/common/v2.0");

        assertThat(report.has(FindingCode.ISSUER_TEMPLATED)).isTrue();
        assertThat(report.has(FindingCode.ISSUER_MISMATCH)).isFalse();
        assertThat(report.has(FindingCode.ISSUER_NOT_HTTPS)).isFalse();
    }

    @Test
    void issuerWhenTemplatedButDiscoveredForAnotherHostThenMismatch() {
        IdpReport report = check(
                "{\"issuer\":\"https://login.microsoftonline.com/{tenantid}/v2.0\",\"jwks_uri\":\"https://k\"}",
                "https://evil.example.test/common/v2.0");

        assertThat(report.has(FindingCode.ISSUER_MISMATCH)).isTrue();
    }

    @Test
    void jwksUriWhenAbsentThenWarningOnly() {
        IdpReport report = check("{\"issuer\":\"https://idp.example.test\"}", "https://idp.example.test");

        assertThat(report.findings(FindingCode.JWKS_URI_MISSING)).hasSize(1);
        assertThat(report.passed()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:8080/x,true",
        "http://127.255.0.9/x,true",
        "http://localhost/x,true",
        "http://[::1]:80/x,true",
        "https://idp.example.test/x,true",
        "http://127.example.test/x,false",
        "http://127.0.0.1.example.test/x,false",
        "http://localhost.example.test/x,false",
        "http://idp.example.test/x,false"
    })
    void fetchableWhenHttpThenOnlyLiteralLoopbackHosts(String url, boolean fetchable) {
        // a DNS name that merely starts with "127." resolves wherever its owner wants: plain http must not go there
        assertThat(IdpChecks.fetchable(java.net.URI.create(url))).as(url).isEqualTo(fetchable);
    }
}
