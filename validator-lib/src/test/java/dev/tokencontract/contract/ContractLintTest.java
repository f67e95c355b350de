package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.testing.TestContracts;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Each lint rule produces its code at a pointer; the bundled contracts and the minimal fixture lint clean. */
class ContractLintTest {

    private static LintReport lint(ObjectNode contract) {
        return Contracts.lint(contract.toString());
    }

    private static ObjectNode properties(ObjectNode contract) {
        return (ObjectNode) contract.get("properties");
    }

    static Stream<Arguments> bundledContracts() {
        return Contracts.listBundled().stream()
                .flatMap(c -> c.versions().stream().map(v -> Arguments.of(c.name(), v)));
    }

    @ParameterizedTest
    @MethodSource("bundledContracts")
    void lintWhenBundledContractThenNoFindings(String name, String version) {
        LintReport report = Contracts.lint(TestContracts.bundledText(name, version));

        assertThat(report.findings()).isEmpty();
        assertThat(report.contract())
                .hasValueSatisfying(c -> assertThat(c.reference()).isEqualTo(name + "@" + version));
    }

    @Test
    void listBundledWhenCalledThenIncludesTokenAndMetadataContracts() {
        assertThat(Contracts.listBundled())
                .extracting(BundledContract::name)
                .containsExactlyInAnyOrder(
                        "mcp-access-token",
                        "rfc9068-access-token",
                        "oidc-discovery",
                        "oauth-authorization-server",
                        "mcp-authorization-server",
                        "oauth-protected-resource",
                        "registry-publisher");
    }

