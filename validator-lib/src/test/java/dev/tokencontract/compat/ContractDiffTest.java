package dev.tokencontract.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestContracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

class ContractDiffTest {

    @Test
    void betweenWhenSameBundledContractThenNoChanges() throws Exception {
        Contract mcp = Contracts.load("mcp-access-token@1.0.0");

        ContractDiff diff = ContractDiff.between(mcp, Contracts.load("mcp-access-token@1.0.0"));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.from()).isEqualTo("mcp-access-token@1.0.0");
        assertThat(diff.to()).isEqualTo("mcp-access-token@1.0.0");
    }

    @Test
    void betweenWhenOnlyVersionAndIdDifferThenNoChanges() {
        assertThat(DiffPair.minimal().summary()).isEmpty();
    }

    @Test
    void betweenWhenBundledCopyGetsNewVersionThenNoChangesAndReferencesNamed() throws Exception {
        ObjectNode newer = TestContracts.bundled("mcp-access-token", "1.0.0");
        newer.put("$id", "https://tokencontract.dev/contracts/mcp-access-token/1.1.0");
        ((ObjectNode) newer.get("x-contract")).put("version", "1.1.0");

        ContractDiff diff = ContractDiff.between(Contracts.load("mcp-access-token@1.0.0"), DiffPair.contract(newer));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.to()).isEqualTo("mcp-access-token@1.1.0");
    }

    @ParameterizedTest
    @EnumSource(CompatibilityMode.class)
    void refusedByWhenCosmeticOnlyThenCompatibleUnderEveryMode(CompatibilityMode mode) {
        ContractDiff diff = DiffPair.minimal()
                .now("/title", "\"Tokens\"")
                .now("/properties/iss/description", "\"issuer\"")
                .now("/properties/iss/examples", "[\"https://idp.example\"]")
                .now("/x-contract/owner", "\"identity\"")
                .now("/x-contract/description", "\"new words\"")
                .now("/$comment", "\"why\"")
                .diff();

        assertThat(diff.changes()).hasSize(6).allMatch(c -> c.classes().equals(java.util.Set.of(ChangeClass.COSMETIC)));
        assertThat(diff.refusedBy(mode, false)).isEmpty();
        assertThat(diff.refusedBy(mode)).isEmpty();
    }

    @Test
    void betweenWhenDifferentNamesThenClearError() throws Exception {
        Contract mcp = Contracts.load("mcp-access-token@1.0.0");
        Contract rfc = Contracts.load("rfc9068-access-token@1.0.0");

        assertThatThrownBy(() -> ContractDiff.between(mcp, rfc))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mcp-access-token@1.0.0")
                .hasMessageContaining("rfc9068-access-token@1.0.0")
                .hasMessageContaining("different contracts");
    }

    @Test
    void betweenWhenRolesEnumGainsValueThenExplanationNamesClaimAndValue() {
        Change change = DiffPair.minimal()
                .both("/properties/roles/items/enum", "[\"reader\"]")
                .now("/properties/roles/items/enum", "[\"reader\", \"admin\"]")
                .diff()
                .changes()
                .get(0);

        assertThat(change.explanation()).contains("claim 'roles[]'", "\"admin\"", "x-authorization");
        assertThat(change.before()).isEqualTo("[\"reader\"]");
        assertThat(change.after()).isEqualTo("[\"reader\",\"admin\"]");
    }

    @Test
    void betweenWhenPatternChangedThenExplanationSaysUndecidable() {
        Change change = DiffPair.minimal()
                .both("/properties/tenant", "{\"pattern\": \"^[a-z]+$\"}")
                .now("/properties/tenant/pattern", "\"^[a-z0-9]+$\"")
                .diff()
                .changes()
                .get(0);

        assertThat(change.explanation())
                .contains(
                        "claim 'tenant'",
                        "^[a-z]+$",
                        "^[a-z0-9]+$",
                        "cannot be decided in general",
                        "both tightened and loosened");
    }

    @Test
    void betweenWhenClaimMadeRequiredThenExplanationNamesClaim() {
        Change change = DiffPair.minimal()
                .now("/required/3", "\"scope\"")
                .diff()
                .changes()
                .get(0);

        assertThat(change.explanation()).isEqualTo("claim 'scope' is now required; tokens without it are rejected");
    }

    @Test
    void betweenWhenSeveralChangesThenSameOrderEveryTime() {
        DiffPair pair = DiffPair.minimal()
                .now("/x-jose/alg", "[\"RS256\", \"PS256\", \"ES256\"]")
                .now("/x-jose/typ", "[\"jwt\"]")
                .now("/required/3", "\"scope\"")
                .now("/properties/tenant", "{\"type\": \"string\"}")
                .now("/title", "\"t\"");

        assertThat(pair.summary())
                .containsExactly(
                        "alg-added [PW] /x-jose/alg",
                        "typ-removed [C] /x-jose/typ",
                        "typ-added [PW] /x-jose/typ",
                        "title-changed [X] /title",
                        "required-added [C] /required",
                        "property-added [C] /properties/tenant");
        assertThat(pair.summary()).isEqualTo(pair.summary());
    }

    @Test
    void betweenWhenReversedThenClassesMirror() {
        DiffPair forward = DiffPair.minimal().now("/required/3", "\"scope\"").now("/properties/exp/maximum", "100");
        DiffPair backward = DiffPair.minimal().old("/required/3", "\"scope\"").old("/properties/exp/maximum", "100");

        assertThat(forward.summary())
                .containsExactly("required-added [C] /required", "maximum-added [C] /properties/exp/maximum");
        assertThat(backward.summary())
                .containsExactly("required-removed [P] /required", "maximum-removed [P] /properties/exp/maximum");
    }

    @Test
    void refusedByWhenWideningOnlyThenRefusedUnlessAcknowledgedOrNone() {
        ContractDiff diff = DiffPair.minimal()
                .now("/x-authorization/operations/write", "{\"scopes\": [\"data.write\"]}")
                .diff();

        assertThat(diff.changes()).hasSize(1);
        assertThat(diff.refusedBy(CompatibilityMode.FULL_TRANSITIVE, false)).hasSize(1);
        assertThat(diff.refusedBy(CompatibilityMode.FULL_TRANSITIVE, true)).isEmpty();
        assertThat(diff.refusedBy(CompatibilityMode.NONE, false)).isEmpty();
    }

    @Test
    void betweenWhenPropertyRemovedThenTheNewContractIsDescribedInThePresentTense() {
        var changes = DiffPair.minimal()
                .old("/properties/tenant", "{\"type\": \"string\"}")
                .diff()
                .changes();

        // the old contract "accepted"; the new one "accepts": a past tense for the new version reads as a bug report
        assertThat(changes)
                .singleElement()
                .satisfies(c -> assertThat(c.explanation())
                        .contains("no longer declared; the new contract accepts any value (open content model)"));
    }
}
