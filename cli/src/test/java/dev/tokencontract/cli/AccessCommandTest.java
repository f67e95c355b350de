package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static dev.tokencontract.cli.MintFixtures.RSA;
import static dev.tokencontract.cli.MintFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AccessCommandTest {
    private static final String MCP = "mcp-access-token@1.0.0";

    @TempDir
    Path dir;

    private String privateKey;
    private String publicKeys;

    @BeforeEach
    void keys() {
        privateKey = write(dir, "private.json", MintFixtures.privateJwks(MintFixtures.withAlg(RSA, JWSAlgorithm.RS256)))
                .toString();
        publicKeys = write(dir, "public.json", MintFixtures.publicJwks(MintFixtures.withAlg(RSA, JWSAlgorithm.RS256)))
                .toString();
    }

    private String token(String... claims) {
        String[] args = new String[5 + 2 * claims.length];
        System.arraycopy(new String[] {"mint", MCP, "--key", privateKey, "--seed=3"}, 0, args, 0, 5);
        for (int i = 0; i < claims.length; i++) {
            args[5 + 2 * i] = "--claim";
            args[6 + 2 * i] = claims[i];
        }
        CliRun.Result minted = cli().run(args);
        assertThat(minted.exit()).as(minted.err()).isZero();
        return minted.out().strip();
    }

    @Test
    void accessWhenVerifiedThenEveryOperationAnsweredWithWhatItLacks() {
        String token = token("scope=crm.read", "roles=[\"support\"]");

        CliRun.Result result = cli().run("access", MCP, "--jwks", publicKeys, token);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("Access under mcp-access-token@1.0.0 (VERIFIED)")
                .containsPattern("ALLOWED +getCustomer +Read a customer record\\.")
                .containsPattern("DENIED +lookupEmployee +lacks role hr")
                .containsPattern("DENIED +toggleFeature +lacks role admin")
                .containsPattern("DENIED +updateAccountStatus +lacks scope crm.write")
                .contains("1 of 4 operations allowed (exit 0)");
    }

    @Test
    void accessWhenTokenFromStdinThenSameAnswer() {
        String token = token("scope=crm.read crm.write", "roles=[\"hr\",\"admin\"]");

        CliRun.Result result = cli().stdin("Bearer " + token + "\n").run("access", MCP, "--jwks", publicKeys);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("4 of 4 operations allowed");
    }

    @Test
    void accessWhenOperationGivenThenExitSaysWhetherItIsAllowed() {
        String token = token("scope=crm.read", "roles=[\"support\"]");

        CliRun.Result allowed = cli().run("access", MCP, "--jwks", publicKeys, "--operation", "getCustomer", token);
        CliRun.Result denied = cli().run("access", MCP, "--jwks", publicKeys, "--operation", "toggleFeature", token);
        CliRun.Result unknown = cli().run("access", MCP, "--jwks", publicKeys, "--operation", "dropTables", token);

        assertThat(allowed.exit()).isZero();
        assertThat(denied.exit()).isEqualTo(1);
        assertThat(denied.out()).contains("lacks role admin");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("lists no operation 'dropTables'; it is never granted");
        assertThat(unknown.out()).contains("lacks an entry in x-authorization (never granted)");
    }

    @Test
    void accessWhenNoKeysThenHypotheticalAndExitThree() {
        String token = token("scope=crm.read crm.write", "roles=[\"hr\",\"admin\"]");

        CliRun.Result text = cli().run("access", MCP, token);
        CliRun.Result json = cli().run("access", MCP, "--format", "json", token);

        assertThat(text.exit()).isEqualTo(3);
        assertThat(text.out())
                .contains("HYPOTHETICAL: the token was not verified; a server grants it nothing")
                .contains("WOULD ALLOW  getCustomer")
                .doesNotContain("ALLOWED  ");
        assertThat(json.exit()).isEqualTo(3);
        JsonNode root = JsonMapper.builder().build().readTree(json.out());
        assertThat(root.get("hypothetical").asBoolean()).isTrue();
        for (JsonNode operation : root.get("operations")) {
            assertThat(operation.get("allowed").asBoolean())
                    .as(operation.toString())
                    .isFalse();
            assertThat(operation.get("allowedIfVerified").asBoolean()).isTrue();
        }
    }

    @Test
    void accessWhenSignedByAnotherKeyThenRejectedAndNothingAllowed() {
        String otherKeys = write(
                        dir,
                        "other.json",
                        MintFixtures.publicJwks(
                                MintFixtures.withAlg(MintFixtures.generateRsa("rsa-1", 2048), JWSAlgorithm.RS256)))
                .toString();
        String token = token("scope=crm.read", "roles=[\"admin\"]");

        CliRun.Result result = cli().run("access", MCP, "--jwks", otherKeys, token);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains("(REJECTED: the token may call nothing")
                .contains("none allowed");
    }

    @Test
    void accessWhenIssuerOrAudienceDifferThenRejected() {
        String token = token("iss=https://login.example.test", "aud=https://mcp.example.test/mcp");

        CliRun.Result wrongIssuer =
                cli().run("access", MCP, "--jwks", publicKeys, "--issuer", "https://evil.example.test", token);
        CliRun.Result right = cli().run(
                        "access",
                        MCP,
                        "--jwks",
                        publicKeys,
                        "--issuer",
                        "https://login.example.test",
                        "--audience",
                        "https://mcp.example.test/mcp",
                        token);

        assertThat(wrongIssuer.exit()).isEqualTo(1);
        assertThat(right.exit()).as(right.out()).isZero();
    }

    @Test
    void accessWhenTokenIsGarbageThenRejectedWithoutTrace() {
        CliRun.Result result = cli().run("access", MCP, "--jwks", publicKeys, "not.a.token\u001b[31m");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).doesNotContain("\u001b[31m").contains("none allowed");
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void accessWhenContractHasNoAuthorizationThenSaysNothingIsGranted() {
        String token = token();

        CliRun.Result result = cli().run("access", "rfc9068-access-token@1.0.0", "--jwks", publicKeys, token);

        assertThat(result.out()).contains("the contract has no x-authorization operations: nothing is granted");
    }

    @Test
    void accessWhenOperationNameIsHostileThenPrintedInertAndDenied() {
        String token = token("scope=crm.read");

        CliRun.Result result = cli().run(
                        "access",
                        MCP,
                        "--jwks",
                        publicKeys,
                        "--operation",
                        "x\u001b]0;pwn\u0007" + "y".repeat(5000),
                        token);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out() + result.err()).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(result.out().length() + result.err().length()).isLessThan(3000);
    }

    @Test
    void accessWhenArgumentsAreWrongThenUsageError() {
        assertThat(cli().run("access").exit()).isEqualTo(2);
        assertThat(cli().run("access", MCP, "a", "b").exit()).isEqualTo(2);
        assertThat(cli().run("access", "oidc-discovery@1.0.0", "x").exit()).isEqualTo(2);
        assertThat(cli().run("access", MCP, "--secret-env", "not a name", "x").exit())
                .isEqualTo(2);
        assertThat(cli().run("access", dir.resolve("absent.json").toString(), "x")
                        .exit())
                .isEqualTo(3);
    }
}
