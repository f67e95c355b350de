package dev.tokencontract.spring.boot;

import dev.tokencontract.mcp.CallerIdentity;
import dev.tokencontract.spring.McpToolGuard;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import java.time.Duration;
import java.util.Map;
import org.springframework.ai.mcp.server.webmvc.transport.WebMvcStreamableServerTransportProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * With Spring AI's WebMVC MCP server (Streamable HTTP): the transport hands each tool handler the verified
 * {@link CallerIdentity} in its {@link McpTransportContext} (Spring AI's own transport hands over nothing),
 * and every tool specification bean is wrapped in {@link McpToolGuard}, a second check inside the handler.
 */
@AutoConfiguration(
        after = TokencontractAutoConfiguration.class,
        beforeName =
                "org.springframework.ai.mcp.server.webmvc.autoconfigure.McpServerStreamableHttpWebMvcAutoConfiguration")
@ConditionalOnClass({WebMvcStreamableServerTransportProvider.class, JacksonMcpJsonMapper.class})
// as Spring AI 2.0.1's own Streamable HTTP configuration: only when asked for (without the property it serves SSE)
@ConditionalOnProperty(prefix = "spring.ai.mcp.server", name = "protocol", havingValue = "STREAMABLE")
public class TokencontractMcpAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(TokencontractSettings.class)
    WebMvcStreamableServerTransportProvider webMvcStreamableServerTransportProvider(
            ObjectProvider<JsonMapper> jsonMapper, Environment env) {
        String prefix = "spring.ai.mcp.server.streamable-http.";
        WebMvcStreamableServerTransportProvider.Builder builder = WebMvcStreamableServerTransportProvider.builder()
                .jsonMapper(new JacksonMcpJsonMapper(
                        jsonMapper.getIfAvailable(() -> JsonMapper.builder().build())))
                .mcpEndpoint(env.getProperty(prefix + "mcp-endpoint", "/mcp"))
                .disallowDelete(env.getProperty(prefix + "disallow-delete", Boolean.class, false))
                .contextExtractor(request -> request.attribute(CallerIdentity.CONTEXT_KEY)
                        .filter(CallerIdentity.class::isInstance)
                        .map(identity -> McpTransportContext.create(Map.of(CallerIdentity.CONTEXT_KEY, identity)))
                        .orElse(McpTransportContext.EMPTY));
        Duration keepAlive = env.getProperty(prefix + "keep-alive-interval", Duration.class);
        if (keepAlive != null) {
            builder.keepAliveInterval(keepAlive);
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnBean(TokencontractSettings.class)
    static BeanPostProcessor tokencontractToolGuard(ObjectProvider<TokencontractSettings> settings) {
        return new McpToolGuard.PostProcessor(
                () -> settings.getObject().contract().authorization());
    }
}
