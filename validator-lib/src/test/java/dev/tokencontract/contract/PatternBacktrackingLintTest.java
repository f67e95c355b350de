package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.internal.PatternBacktracking;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.testing.TestContracts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** LINT_PATTERN_BACKTRACKING: patterns that can backtrack catastrophically are refused; ordinary ones pass. */
class PatternBacktrackingLintTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "(a+)+",
                "^(a*)*$",
                "(a|aa)+",
                "(\\w|\\d)*",
                "^(\\d+\\.?)+$",
                "(x+x+)+y",
                "^([a-z]+ ?)*$",
                "(?:a+)+b",
                "((ab)*)+",
                "(.*a){20}",
                "([a-z0-9]+)*@",
                "(a+){2,}",
                // issue 13: bounded nesting that splits text in ~10^10 ways, and polynomial chains of overlapping
                // repetitions
                "^(a{1,10}){1,10}$",
                "^[\\s\\S]*[\\s\\S]*[\\s\\S]*[\\s\\S]*x$",
                "(a+){3}",
                ".*.*.*x",
                "^.*a.*b.*$"
            })
    void riskWhenNestedRepetitionWithoutSeparatorOrOverlappingAlternativesThenFlagged(String pattern) {
        assertThat(PatternBacktracking.risk(pattern)).as(pattern).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
                "^[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*$",
                "^[a-z0-9]+([.-][a-z0-9]+)*$",
                "^(\\*|[a-z0-9]+([.-][a-z0-9]+)*)$",
                "([a-z]+-)*x",
                "(a+b)+",
                "^\\d{4}-\\d{2}-\\d{2}$",
                "(foo|bar)+",
                "a+b+c+",
                "(ab){1,3}",
                "^https://",
                "[unclosed",
                "(a+){2}",
                "(\\d{1,3}){1,4}",
                "^(\\d{1,3}\\.){3}\\d{1,3}$",
                ".*a.*",
                "^[A-Za-z][A-Za-z0-9+.-]*://[^?#]+$",
                "^[^@]+@[^@]+\\.[^@]+$"
            })
    void riskWhenLinearOrUnreadableThenNotFlagged(String pattern) {
        assertThat(PatternBacktracking.risk(pattern)).as(pattern).isEmpty();
    }

    @Test
    void lintWhenPatternOrPatternPropertyBacktracksThenErrorFindingAtItsPointer() {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.path("properties"))
                .putObject("tenant_id")
                .put("type", "string")
                .put("pattern", "^(a+)+$");
        contract.putObject("patternProperties").putObject("^(x|xx)*$").put("type", "string");

        LintReport report = Contracts.lint(contract.toString());

        assertThat(report.passed()).isFalse();
        List<Finding> findings = report.findings().stream()
                .filter(f -> f.code() == FindingCode.LINT_PATTERN_BACKTRACKING)
                .toList();
        assertThat(findings)
                .extracting(Finding::pointer)
                .containsExactlyInAnyOrder("/properties/tenant_id/pattern", "/patternProperties/^(x|xx)*$");
        assertThat(findings.get(0).message()).startsWith("The pattern can backtrack catastrophically: ");
        assertThat(findings.get(0).actual()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"^(a{1,10}){1,10}$", "^[\\s\\S]*[\\s\\S]*[\\s\\S]*[\\s\\S]*x$"})
    void lintWhenIssueThirteenPatternThenRefusedAtItsPointer(String pattern) {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.path("properties"))
                .putObject("tenant_id")
                .put("type", "string")
                .put("pattern", pattern);

        LintReport report = Contracts.lint(contract.toString());

        assertThat(report.passed()).isFalse();
        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer)
                .contains(org.assertj.core.api.Assertions.tuple(
                        FindingCode.LINT_PATTERN_BACKTRACKING, "/properties/tenant_id/pattern"));
    }

    @Test
    void lintWhenPatternNeedsLookaroundOrBackReferenceThenUnsupportedAndSchemaNotCompiled() {
        ObjectNode contract = TestContracts.minimal();
        ((ObjectNode) contract.path("properties"))
                .putObject("tenant_id")
                .put("type", "string")
                .put("pattern", "^(?!admin)[a-z]+$");
        contract.putObject("patternProperties").putObject("^(x)\\1$").put("type", "string");

        LintReport report = Contracts.lint(contract.toString());

        assertThat(report.passed()).isFalse();
        assertThat(report.findings())
                .filteredOn(f -> f.code() == FindingCode.LINT_PATTERN_UNSUPPORTED)
                .extracting(Finding::pointer)
                .containsExactlyInAnyOrder("/properties/tenant_id/pattern", "/patternProperties/^(x)\\1$");
        assertThat(report.findings())
                .extracting(Finding::message)
                .noneMatch(m -> m.startsWith("The schema does not compile"));
    }

    @Test
    void lintWhenEveryBundledContractThenNoBacktrackingFinding() {
        for (var bundled : Contracts.listBundled()) {
            for (String version : bundled.versions()) {
                String document = assertDoesNotThrow(bundled.name() + "@" + version);
                assertThat(Contracts.lint(document).findings())
                        .extracting(Finding::code)
                        .doesNotContain(FindingCode.LINT_PATTERN_BACKTRACKING, FindingCode.LINT_PATTERN_UNSUPPORTED);
            }
        }
    }

    private static String assertDoesNotThrow(String reference) {
        try {
            return Contracts.bundled(reference).document().toString();
        } catch (Exception e) {
            throw new AssertionError(reference, e);
        }
    }
}
