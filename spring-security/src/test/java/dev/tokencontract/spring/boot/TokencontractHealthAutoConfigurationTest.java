package dev.tokencontract.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TokencontractHealthAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    TokencontractAutoConfiguration.class, TokencontractHealthAutoConfiguration.class))
            .withPropertyValues(
                    "tokencontract.contract=mcp-access-token@1",
                    "tokencontract.audience=https://crm.example.test/mcp",
                    "tokencontract.issuer-uri=https://login.example.test",
                    "tokencontract.jwks-uri=https://login.example.test/jwks.json");

    @Test
    void startWhenHealthSupportPresentThenTheTokencontractIndicator() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .hasSingleBean(TokencontractHealthIndicator.class)
                .hasBean("tokencontractHealthIndicator"));
    }

    @Test
    void startWhenActuatorAbsentThenNoIndicatorAndTheApplicationStillStarts() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(TokencontractHealthIndicator.class)
                        .hasSingleBean(TokencontractSettings.class));
    }

    @Test
    void startWhenTokencontractDisabledThenNoIndicator() {
        runner.withPropertyValues("tokencontract.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TokencontractHealthIndicator.class));
    }
}
