package dev.tokencontract.examples.crm;

import dev.tokencontract.mcp.CallerIdentity;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The four CRM tools. Handlers read the caller from the transport context, never from a token. Public so that
 * the Spring example ({@code examples/spring-crm-mcp-server}) serves exactly these tools.
 */
public final class CrmTools {
    private final Crm crm;

    public CrmTools(Crm crm) {
        this.crm = crm;
    }

    public List<SyncToolSpecification> all() {
        return List.of(
                tool(
                        "getCustomer",
                        "Read a customer record of your tenant.",
                        Map.of("customerId", string()),
                        List.of("customerId"),
                        (caller, args) -> crm.customer(caller.tenant(), text(args, "customerId"))
                                .map(c -> ok(c.id() + " " + c.name() + " status=" + c.status()))
                                .orElseGet(() -> error(
                                        "no customer " + text(args, "customerId") + " in tenant " + caller.tenant()))),
                tool(
                        "updateAccountStatus",
                        "Change a customer's account status (active, suspended, closed).",
                        Map.of(
                                "customerId",
                                string(),
                                "status",
                                Map.of("type", "string", "enum", List.copyOf(Crm.STATUSES))),
                        List.of("customerId", "status"),
                        (caller, args) -> {
                            String status = text(args, "status");
                            if (!Crm.STATUSES.contains(status)) {
                                return error("status must be one of " + Crm.STATUSES);
                            }
                            return crm.updateStatus(
                                            caller.tenant(),
                                            text(args, "customerId"),
                                            status,
                                            caller.subject(),
                                            caller.actor().orElse(null))
                                    .map(c -> ok(c.id() + " status=" + c.status() + " (recorded for " + caller.subject()
                                            + ")"))
                                    .orElseGet(() -> error("no customer " + text(args, "customerId") + " in tenant "
                                            + caller.tenant()));
                        }),
                tool(
                        "lookupEmployee",
                        "Read an employee record (HR only).",
                        Map.of("employeeId", string()),
                        List.of("employeeId"),
                        (caller, args) -> crm.employee(caller.tenant(), text(args, "employeeId"))
                                .map(e ->
                                        ok(e.id() + " " + e.name() + " " + e.department() + " band=" + e.salaryBand()))
                                .orElseGet(() -> error(
                                        "no employee " + text(args, "employeeId") + " in tenant " + caller.tenant()))),
                tool(
                        "toggleFeature",
                        "Switch a feature flag for your tenant (admin only).",
                        Map.of("feature", string(), "enabled", Map.of("type", "boolean")),
                        List.of("feature", "enabled"),
                        (caller, args) -> {
                            Object enabled = args.get("enabled");
                            if (!(enabled instanceof Boolean flag)) {
                                return error("enabled must be true or false");
                            }
                            return crm.toggleFeature(
                                            caller.tenant(),
                                            text(args, "feature"),
                                            flag,
                                            caller.subject(),
                                            caller.actor().orElse(null))
                                    ? ok("feature " + text(args, "feature") + "=" + flag + " for tenant "
                                            + caller.tenant())
                                    : error("no feature " + text(args, "feature"));
                        }));
    }

    private static SyncToolSpecification tool(
            String name,
            String description,
            Map<String, Object> properties,
            List<String> required,
            BiFunction<CallerIdentity, Map<String, Object>, CallToolResult> handler) {
        Tool tool = Tool.builder(
                        name,
                        Map.of(
                                "type",
                                "object",
                                "properties",
                                properties,
                                "required",
                                required,
                                "additionalProperties",
                                false))
                .description(description)
                .build();
        return new SyncToolSpecification(tool, (McpSyncServerExchange exchange, CallToolRequest request) -> {
            // the guard in front has already refused calls without an identity
            CallerIdentity caller = CallerIdentity.from(exchange).orElseThrow();
            return handler.apply(caller, request.arguments() == null ? Map.of() : request.arguments());
        });
    }

    private static Map<String, Object> string() {
        return Map.of("type", "string", "maxLength", 64);
    }

    private static String text(Map<String, Object> args, String name) {
        Object value = args.get(name);
        return value instanceof String s ? s : "";
    }

    private static CallToolResult ok(String text) {
        return CallToolResult.builder().addTextContent(text).build();
    }

    private static CallToolResult error(String text) {
        return CallToolResult.builder().isError(true).addTextContent(text).build();
    }
}
