package dev.tokencontract.conformance.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.conformance.Kit;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.testing.TestContracts;
import dev.tokencontract.validator.DecodedToken;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class TokenMinterTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    void mintWhenContractAllowsAlgThenValidatorAcceptsWithContractHeader(String alg) {
        String token = Kit.minter(Kit.MCP).mint(Kit.claims(), alg);

        ValidationReport report = Kit.judge(Kit.MCP).validate(token);

        assertThat(report.accepted()).as(report.findings().toString()).isTrue();
        JsonNode header = header(token);
        assertThat(header.path("alg").asString()).isEqualTo(alg);
        assertThat(header.path("typ").asString()).isEqualTo("at+jwt");
        assertThat(header.path("kid").asString())
                .isEqualTo(
                        switch (alg) {
                            case "ES256" -> "tc-ec";
                            case "PS256" -> "tc-rsa-pss"; // one key, one algorithm (RFC 8725 section 3.1)
                            default -> "tc-rsa";
                        });
    }

    @Test
    void mintWhenContractAllowsOnlyHs256ThenSecretVerifies() throws Exception {
        Contract hs = TestContracts.mcpAllowing("hs-token", "HS256");
        TokenMinter minter = Kit.minter(hs);

        String token = minter.mint(Kit.claims());

        assertThat(minter.defaultAlgorithm()).isEqualTo("HS256");
        assertThat(Kit.judge(hs, Kit.KEYS.hmacKeySource()).validate(token).accepted())
                .isTrue();
        assertThat(Kit.judge(hs).validate(token).accepted())
                .as("the public JWKS never holds the secret")
                .isFalse();
    }

    @Test
    void mintWhenClaimsHoldStaleTimesThenTimesComeFromTheClockWithinMaxLifetime() {
        TokenMinter minter = TokenMinter.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS)
                .clock(Kit.CLOCK)
                .lifetime(Duration.ofDays(3))
                .build();
        ObjectNode claims = Kit.claims().put("nbf", 5);

        JsonNode minted = claims(minter.mint(claims));

        long now = Kit.NOW.getEpochSecond();
        assertThat(minted.path("iat").asLong()).isEqualTo(now);
        assertThat(minted.path("nbf").asLong()).isEqualTo(now);
        assertThat(minted.path("exp").asLong())
                .as("capped at maxLifetimeSeconds 7200")
                .isEqualTo(now + 7200);
        assertThat(claims.path("nbf").asLong())
                .as("the caller's claims are not changed")
                .isEqualTo(5);
    }

    @Test
    void defaultAlgorithmWhenContractAllowsNoneTheKitSignsThenRefused() {
        ObjectNode document = TestContracts.minimal();
        document.withObject("x-jose").putArray("alg").add("ES384");
        Contract es384 = Kit.parse(document);

        assertThatThrownBy(() -> Kit.minter(es384))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ES384");
    }

    @Test
    void publicJwksWhenPublishedThenHoldsNoPrivatePartAndNoSecret() {
        JsonNode jwks = JSON.readTree(Kit.KEYS.publicJwks());

        assertThat(jwks.path("keys")).hasSize(3); // RS256 key, PS256 key, ES256 key
        jwks.path("keys")
                .forEach(key -> assertThat(key.path("alg").isString())
                        .as("alg of %s", key)
                        .isTrue());
        jwks.path("keys").forEach(key -> {
            assertThat(key.has("d")).isFalse();
            assertThat(key.path("kty").asString()).isNotEqualTo("oct");
        });
        assertThat(Kit.KEYS.toString())
                .doesNotContain(Kit.KEYS.hmac().getKeyValue().toString());
    }

    @Test
    void jwksEndpointWhenConsumerFetchesByUrlThenMintedTokenVerifies() {
        try (JwksEndpoint endpoint = JwksEndpoint.start(Kit.KEYS)) {
            ValidationReport report = Kit.judge(Kit.MCP, KeySource.jwksUrl(endpoint.uri()))
                    .validate(Kit.minter(Kit.MCP).mint(Kit.claims()));

            assertThat(report.accepted()).as(report.findings().toString()).isTrue();
        }
    }

    @Test
    void privateJwksWhenWrittenAndLoadedThenSignsTheSameKeys() throws Exception {
        Path file = Kit.KEYS.writePrivateJwks(dir.resolve("signing.json"));
        SigningKeys loaded = SigningKeys.fromPrivateJwksFile(file);

        String token = TokenMinter.builder()
                .contract(Kit.MCP)
                .keys(loaded)
                .clock(Kit.CLOCK)
                .build()
                .mint(Kit.claims());

        assertThat(Kit.judge(Kit.MCP).validate(token).accepted()).isTrue();
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void fromPrivateJwksWhenHostileOrIncompleteThenClearError() throws Exception {
        assertThatThrownBy(() -> SigningKeys.fromPrivateJwks("{not json")).hasMessageContaining("not a JWK set");
        assertThatThrownBy(() -> SigningKeys.fromPrivateJwks(null)).hasMessageContaining("not a JWK set");
        assertThatThrownBy(() -> SigningKeys.fromPrivateJwks(Kit.KEYS.publicJwks()))
                .hasMessageContaining("public only");
        assertThatThrownBy(() -> SigningKeys.fromPrivateJwks("{\"keys\":[]}"))
                .hasMessageContaining("needs a private RSA key");
        Path big = Files.writeString(dir.resolve("big.json"), "x".repeat((int) SigningKeys.MAX_FILE_BYTES + 1));
        assertThatThrownBy(() -> SigningKeys.fromPrivateJwksFile(big)).hasMessageContaining("larger than");
        assertThatThrownBy(() -> SigningKeys.fromPrivateJwksFile(dir.resolve("absent.json")))
                .hasMessageContaining("no key file");
    }

    private static JsonNode header(String token) {
        return DecodedToken.decode(token).token().orElseThrow().header().orElseThrow();
    }

    private static JsonNode claims(String token) {
        return DecodedToken.decode(token).token().orElseThrow().claims().orElseThrow();
    }
}
