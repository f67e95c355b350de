package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.testing.TestContracts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loading contracts by bundled reference, version range, and file; every failure a clear {@link ContractException}. */
class ContractLoadingTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mcp-access-token@1.0.0",
                "mcp-access-token@1",
                "mcp-access-token@1.0",
                "mcp-access-token@latest",
                "mcp-access-token",
                " mcp-access-token@1 "
            })
    void loadWhenBundledReferenceOrRangeThenResolvesToTheBundledVersion(String reference) throws Exception {
        Contract contract = Contracts.load(reference);

        assertThat(contract.reference()).isEqualTo("mcp-access-token@1.0.0");
        assertThat(contract.kind()).isEqualTo(ContractKind.JWT_ACCESS_TOKEN);
        assertThat(contract.id()).isEqualTo("https://tokencontract.dev/contracts/mcp-access-token/1.0.0");
        assertThat(contract.owner()).isEqualTo("tokencontract");
    }

    @Test
    void loadWhenRfc9068ReferenceThenLoadsItsJoseRules() throws Exception {
        Contract contract = Contracts.load("rfc9068-access-token@1");

        assertThat(contract.reference()).isEqualTo("rfc9068-access-token@1.0.0");
        assertThat(contract.jose().types()).containsExactlyInAnyOrder("at+jwt", "application/at+jwt");
        assertThat(contract.jose().kidRequired()).isFalse();
    }

    @Test
    void listBundledWhenCalledThenNamesEveryBundledContractWithVersions() {
        assertThat(Contracts.listBundled())
                .containsExactly(
                        new BundledContract("mcp-access-token", List.of("1.0.0")),
                        new BundledContract("mcp-authorization-server", List.of("1.0.0")),
                        new BundledContract("oauth-authorization-server", List.of("1.0.0")),
                        new BundledContract("oauth-protected-resource", List.of("1.0.0")),
                        new BundledContract("oidc-discovery", List.of("1.0.0")),
                        new BundledContract("registry-publisher", List.of("1.0.0")),
                        new BundledContract("rfc9068-access-token", List.of("1.0.0")));
    }

    @Test
    void loadWhenNameUnknownThenSaysSoAndListsBundledNames() {
        assertThatThrownBy(() -> Contracts.load("mcp-acess-token@1"))
                .isInstanceOf(ContractException.class)
                .hasMessage(
                        "no bundled contract named 'mcp-acess-token'; bundled: mcp-access-token, mcp-authorization-server, "
                                + "oauth-authorization-server, oauth-protected-resource, oidc-discovery, registry-publisher, rfc9068-access-token");
    }

    @Test
    void loadWhenExactVersionUnknownThenSaysSoAndListsVersions() {
        assertThatThrownBy(() -> Contracts.load("mcp-access-token@1.0.1"))
                .isInstanceOf(ContractException.class)
                .hasMessage("no version 1.0.1 of mcp-access-token; versions: 1.0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "1.1", "0"})
    void loadWhenRangeMatchesNothingThenSaysSoAndListsVersions(String range) {
        assertThatThrownBy(() -> Contracts.load("mcp-access-token@" + range))
                .isInstanceOf(ContractException.class)
                .hasMessage("no version of mcp-access-token matches " + range + "; versions: 1.0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Not A Contract!!", "mcp-access-token@", "MCP-ACCESS-TOKEN", "@1.0.0", "a\u0000b"})
    void loadWhenReferenceIsGarbageThenExplainsTheExpectedForm(String reference) {
        assertThatThrownBy(() -> Contracts.load(reference))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("is neither a contract file nor a reference like mcp-access-token@1.0.0");
    }

    @Test
    void loadWhenReferenceIsNotAPathOnThisSystemThenContractExceptionNotInvalidPathException() {
        assertThatThrownBy(() -> Contracts.load("contracts/x.json\u0000")).isInstanceOf(ContractException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void loadWhenReferenceBlankThenNoContractGiven(String reference) {
        assertThatThrownBy(() -> Contracts.load(reference))
                .isInstanceOf(ContractException.class)
                .hasMessage("no contract given");
    }

    @Test
    void loadWhenNullThenNoContractGiven() {
        assertThatThrownBy(() -> Contracts.load(null))
                .isInstanceOf(ContractException.class)
                .hasMessage("no contract given");
    }

    @Test
    void loadWhenFilePathThenParsesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-contract.json");
        Files.writeString(file, TestContracts.minimal().toString());

        Contract contract = Contracts.load(file.toString());

        assertThat(contract.reference()).isEqualTo("minimal-token@1.0.0");
    }

    @Test
    void loadWhenFileMissingThenNamesThePath(@TempDir Path dir) {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> Contracts.load(file.toString()))
                .isInstanceOf(ContractException.class)
                .hasMessage("no contract file at " + file);
    }

    @Test
    void loadWhenFileLargerThanLimitThenRefusedWithoutParsing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.json");
        Files.write(file, new byte[300 * 1024]);

        assertThatThrownBy(() -> Contracts.load(file.toString()))
                .isInstanceOf(ContractException.class)
                .hasMessage("contract file " + file + " is larger than 262144 bytes");
    }

    @Test
    void loadWhenFileIsNotUtf8ThenCannotRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.json");
        Files.write(file, "{\"a\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> Contracts.load(file.toString()))
                .isInstanceOf(ContractException.class)
                .hasMessageStartingWith("cannot read contract file " + file);
    }

    @Test
    void loadWhenFileFailsLintThenExceptionCarriesTheFindings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, TestContracts.minimal().put("required", "iss").toString());

        assertThatThrownBy(() -> Contracts.load(file.toString())).isInstanceOfSatisfying(ContractException.class, e -> {
            assertThat(e.getMessage()).startsWith("the contract fails lint with ");
            assertThat(e.findings()).extracting(Finding::code).contains(FindingCode.LINT_INVALID_SCHEMA);
        });
    }

    @Test
    void parseWhenContractFailsLintThenThrowsWithEveryFinding() {
        String json = TestContracts.minimal().toString().replace("\"RS256\"", "\"none\"");

        assertThatThrownBy(() -> Contracts.parse(json)).isInstanceOfSatisfying(ContractException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("the contract fails lint with 2 error(s)");
            assertThat(e.findings())
                    .extracting(Finding::code, Finding::pointer)
                    .containsExactlyInAnyOrder(
                            tuple(FindingCode.LINT_META_SCHEMA, "/x-jose/alg/0"),
                            tuple(FindingCode.LINT_ALG_NONE, "/x-jose/alg/0"));
        });
    }

    @Test
    void parseWhenContractLintsCleanThenCompiledContractChecksClaims() throws Exception {
        Contract contract = Contracts.parse(TestContracts.minimal().toString());

        assertThat(contract.check(TestContracts.object("{\"iss\":\"a\",\"aud\":\"b\"}"), "/claims"))
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.CLAIM_MISSING, "/claims/exp"));
    }
}
