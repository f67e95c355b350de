package dev.tokencontract.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractKind;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.contract.LintReport;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The token-only lint rules apply to jwt-access-token contracts only; metadata contracts have their own. */
class MetadataContractLintTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ObjectNode contract(String kind) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("$id", "https://tokencontract.dev/contracts/acme-idp/1.0.0");
        doc.putObject("x-contract")
                .put("name", "acme-idp")
                .put("version", "1.0.0")
                .put("kind", kind)
                .put("owner", "acme");
        doc.put("type", "object");
        doc.putArray("required").add("issuer");
        doc.putObject("properties").putObject("issuer").put("type", "string");
        return doc;
    }

    @ParameterizedTest
    @ValueSource(strings = {"idp-metadata", "protected-resource-metadata"})
    void lintWhenMetadataContractWithoutIssAudExpOrJoseThenClean(String kind) {
        LintReport report = Contracts.lint(contract(kind).toString());

        assertThat(report.findings()).isEmpty();
        assertThat(report.contract())
                .hasValueSatisfying(c -> assertThat(c.kind().id()).isEqualTo(kind));
    }

    @Test
    void lintWhenTokenContractWithTheSameBodyThenTokenRulesStillApply() {
        LintReport report = Contracts.lint(contract("jwt-access-token").toString());

        assertThat(report.findings())
                .extracting(Finding::code)
                .contains(FindingCode.LINT_CLAIM_NOT_REQUIRED, FindingCode.LINT_JOSE_MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-jose", "x-authorization"})
    void lintWhenMetadataContractCarriesTokenAnnotationThenRefused(String annotation) {
        ObjectNode doc = contract("idp-metadata");
        if (annotation.equals("x-jose")) {
            doc.putObject("x-jose").putArray("alg").add("RS256");
        } else {
            doc.putObject("x-authorization")
                    .putObject("operations")
                    .putObject("read")
                    .putArray("scopes")
                    .add("r");
        }

        assertThat(Contracts.lint(doc.toString()).findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FindingCode.LINT_TOKEN_ANNOTATION, "/" + annotation));
    }

    @ParameterizedTest
    @ValueSource(strings = {"idp-metadata", "protected-resource-metadata"})
    void lintWhenMetadataContractRequiresAnUndeclaredNameThenWarningAndStillUsable(String kind) {
        ObjectNode doc = contract(kind);
        ((tools.jackson.databind.node.ArrayNode) doc.get("required")).add("jwks_uri");

        LintReport report = Contracts.lint(doc.toString());

        // JSON Schema allows a required name without a properties entry: only a jwt-access-token contract refuses it
        assertThat(report.findings())
                .extracting(Finding::code, Finding::severity, Finding::pointer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        FindingCode.LINT_REQUIRED_UNDECLARED, Severity.WARNING, "/required/1"));
        assertThat(report.passed()).isTrue();
        assertThat(report.contract()).isPresent();
    }

    @Test
    void lintWhenRecommendedMemberUndeclaredThenRefused() {
        ObjectNode doc = contract("idp-metadata");
        doc.putArray("x-recommended").add("issuer").add("userinfo_endpoint");

        assertThat(Contracts.lint(doc.toString()).findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FindingCode.LINT_REQUIRED_UNDECLARED, "/x-recommended/1"));
    }

    @Test
    void lintWhenRecommendedIsNotAnArrayOfStringsThenMetaSchema() {
        ObjectNode doc = contract("idp-metadata");
        doc.put("x-recommended", "issuer");

        assertThat(Contracts.lint(doc.toString()).findings())
                .extracting(Finding::code)
                .contains(FindingCode.LINT_META_SCHEMA);
    }

    @Test
    void tokenValidatorWhenGivenAMetadataContractThenRefusesToBuild() throws Exception {
        Contract mcp = Contracts.bundled("mcp-authorization-server@1.0.0");

        assertThat(mcp.kind()).isEqualTo(ContractKind.IDP_METADATA);
        assertThat(mcp.jose()).isNull();
        assertThatThrownBy(() -> TokenValidator.builder()
                        .contract(mcp)
                        .keys(KeySource.none())
                        .ignoreIssuer()
                        .ignoreAudience()
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a token contract");
    }

    @Test
    void idpChecksWhenGivenATokenContractThenRefusesIt() throws Exception {
        Contract token = Contracts.bundled("mcp-access-token@1.0.0");

        assertThatThrownBy(
                        () -> IdpChecks.withDefaults().checkMetadata("{}", "x", null, List.of(token), JwksInput.skip()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not idp-metadata");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "null",
                "[]",
                "5",
                "\"s\"",
                "{\"issuer\": 5}",
                "{\"issuer\": null, \"jwks_uri\": []}",
                "{\"issuer\": \"https://a\", \"id_token_signing_alg_values_supported\": \"none\"}",
                "{\"issuer\": \"{}{}{}{{{{\", \"token_endpoint\": \"\\u0000\"}",
                "{\"a\":1,\"a\":2}"
            })
    void checkMetadataWhenHostileThenFindingsNeverAnException(String text) throws Exception {
        var report = IdpChecks.withDefaults()
                .checkMetadata(
                        text, "x", "https://a", List.of(Contracts.bundled("oidc-discovery@1.0.0")), JwksInput.skip());

        assertThat(report.passed()).isFalse();
    }
}
