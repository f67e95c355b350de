package dev.tokencontract.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.testing.FixtureFiles;
import dev.tokencontract.testing.TestKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real JWK set in {@code shared/fixtures/jwks}: no crash, and the error codes each produces are the ones
 * the table expects. Each row quotes what INVENTORY.md says of the set ("## JWKS (31)" section); where our
 * finding goes beyond or against it, the row says why.
 */
class JwksFixturesTest {

    record Row(String file, String inventorySays, Set<FindingCode> errors, boolean x5c, boolean standardBase64) {
        Row(String file, String inventorySays, Set<FindingCode> errors, boolean x5c) {
            this(file, inventorySays, errors, x5c, false);
        }
    }

    private static final Set<FindingCode> NONE = Set.of();

    private static final List<Row> TABLE = List.of(
            new Row(
                    "auth0-jwks-rsa-java__samples-auth0-com-jwks-2keys.json",
                    "Auth0: x5c, x5t, kid=b64(hex thumbprint)",
                    NONE,
                    true),
            new Row(
                    "auth0-jwks-rsa-java__samples-auth0-com-jwks-no-kid.json",
                    "one copy with kid stripped",
                    Set.of(FindingCode.JWK_KID_MISSING),
                    true),
            new Row("auth0-jwks-rsa-java__samples-auth0-com-jwks.json", "Auth0: x5c, x5t", NONE, true),
            // not in INVENTORY: both moduli are standard base64 ('+', '/'), read leniently and flagged as a warning
            new Row("azuread-identitymodel__JsonWebKeySetEnd2End-aad.json", "(AAD)", NONE, true, true),
            new Row("azuread-identitymodel__PingLabsJWKS.json", "(PingFederate, no alg)", NONE, false),
            new Row("crates-io__github-actions-jwks.json", "(GitHub Actions, 4 keys, 3 with x5c)", NONE, true),
            new Row("micronaut-security__google-certs.json", "(Google 2023)", NONE, false),
            panva("apple", "Apple", NONE, false),
            new Row(
                    "panva-wellknown__battle-net.jwks.json",
                    "Battle.net (moduli in standard base64, not in INVENTORY)",
                    NONE,
                    false,
                    true),
            panva("discord", "Discord", NONE, false),
            panva("docker", "Docker (x5c)", NONE, true),
            panva("dropbox", "Dropbox", NONE, false),
            panva("entra-common", "Entra common/organizations (x5c, no alg)", NONE, true),
            panva("entra-organizations", "Entra common/organizations (x5c, no alg)", NONE, true),
            panva("facebook", "Facebook", NONE, false),
            panva("gitlab", "GitLab", NONE, false),
            panva("google", "Google", NONE, false),
            panva("klarna", "Klarna", NONE, false),
            panva("lego", "LEGO (x5c)", NONE, true),
            panva("mojeid", "MojeID (no alg/use)", NONE, false),
            panva("paypal", "PayPal (RSA RS256+PS256, EC P-256 without use, OKP X25519 enc key)", NONE, false),
            panva("slack", "Slack (no use)", NONE, false),
            panva("spotify", "Spotify", NONE, false),
            panva("stackoverflow", "StackOverflow (EMPTY keys[])", Set.of(FindingCode.JWKS_EMPTY), false),
            panva("twitch", "Twitch", NONE, false),
            panva("verimi", "Verimi", NONE, false),
            // INVENTORY says only "Yahoo (RSA+ES256)"; its three RSA moduli are 128 bytes (172 base64url characters):
            // 1024-bit keys, below RFC 7518's 2048. The ES256 key remains, so the set is not empty.
            panva("yahoo", "Yahoo (RSA+ES256)", Set.of(FindingCode.JWK_RSA_TOO_SHORT), false),
            // DISCREPANCY: INVENTORY says "NEGATIVE: contains d,p,q,dp,dq,qi private params", but the file holds one
            // public RSA key and one public EC key: no d, p, q, dp, dq, qi, oth or k member anywhere
            // (publicSetWhenInventorySaysPrivateThenFileHoldsNoPrivateMember checks that independently).
            // Private parameters are tested with a set built from this project's test keys instead.
            new Row(
                    "spring-security__NimbusJwtDecoderTests__JWK_SET-with-private-params.json",
                    "NEGATIVE: contains d,p,q,dp,dq,qi private params",
                    NONE,
                    false));

    private static Row panva(String name, String says, Set<FindingCode> errors, boolean x5c) {
        return new Row("panva-wellknown__" + name + ".jwks.json", says, errors, x5c);
    }

    static Stream<Arguments> rows() {
        return TABLE.stream().map(row -> Arguments.of(row.file(), row));
    }

    @Test
    void tableWhenComparedWithTheFixtureFolderThenCoversEverySet() {
        List<String> files = FixtureFiles.list("jwks")
                .map(Path::getFileName)
                .map(Path::toString)
                .toList();

        assertThat(TABLE).extracting(Row::file).containsExactlyInAnyOrderElementsOf(files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void checkJwksWhenRealSetThenErrorCodesAreTheTablesAndX5cIsReportedNotTrusted(String file, Row row) {
        List<Finding> findings = IdpChecks.checkJwks(FixtureFiles.text("jwks/" + file));

        Set<FindingCode> errors = findings.stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .map(Finding::code)
                .collect(Collectors.toSet());
        assertThat(errors)
                .as("errors of %s (INVENTORY: %s)", file, row.inventorySays())
                .isEqualTo(row.errors());
        assertThat(findings.stream().anyMatch(f -> f.code() == FindingCode.JWK_X5C_REPORTED))
                .as("x5c reported")
                .isEqualTo(row.x5c());
        assertThat(findings).extracting(Finding::code).doesNotContain(FindingCode.JWK_X5C_MISMATCH);
        assertThat(findings.stream().anyMatch(f -> f.code() == FindingCode.JWK_NOT_BASE64URL))
                .as("standard base64")
                .isEqualTo(row.standardBase64());
        assertThat(findings).extracting(Finding::pointer).allMatch(p -> p.startsWith("/jwks"));
    }

    @Test
    void publicSetWhenInventorySaysPrivateThenFileHoldsNoPrivateMember() {
        String text =
                FixtureFiles.text("jwks/spring-security__NimbusJwtDecoderTests__JWK_SET-with-private-params.json");

        for (String member : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"", "\"oth\"", "\"k\"")) {
            assertThat(text).as("member %s", member).doesNotContain(member);
        }
    }

    @Test
    void checkJwksWhenSetLeaksPrivateKeysThenEachKeyFlaggedAndNoValueShown() {
        String leaked = new JWKSet(List.of(TestKeys.RSA, TestKeys.EC)).toString(false); // false: keep private members

        List<Finding> findings = IdpChecks.checkJwks(leaked);

        assertThat(findings)
                .filteredOn(f -> f.code() == FindingCode.JWK_PRIVATE_PARAMETERS)
                .extracting(Finding::pointer, Finding::actual)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "/jwks/keys/0", "private members present: d, p, q, dp, dq, qi (values not shown)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/jwks/keys/1", "private members present: d (values not shown)"));
        String everything = findings.toString();
        assertThat(everything)
                .doesNotContain(TestKeys.RSA.getPrivateExponent().toString())
                .doesNotContain(TestKeys.EC.getD().toString());
    }
}
