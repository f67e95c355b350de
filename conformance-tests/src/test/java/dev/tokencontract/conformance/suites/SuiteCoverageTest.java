package dev.tokencontract.conformance.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.conformance.Kit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 4 §1: coverage is visible to users of the suites and can be required, not only in the engine. */
class SuiteCoverageTest {
    private static final String SAME = CompatSuite.name(Kit.MCP, Kit.MCP);

    @Test
    void runWhenRequiredCoverageComesUpThenPassesAndReportShowsTheCoverage() {
        SuiteResult result = CompatSuite.check(
                Kit.MCP,
                Kit.MCP,
                SuiteSettings.of(100, 5L)
                        .requireCoverage(SAME, "type=string@#/$defs/audience", "type=array@#/$defs/audience"));

        assertThat(result.passed()).as(result.report()).isTrue();
        assertThat(result.report()).contains("type=array@#/$defs/audience", "%");
    }

    @Test
    void runWhenRequiredCoverageNeverComesUpThenTheSuiteFails() {
        SuiteResult result = CompatSuite.check(
                Kit.MCP, Kit.MCP, SuiteSettings.of(20, 5L).requireCoverage(SAME, "type=number@#/$defs/audience"));

        assertThat(result.passed()).isFalse();
        assertThat(result.failures())
                .first()
                .extracting(PropertyReport::reason)
                .asString()
                .contains("never produced required case(s) [type=number@#/$defs/audience]");
        assertThat(result.report()).contains("coverage over 20 tries:", "type=string@#/$defs/audience");
    }

    @Test
    void consumerWhenDocsRequirementOfBothAudFormsAndEveryAlgThenHonestConsumerPasses() {
        SuiteResult result = ConsumerSuite.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS)
                .strangerKeys(Kit.STRANGER)
                .clock(Kit.CLOCK)
                .issuer(Kit.ISSUER)
                .audience(Kit.AUDIENCE)
                .consumer(TokenConsumer.of(Kit.judge(Kit.MCP)))
                .build()
                .run(SuiteSettings.of(50, 11L) // the requirement docs/conformance.md shows
                        .requireCoverage(
                                ConsumerSuite.ACCEPTS_VALID,
                                "type=string@#/$defs/audience",
                                "type=array@#/$defs/audience",
                                "alg RS256",
                                "alg PS256",
                                "alg ES256"));

        assertThat(result.passed()).as(result.report()).isTrue();
        assertThat(result.property(ConsumerSuite.ACCEPTS_VALID).coverage()).contains("alg PS256");
    }

    @Test
    void runWhenCoverageRequiredOfAPropertyTheSuiteDoesNotRunThenTheSuiteFails() {
        SuiteResult result = CompatSuite.check(
                Kit.MCP,
                Kit.MCP,
                SuiteSettings.of(5, 5L).requireCoverage("consumer accepts valid tokens", "alg ES256"));

        assertThat(result.passed()).isFalse();
        assertThat(result.report()).contains("coverage of consumer accepts valid tokens", "this suite does not run");
    }

    @Test
    void defaultsWhenSeedPropertyIsGarbageThenClearError() {
        String before = System.getProperty("tokencontract.seed");
        System.setProperty("tokencontract.seed", "0xnope");
        try {
            assertThatThrownBy(SuiteSettings::defaults)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-Dtokencontract.seed must be a long, got '0xnope'");
        } finally {
            if (before == null) {
                System.clearProperty("tokencontract.seed");
            } else {
                System.setProperty("tokencontract.seed", before);
            }
        }
    }

    @Test
    void assertPassedWhenSuitePassesThenPrintsItsSeed() {
        SuiteResult result = CompatSuite.check(Kit.MCP, Kit.MCP, SuiteSettings.of(3, 77L));
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            result.assertPassed();
        } finally {
            System.setOut(before);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("[suite] compat", "PASSED", "seed 77");
    }
}
