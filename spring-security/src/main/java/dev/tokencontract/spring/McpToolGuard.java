package dev.tokencontract.spring;

import dev.tokencontract.contract.AuthorizationRules;
import dev.tokencontract.mcp.AuthorizationDecision;
import dev.tokencontract.mcp.CallerIdentity;
import dev.tokencontract.mcp.DecisionLog;
import dev.tokencontract.mcp.DecisionReason;
import dev.tokencontract.spring.internal.ToolDecisions;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * A second check inside each MCP tool handler: a handler that runs without a verified {@link CallerIdentity}
 * (the security chain is not in front of the endpoint) or for a caller the contract does not grant the tool
 * answers an error result, and the denial is logged. The chain has already decided; this is the second line.
 */
public final class McpToolGuard {
    private McpToolGuard() {}

    public static SyncToolSpecification guard(SyncToolSpecification tool, AuthorizationRules rules, DecisionLog log) {
        String name = tool.tool().name();
        return new SyncToolSpecification(tool.tool(), (exchange, request) -> {
            CallerIdentity caller = CallerIdentity.from(exchange).orElse(null);
            AuthorizationDecision decision = caller == null
                    ? new AuthorizationDecision(
                            false,
                            DecisionReason.NO_IDENTITY,
                            name,
                            null,
                            List.of(),
                            "the tool ran without a verified identity; is the security chain in front of the endpoint?")
                    : ToolDecisions.decide(rules, name, caller);
            if (!decision.allowed()) {
                log.record(decision);
                return CallToolResult.builder()
                        .isError(true)
                        .addTextContent("denied: " + decision.reason() + " " + String.join(" ", decision.missing()))
                        .build();
            }
            return tool.callHandler().apply(exchange, request);
        });
    }

    /** Wraps every {@link SyncToolSpecification} bean, alone or in a {@code List} bean. */
    public static final class PostProcessor implements BeanPostProcessor {
        private final Supplier<AuthorizationRules> rules;

        public PostProcessor(Supplier<AuthorizationRules> rules) {
            this.rules = rules;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof SyncToolSpecification tool) {
                return guard(tool, rules.get(), DecisionLog.slf4j());
            }
            if (bean instanceof List<?> list
                    && !list.isEmpty()
                    && list.stream().allMatch(SyncToolSpecification.class::isInstance)) {
                List<SyncToolSpecification> guarded = new ArrayList<>();
                list.forEach(
                        item -> guarded.add(guard((SyncToolSpecification) item, rules.get(), DecisionLog.slf4j())));
                return List.copyOf(guarded);
            }
            return bean;
        }
    }
}
