package dev.tokencontract.examples.crm;

/**
 * How the CRM MCP server runs.
 *
 * @param port     HTTP port; 0 picks a free one
 * @param issuer   the login's issuer; tokens must come from it
 * @param jwksUrl  where its keys are; {@code null} means {@code <issuer>/jwks.json}
 * @param resource this server's URI (the audience); {@code null} means {@code http://localhost:<port>/mcp}
 * @param contract the pinned contract, a bundled reference or a file
 */
public record CrmConfig(int port, String issuer, String jwksUrl, String resource, String contract) {

    public static CrmConfig defaults() {
        return new CrmConfig(9090, "http://localhost:9000", null, null, "mcp-access-token@1");
    }

    public CrmConfig withPort(int value) {
        return new CrmConfig(value, issuer, jwksUrl, resource, contract);
    }

    public CrmConfig withIssuer(String value) {
        return new CrmConfig(port, value, jwksUrl, resource, contract);
    }

    /** {@code --port N --issuer URL --jwks URL --resource URL --contract REF}. */
    public static CrmConfig parse(String[] args) {
        CrmConfig c = defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException("usage");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + arg);
            }
            String value = args[++i];
            c = switch (arg) {
                case "--port" -> c.withPort(port(value));
                case "--issuer" -> c.withIssuer(value);
                case "--jwks" -> new CrmConfig(c.port, c.issuer, value, c.resource, c.contract);
                case "--resource" -> new CrmConfig(c.port, c.issuer, c.jwksUrl, value, c.contract);
                case "--contract" -> new CrmConfig(c.port, c.issuer, c.jwksUrl, c.resource, value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            };
        }
        return c;
    }

    private static int port(String value) {
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
