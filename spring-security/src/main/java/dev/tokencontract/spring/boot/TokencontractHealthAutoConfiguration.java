package dev.tokencontract.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code tokencontract} health indicator, only when Spring Boot's health support (spring-boot-actuator)
 * is on the classpath.
 */
@AutoConfiguration(after = TokencontractAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(TokencontractSettings.class)
public class TokencontractHealthAutoConfiguration {

    @Bean(name = "tokencontractHealthIndicator")
    @ConditionalOnMissingBean(name = "tokencontractHealthIndicator")
    TokencontractHealthIndicator tokencontractHealthIndicator(TokencontractSettings settings) {
        return new TokencontractHealthIndicator(settings);
    }
}