    @Test
    void lintWhenMinimalFixtureThenNoFindings() {
        assertThat(lint(TestContracts.minimal()).findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "[1,2", "'single'", "{} {}", "tokencontract"})
    void lintWhenNotJsonThenNotJsonAtRoot(String text) {
        LintReport report = Contracts.lint(text);

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_NOT_JSON, ""));
        assertThat(report.contract()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Minimal_Token", "-token", "token-", "a..b", "tôken", ""})
    void lintWhenNameBreaksTheConventionThenMetaSchemaAtName(String name) {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.get("x-contract")).put("name", name);

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.LINT_META_SCHEMA, "/x-contract/name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.0", "v1.0.0", "01.0.0", "1.0.0.0", "1.0.0-", "latest"})
    void lintWhenVersionIsNotSemverThenMetaSchemaAtVersion(String version) {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.get("x-contract")).put("version", version);

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.LINT_META_SCHEMA, "/x-contract/version"));
    }

    @Test
    void lintWhenVersionHasPrereleaseThenAccepted() {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.get("x-contract")).put("version", "1.0.0-rc.1");
        contract.put("$id", "https://tokencontract.dev/contracts/minimal-token/1.0.0-rc.1");

        assertThat(lint(contract).findings()).isEmpty();
    }

    @Test
    void lintWhenKindUnknownThenMetaSchemaAtKind() {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.get("x-contract")).put("kind", "saml-assertion");

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_META_SCHEMA, "/x-contract/kind"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "version", "kind", "owner"})
    void lintWhenContractAnnotationFieldMissingThenMetaSchemaAtThatField(String field) {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.get("x-contract")).remove(field);

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.LINT_META_SCHEMA, "/x-contract/" + field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-contract", "$schema", "$id"})
    void lintWhenTopLevelAnnotationMissingThenMetaSchemaAtIt(String member) {
        ObjectNode contract = TestContracts.minimal();
        contract.remove(member);

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.LINT_META_SCHEMA, "/" + member));
    }

    @Test
    void lintWhenSchemaIsAnOlderDraftThenMetaSchemaAtSchema() {
        ObjectNode contract = TestContracts.minimal().put("$schema", "http://json-schema.org/draft-07/schema#");

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.LINT_META_SCHEMA, "/$schema"));
    }

    @Test
    void lintWhenUnknownJoseMemberThenMetaSchema() {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.get("x-jose")).put("maxLifetime", 3600);

        assertThat(lint(contract).findings()).extracting(Finding::code).containsExactly(FindingCode.LINT_META_SCHEMA);
    }

    @Test
    void lintWhenTypeIsANumberThenInvalidSchemaAtType() {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) properties(contract).get("iss")).put("type", 5);

        LintReport report = lint(contract);

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.LINT_INVALID_SCHEMA, "/properties/iss/type"));
        assertThat(report.findings()).extracting(Finding::code).containsOnly(FindingCode.LINT_INVALID_SCHEMA);
    }

    @Test
    void lintWhenMinLengthNegativeThenInvalidSchemaAtMinLength() {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) properties(contract).get("iss")).put("minLength", -1);

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_INVALID_SCHEMA, "/properties/iss/minLength"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[unclosed", "(", "a{2,1}", "*a", "\\"})
    void lintWhenPatternIsNotARegexThenInvalidSchemaAtPattern(String pattern) {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) properties(contract).get("iss")).put("pattern", pattern);

        LintReport report = lint(contract);

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_INVALID_SCHEMA, "/properties/iss/pattern"));
        assertThat(report.contract()).isEmpty();
    }

    @Test
    void lintWhenPatternPropertiesNameIsNotARegexThenInvalidSchema() {
        ObjectNode contract = TestContracts.minimal();
        contract.putObject("patternProperties").putObject("(").put("type", "string");

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_INVALID_SCHEMA, "/patternProperties"));
    }

    @Test
    void lintWhenLocalReferencePointsAtNothingThenInvalidSchemaAtTheRef() {
        ObjectNode contract = TestContracts.minimal();
        properties(contract).putObject("tenant").put("$ref", "#/$defs/tenant");

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_INVALID_SCHEMA, "/properties/tenant/$ref"));
    }

    @Test
    void lintWhenLocalReferenceIsPercentEncodedThenResolved() {
        ObjectNode contract = TestContracts.minimal();
        contract.putObject("$defs").putObject("tenant id").put("type", "string");
        properties(contract).putObject("tenant").put("$ref", "#/$defs/tenant%20id");

        assertThat(lint(contract).findings()).isEmpty();
    }

    @Test
    void lintWhenPointerTokenHasLeadingZerosThenValidContractPasses() {
        ObjectNode contract = TestContracts.minimal();
        contract.putObject("$defs").putObject("012").putObject("x").put("type", "string");
        properties(contract).putObject("t").put("$ref", "#/$defs/012/x");

        LintReport report = lint(contract);

        assertThat(report.findings()).isEmpty();
        assertThat(report.contract()).hasValueSatisfying(c -> {
            String claims = "{\"iss\":\"https://i.example\",\"aud\":\"a\",\"exp\":1,\"t\":";
            assertThat(c.check(TestContracts.object(claims + "\"s\"}"), "")).isEmpty();
            assertThat(c.check(TestContracts.object(claims + "1}"), ""))
                    .extracting(Finding::code, Finding::pointer)
                    .containsExactly(tuple(FindingCode.CLAIM_TYPE_MISMATCH, "/t"));
            // the contract's own document is what the author wrote: the anchor rewrite is only for the engine
            assertThat(c.document().toString()).doesNotContain("$anchor");
        });
    }

    @Test
    void lintWhenRequiredClaimUndeclaredThenRequiredUndeclaredAtItsIndex() {
        ObjectNode contract = TestContracts.minimal();
        ((ArrayNode) contract.get("required")).add("tenant_id");

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::severity, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_REQUIRED_UNDECLARED, Severity.ERROR, "/required/3"));
    }

    @Test
    void lintWhenNestedRequiredUndeclaredThenRequiredUndeclaredAtTheNestedSchema() {
        ObjectNode contract = TestContracts.minimal();
        ObjectNode act = properties(contract).putObject("act").put("type", "object");
        act.putArray("required").add("sub");
        act.putObject("properties").putObject("client_id").put("type", "string");

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_REQUIRED_UNDECLARED, "/properties/act/required/0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "aud", "exp"})
    void lintWhenAccessTokenClaimNotRequiredThenClaimNotRequired(String claim) {
        ObjectNode contract = TestContracts.minimal();
        ArrayNode required = contract.putArray("required");
        Stream.of("iss", "aud", "exp").filter(c -> !c.equals(claim)).forEach(required::add);

        LintReport report = lint(contract);

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_CLAIM_NOT_REQUIRED, "/required"));
        assertThat(report.findings().get(0).expected()).contains("'" + claim + "'");
    }

    @Test
    void lintWhenIdpMetadataContractOmitsTokenClaimsThenNoClaimNotRequired() {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.get("x-contract")).put("kind", "idp-metadata");
        contract.remove("x-jose");
        contract.remove("x-authorization");
        contract.putArray("required");

        assertThat(lint(contract).findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"string", "array"})
    void lintWhenAudAcceptsOnlyOneShapeThenAudShape(String onlyType) {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) properties(contract).get("aud")).put("type", onlyType);

        LintReport report = lint(contract);

        String refused = onlyType.equals("string") ? "an array" : "a string";
        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer, Finding::actual)
                .containsExactly(tuple(FindingCode.LINT_AUD_SHAPE, "/properties/aud", "refuses " + refused));
    }

    @Test
    void lintWhenAudIsOneOfStringOrArrayThenAccepted() {
        ObjectNode contract = TestContracts.minimal();
        ObjectNode aud = properties(contract).putObject("aud");
        aud.putArray("oneOf")
                .add(TestContracts.object("{\"type\":\"string\"}"))
                .add(TestContracts.object("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"));

        assertThat(lint(contract).findings()).isEmpty();
    }

    @Test
    void lintWhenJoseMissingThenJoseMissing() {
        ObjectNode contract = TestContracts.minimal();
        contract.remove("x-jose");

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_JOSE_MISSING, "/x-jose"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE"})
    void lintWhenAlgNoneListedThenAlgNoneAtTheEntry(String none) {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.get("x-jose")).putArray("alg").add("RS256").add(none);

        LintReport report = lint(contract);

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(FindingCode.LINT_ALG_NONE, "/x-jose/alg/1"));
        assertThat(report.passed()).isFalse();
    }

    @Test
    void lintWhenHmacAndPublicKeyAlgorithmsMixedThenWarningOnlyAndContractUsable() {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.get("x-jose")).putArray("alg").add("RS256").add("HS256");

        LintReport report = lint(contract);

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer, Finding::severity)
                .containsExactly(tuple(FindingCode.LINT_ALG_MIXED, "/x-jose/alg", Severity.WARNING));
        assertThat(report.passed()).isTrue();
        assertThat(report.contract()).isPresent();
    }

    @Test
    void lintWhenIdDoesNotNameNameAndVersionThenWarningOnly() {
        ObjectNode contract =
                TestContracts.minimal().put("$id", "https://tokencontract.dev/contracts/minimal-token/2.0.0");

        LintReport report = lint(contract);

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer, Finding::severity)
                .containsExactly(tuple(FindingCode.LINT_ID_MISMATCH, "/$id", Severity.WARNING));
        assertThat(report.contract()).isPresent();
    }

    @Test
    void lintWhenScopeClaimUndeclaredThenAuthzClaimUndeclaredAtScopeClaim() {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.get("x-authorization")).put("scopeClaim", "scp");

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_AUTHZ_CLAIM_UNDECLARED, "/x-authorization/scopeClaim"));
    }

    @Test
    void lintWhenDefaultRolesClaimUndeclaredThenAuthzClaimUndeclaredAtRolesClaim() {
        ObjectNode contract = TestContracts.minimal();
        properties(contract).remove("roles");

        assertThat(lint(contract).findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_AUTHZ_CLAIM_UNDECLARED, "/x-authorization/rolesClaim"));
    }

    @Test
    void lintWhenOperationGrantsNothingThenMetaSchema() {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.get("x-authorization").get("operations"))
                .putObject("everyone")
                .put("description", "no rule");

        assertThat(lint(contract).findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.LINT_META_SCHEMA);
            assertThat(f.pointer()).startsWith("/x-authorization/operations/everyone");
        });
    }

    @Test
    void lintWhenLargerThan256KibThenTooLarge() {
        ObjectNode contract = TestContracts.minimal();
        contract.put("description", "x".repeat(256 * 1024));

        LintReport report = lint(contract);

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_TOO_LARGE, ""));
    }

    @Test
    void lintWhenNestedDeeperThanTheJsonLimitThenTooLarge() {
        String deep = "[".repeat(100) + "]".repeat(100);
        String text = TestContracts.minimal().toString().replaceFirst("\\{", "{\"examples\":" + deep + ",");

        LintReport report = Contracts.lint(text);

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.LINT_TOO_LARGE, ""));
    }

    @Test
    void lintWhenSeveralRulesBrokenThenReportsEveryFinding() {
        ObjectNode contract = TestContracts.minimal();
        contract.remove("x-jose");
        ((ArrayNode) contract.get("required")).add("tenant_id");
        properties(contract).putObject("upstream").put("$ref", "https://example.test/claims.json");

        assertThat(lint(contract).findings())
                .extracting(Finding::code)
                .containsExactlyInAnyOrder(
                        FindingCode.LINT_JOSE_MISSING,
                        FindingCode.LINT_REQUIRED_UNDECLARED,
                        FindingCode.LINT_REMOTE_REF);
    }
}
