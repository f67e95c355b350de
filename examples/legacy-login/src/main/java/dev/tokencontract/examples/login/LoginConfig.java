package dev.tokencontract.examples.login;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How the legacy login runs. Secrets never come from arguments: the hub's client secret is read from
 * {@code HUB_CLIENT_SECRET} (a demo value, with a warning, when unset).
 *
 * @param port         HTTP port; 0 picks a free one
 * @param issuer       the {@code iss} value; {@code null} means {@code http://localhost:<port>}
 * @param crmResource  the CRM MCP server's resource URI (the default audience)
 * @param hubResource  the hub's resource URI (audience of tokens users hand to the hub)
 * @param drifts       the drift switches that are on
 * @param hubSecret    the hub client's secret
 * @param allowLoopbackClientMetadata a test switch: accept {@code http} client ID metadata documents on a loopback
 *                     host (never in production: the documents must be https, and internal hosts are refused)
 */
public record LoginConfig(
        int port,
        String issuer,
        String crmResource,
        String hubResource,
        Set<Drift> drifts,
        String hubSecret,
        boolean allowLoopbackClientMetadata) {
    public static final String DEMO_HUB_SECRET = "hub-demo-secret-change-me";
    public static final String DEFAULT_CRM_RESOURCE = "http://localhost:9090/mcp";
    public static final String DEFAULT_HUB_RESOURCE = "https://hub.example.test";

    public LoginConfig {
        drifts = drifts.isEmpty() ? EnumSet.noneOf(Drift.class) : EnumSet.copyOf(drifts);
    }

    public static LoginConfig defaults() {
        return new LoginConfig(
                9000, null, DEFAULT_CRM_RESOURCE, DEFAULT_HUB_RESOURCE, Set.of(), DEMO_HUB_SECRET, false);
    }

    public LoginConfig withPort(int value) {
        return new LoginConfig(value, issuer, crmResource, hubResource, drifts, hubSecret, allowLoopbackClientMetadata);
    }

    public LoginConfig withCrmResource(String value) {
        return new LoginConfig(port, issuer, value, hubResource, drifts, hubSecret, allowLoopbackClientMetadata);
    }

    public LoginConfig withLoopbackClientMetadata(boolean value) {
        return new LoginConfig(port, issuer, crmResource, hubResource, drifts, hubSecret, value);
    }

    public LoginConfig withDrifts(Set<Drift> value) {
        return new LoginConfig(port, issuer, crmResource, hubResource, value, hubSecret, allowLoopbackClientMetadata);
    }

    /** {@code --port N --issuer URL --crm-resource URL --hub-resource URL --drift a,b}; env LEGACY_LOGIN_DRIFT, HUB_CLIENT_SECRET. */
    public static LoginConfig parse(String[] args, Map<String, String> env) {
        LoginConfig config = defaults();
        String drift = env.getOrDefault("LEGACY_LOGIN_DRIFT", "");
        String issuer = null;
        String crm = config.crmResource;
        String hub = config.hubResource;
        int port = config.port;
        boolean loopbackMetadata = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException("usage");
            }
            if (arg.equals("--allow-loopback-client-metadata")) {
                loopbackMetadata = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--port" -> port = parsePort(value);
                case "--issuer" -> issuer = value;
                case "--crm-resource" -> crm = value;
                case "--hub-resource" -> hub = value;
                case "--drift" -> drift = value;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        String secret = env.getOrDefault("HUB_CLIENT_SECRET", DEMO_HUB_SECRET);
        return new LoginConfig(port, issuer, crm, hub, Drift.parse(drift), secret, loopbackMetadata);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number from 0 to 65535, got '" + value + "'");
        }
    }
}
