package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.FixtureFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage errors and file handling of check-idp, check-resource and explain --idp, in process. */
class IdpCommandsTest {
    private static final String GOOGLE = "idp-metadata/panva-wellknown__google.openid-configuration.json";

    @Test
    void checkIdpWhenNoArgumentThenUsageExitTwo() {
        CliRun.Result result = cli().run("check-idp");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err())
                .contains("expected one issuer URL or metadata file, got 0", "usage: tokencontract check-idp");
    }

    @Test
    void checkIdpWhenUrlWithNoFetchThenUsage() {
        CliRun.Result result = cli().run("check-idp", "https://idp.example.test", "--no-fetch");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--jwks and --no-fetch apply to a metadata FILE");
    }

    @Test
    void checkIdpWhenFileMissingThenUsage() {
        CliRun.Result result = cli().run("check-idp", "no-such-metadata.json");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("no file at no-such-metadata.json");
    }

    @Test
    void checkIdpWhenTokenContractGivenThenUsageNamesTheKind() {
        CliRun.Result result = cli().run(
                        "check-idp",
                        FixtureFiles.path(GOOGLE).toString(),
                        "--no-fetch",
                        "--contract",
                        "mcp-access-token");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("mcp-access-token@1.0.0 is a jwt-access-token contract, not idp-metadata");
    }

    @Test
    void checkIdpWhenUnknownContractThenCouldNotCheck() {
        CliRun.Result result =
                cli().run("check-idp", FixtureFiles.path(GOOGLE).toString(), "--no-fetch", "--contract", "nope@1");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("contract unavailable");
    }

    @Test
    void checkIdpWhenOidcDiscoveryContractOnGoogleThenPassesWithRecommendedWarning() {
        CliRun.Result result = cli().run(
                        "check-idp",
                        FixtureFiles.path(GOOGLE).toString(),
                        "--no-fetch",
                        "--contract",
                        "oidc-discovery");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("METADATA_RECOMMENDED_MISSING  /metadata/registration_endpoint");
        assertThat(result.out().strip()).endsWith("PASSED: no errors, 1 warning (exit 0)");
    }

    @Test
    void checkIdpWhenFileIsHtmlThenFailed() throws Exception {
        java.nio.file.Path html = java.nio.file.Files.createTempFile("metadata", ".json");
        java.nio.file.Files.writeString(html, "<html><body>login</body></html>");

        CliRun.Result result = cli().run("check-idp", html.toString(), "--no-fetch");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("FETCH_NOT_JSON");
    }

    @Test
    void checkResourceWhenFileWithNoFetchThenContractOnly() throws Exception {
        java.nio.file.Path prm = java.nio.file.Files.createTempFile("prm", ".json");
        java.nio.file.Files.writeString(
                prm, "{\"resource\":\"https://mcp.example.test/mcp\",\"authorization_servers\":[]}");

        CliRun.Result result = cli().run("check-resource", prm.toString(), "--no-fetch");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("METADATA_FIELD_INVALID  /resource/authorization_servers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--jwks", "--pem", "--secret-file"})
    void explainWhenIdpCombinedWithKeyOptionThenUsage(String keyOption) {
        CliRun.Result result = cli().run("explain", "a.b.c", "--idp", "https://idp.example.test", keyOption, "x");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--idp takes the keys from the IdP's jwks_uri; leave out " + keyOption);
    }

    @Test
    void explainWhenIdpIsNotAUrlThenUsage() {
        CliRun.Result result = cli().run("explain", "a.b.c", "--idp", "idp.example.test");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--idp takes the issuer's https URL");
    }

    @Test
    void explainWhenIdpMetadataNamesAnotherIssuerThenMetadataNotUsedCouldNotCheck() {
        try (dev.tokencontract.testing.RoutedHttpServer http = dev.tokencontract.testing.RoutedHttpServer.start()) {
            http.json(
                    "/.well-known/oauth-authorization-server",
                    "{\"issuer\":\"https://login.example.test\",\"jwks_uri\":\"" + http.url("/jwks") + "\"}");

            CliRun.Result result = cli().run(
                            "explain",
                            dev.tokencontract.testing.TestTokens.mcp().signRsa(),
                            "--idp",
                            http.url(""));

            assertThat(result.exit()).isEqualTo(3);
            assertThat(result.err()).contains("ISSUER_MISMATCH", "must not be used (RFC 8414 section 3.3)");
            assertThat(http.requested()).doesNotContain("/jwks");
        }
    }

    @Test
    void checkIdpWhenFilesAreNotUtf8ThenNotJsonFindingsNotADecoderMessage() throws Exception {
        java.nio.file.Path binary = java.nio.file.Files.createTempFile("metadata", ".json");
        java.nio.file.Files.write(binary, new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});

        CliRun.Result metadata = cli().run("check-idp", binary.toString(), "--no-fetch");
        CliRun.Result jwks = cli().run("check-idp", FixtureFiles.path(GOOGLE).toString(), "--jwks", binary.toString());
        CliRun.Result resource = cli().run("check-resource", binary.toString(), "--no-fetch");

        // was "cannot read: Input length = 1" (a MalformedInputException), exit 3
        assertThat(metadata.exit()).isEqualTo(1);
        assertThat(metadata.out()).contains("FETCH_NOT_JSON");
        assertThat(jwks.out()).contains("JWKS_INVALID");
        assertThat(resource.out()).contains("FETCH_NOT_JSON");
        assertThat(metadata.err() + jwks.err() + resource.err()).doesNotContain("Input length");
    }

    @Test
    void checkIdpWhenArgumentIsADirectoryThenTheMessageSaysSo() {
        CliRun.Result result = cli().run("check-idp", System.getProperty("java.io.tmpdir"), "--no-fetch");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("is a directory, not a file");
    }

    @Test
    void checkIdpWhenMetadataFileOversizedThenCouldNotCheckWithoutReadingIt() throws Exception {
        java.nio.file.Path big = java.nio.file.Files.createTempFile("metadata", ".json");
        java.nio.file.Files.writeString(big, "{\"pad\":\"" + "x".repeat(600 * 1024) + "\"}");

        CliRun.Result result = cli().run("check-idp", big.toString(), "--no-fetch");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("is larger than 524288 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://", "https:///path", "http://[::1", "https://idp.example.test/\u0000"})
    void checkIdpWhenIssuerUrlUnusableThenUsageNeverAFetch(String url) {
        CliRun.Result result = cli().run("check-idp", url);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void checkIdpWhenTwoTargetsThenUsage() {
        CliRun.Result result = cli().run("check-idp", "https://a.example.test", "https://b.example.test");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("expected one issuer URL or metadata file, got 2");
    }

    @Test
    void checkIdpWhenJwksFileIsGarbageThenJwksInvalid() throws Exception {
        java.nio.file.Path jwks = java.nio.file.Files.createTempFile("jwks", ".json");
        java.nio.file.Files.writeString(jwks, "-----BEGIN PUBLIC KEY-----");

        CliRun.Result result = cli().run(
                        "check-idp",
                        FixtureFiles.path(GOOGLE).toString(),
                        "--jwks",
                        jwks.toString(),
                        "--format",
                        "json");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("\"code\" : \"JWKS_INVALID\"");
    }

    @Test
    void helpWhenAskedThenListsBothNewCommands() {
        CliRun.Result result = cli().run("--help");

        assertThat(result.out()).contains("check-idp", "check-resource");
    }
}
