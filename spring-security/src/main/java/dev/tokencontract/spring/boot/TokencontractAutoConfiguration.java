package dev.tokencontract.spring.boot;

import dev.tokencontract.mcp.DecisionLog;
import dev.tokencontract.spring.ContractAuthoritiesConverter;
import dev.tokencontract.spring.McpAuthenticationEntryPoint;
import dev.tokencontract.spring.McpOriginFilter;
import dev.tokencontract.spring.McpResourceMetadataFilter;
import dev.tokencontract.spring.McpToolAuthorizationFilter;
import dev.tokencontract.spring.StrictBearerTokenResolver;
import dev.tokencontract.spring.TokencontractJwtDecoder;
import dev.tokencontract.validator.AccessTokenValidator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Secures a servlet web application (a Spring AI MCP server) with a pinned token contract from
 * {@code tokencontract.*} alone: a {@link TokencontractJwtDecoder} (full validation in one pass), the MCP
 * challenges ({@link McpAuthenticationEntryPoint}), the RFC 9728 metadata document, the Origin check, and
 * tool permissions from the contract ({@link McpToolAuthorizationFilter}). Every bean backs off when the
 * application defines its own; an application-defined {@link SecurityFilterChain} replaces the chain here.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnClass({JwtDecoder.class, SecurityFilterChain.class})
@ConditionalOnProperty(prefix = "tokencontract", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(TokencontractProperties.class)
public class TokencontractAutoConfiguration {

    @Bean
    TokencontractSettings tokencontractSettings(TokencontractProperties properties) {
        return new TokencontractSettings(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    AccessTokenValidator tokencontractValidator(TokencontractSettings settings) {
        return settings.validator();
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    TokencontractJwtDecoder tokencontractJwtDecoder(AccessTokenValidator validator) {
        return new TokencontractJwtDecoder(validator);
    }

    @Bean
    @ConditionalOnMissingBean
    McpAuthenticationEntryPoint tokencontractEntryPoint(TokencontractSettings settings) {
        return new McpAuthenticationEntryPoint(
                settings.metadataUrl(),
                McpToolAuthorizationFilter.scopesOf(settings.contract().authorization()),
                DecisionLog.slf4j());
    }

    /** The chain, in its own class so that {@code @EnableWebSecurity} is only imported for servlet web applications. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    @EnableWebSecurity
    static class McpSecurityChain {

        @Bean
        SecurityFilterChain tokencontractSecurityFilterChain(
                HttpSecurity http,
                TokencontractSettings settings,
                JwtDecoder decoder,
                McpAuthenticationEntryPoint entryPoint)
                throws Exception {
            TokencontractProperties properties = settings.properties();
            var rules = settings.contract().authorization();
            McpResourceMetadataFilter metadata = new McpResourceMetadataFilter(
                    settings.resource(),
                    settings.issuerUris(),
                    McpToolAuthorizationFilter.scopesOf(rules),
                    properties.resourceName());
            JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
            authentication.setJwtGrantedAuthoritiesConverter(new ContractAuthoritiesConverter(rules));
            // these filters are created here, not as beans: as beans the servlet container would also run them
            // outside the security chain, before any authentication
            http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for a forged request to ride on
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(cache -> cache.disable())
                    .authorizeHttpRequests(
                            a -> a.requestMatchers(metadata.paths().toArray(String[]::new))
                                    .permitAll()
                                    .anyRequest()
                                    .authenticated())
                    .oauth2ResourceServer(o -> o.jwt(
                                    jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authentication))
                            .bearerTokenResolver(new StrictBearerTokenResolver())
                            .authenticationEntryPoint(entryPoint)
                            .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                                @Override
                                public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                    // Spring's default handler rethrows "could not check" as a 500; ours answers 503
                                    filter.setAuthenticationFailureHandler(entryPoint);
                                    return filter;
                                }
                            }))
                    .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                    .addFilterBefore(
                            new McpOriginFilter(
                                    properties.endpoint(), settings.resource(), properties.allowedOrigins()),
                            BearerTokenAuthenticationFilter.class)
                    // before Spring Security 7's own metadata filter, which would describe the request URL instead of
                    // the
                    // resource and claim certificate-bound tokens
                    .addFilterBefore(metadata, HeaderWriterFilter.class)
                    .addFilterAfter(
                            new McpToolAuthorizationFilter(
                                    properties.endpoint(),
                                    rules,
                                    properties.tenantClaim(),
                                    settings.contract().reference(),
                                    settings.metadataUrl(),
                                    properties.maxBodyBytes(),
                                    DecisionLog.slf4j()),
                            BearerTokenAuthenticationFilter.class);
            return http.build();
        }
    }
}
