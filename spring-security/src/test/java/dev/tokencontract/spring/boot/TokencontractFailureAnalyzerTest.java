package dev.tokencontract.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TokencontractFailureAnalyzerTest {

    @Test
    void analyzeWhenAudienceMissingThenBootsReportNamesThePropertyAndTheFix() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TokencontractAutoConfiguration.class))
                .withPropertyValues(
                        "tokencontract.contract=mcp-access-token@1",
                        "tokencontract.issuer-uri=https://login.example.test")
                .run(context -> {
                    FailureAnalysis analysis = new TokencontractFailureAnalyzer().analyze(context.getStartupFailure());

                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).startsWith("tokencontract.audience is required");
                    assertThat(analysis.getAction()).contains("docs/spring.md");
                });
    }
}
