package dev.tokencontract.examples.agent;

import java.util.Map;

/**
 * Command line. The default sign-in is the authorization code flow with PKCE through the user's browser and a
 * loopback redirect; {@code --legacy-password-grant} (with {@code --user}) uses the password grant instead, which
 * OAuth 2.1 and MCP do not have (the hub modes need it). The password comes from {@code AGENT_PASSWORD}, a
 * pre-registered client's secret from {@code AGENT_CLIENT_SECRET} and the hub's secret from
 * {@code HUB_CLIENT_SECRET}: never from arguments.
 *
 * @param browser {@code print}: print the sign-in URL and wait for the browser to come back; {@code http}: open
 *                the URL with a plain HTTP client and follow its redirect (for authorization servers that
 *                approve without a page, like the conformance suite's)
 */
record AgentOptions(
        String user,
        String tenant,
        String mcpUrl,
        boolean hub,
        boolean botDrift,
        String hubResource,
        String call,
        String args,
        String password,
        String hubSecret,
        boolean legacyPasswordGrant,
        String browser,
        boolean callListed,
        String clientId,
        String clientSecret) {
    static final String DEMO_HUB_SECRET = "hub-demo-secret-change-me";
    static final String USAGE = """
            usage: agent [--mcp http://localhost:9090/mcp] [--call TOOL [--args JSON] | --call-listed]
                         [--browser print|http] [--client-id ID]
                   agent --legacy-password-grant --user NAME [--tenant TENANT] [--hub [--drift bot]]
                         [--hub-resource https://hub.example.test] [--mcp URL] [--call TOOL [--args JSON]]
            env:   AGENT_PASSWORD (password grant), AGENT_CLIENT_SECRET (with --client-id, if confidential),
                   HUB_CLIENT_SECRET (hub modes; demo value when unset)""";

    static AgentOptions parse(String[] argv, Map<String, String> env) {
        String user = null;
        String tenant = null;
        String mcp = "http://localhost:9090/mcp";
        boolean hub = false;
        boolean bot = false;
        boolean legacy = false;
        boolean callListed = false;
        String hubResource = "https://hub.example.test";
        String call = null;
        String args = "{}";
        String browser = "print";
        String clientId = null;
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            switch (arg) {
                case "--hub" -> hub = true;
                case "--legacy-password-grant" -> legacy = true;
                case "--call-listed" -> callListed = true;
                case "--help", "-h" -> throw new IllegalArgumentException("help");
                default -> {
                    if (i + 1 >= argv.length) {
                        throw new IllegalArgumentException("missing value after " + arg);
                    }
                    String value = argv[++i];
                    switch (arg) {
                        case "--user" -> user = value;
                        case "--tenant" -> tenant = value;
                        case "--mcp" -> mcp = value;
                        case "--hub-resource" -> hubResource = value;
                        case "--call" -> call = value;
                        case "--args" -> args = value;
                        case "--client-id" -> clientId = value;
                        case "--browser" -> {
                            if (!value.equals("print") && !value.equals("http")) {
                                throw new IllegalArgumentException("--browser is print or http");
                            }
                            browser = value;
                        }
                        case "--drift" -> {
                            if (!value.equals("bot")) {
                                throw new IllegalArgumentException("the agent knows one drift: --drift bot");
                            }
                            bot = true;
                        }
                        case "--password" ->
                            throw new IllegalArgumentException(
                                    "passwords are never taken from arguments; set AGENT_PASSWORD");
                        case "--client-secret" ->
                            throw new IllegalArgumentException(
                                    "secrets are never taken from arguments; set AGENT_CLIENT_SECRET");
                        default -> throw new IllegalArgumentException("unknown option " + arg);
                    }
                }
            }
        }
        if (!isOneJsonObject(args)) {
            throw new IllegalArgumentException("--args must be one JSON object, e.g. '{\"customerId\":\"c-100\"}'");
        }
        if (bot && !hub) {
            throw new IllegalArgumentException("--drift bot is a hub behaviour: add --hub");
        }
        if (hub && !legacy) {
            throw new IllegalArgumentException(
                    "the hub modes sign the user in with the password grant: add --legacy-password-grant");
        }
        if (callListed && call != null) {
            throw new IllegalArgumentException("--call and --call-listed exclude each other");
        }
        String password = env.get("AGENT_PASSWORD");
        if (legacy) {
            if (user == null) {
                throw new IllegalArgumentException("--legacy-password-grant needs --user");
            }
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException(
                        "set AGENT_PASSWORD to the user's password (demo users: <name>-demo)");
            }
        } else if (user != null || tenant != null) {
            throw new IllegalArgumentException(
                    "--user and --tenant are for --legacy-password-grant; otherwise you sign in in the browser");
        }
        return new AgentOptions(
                user,
                tenant,
                mcp,
                hub,
                bot,
                hubResource,
                call,
                args,
                password,
                env.getOrDefault("HUB_CLIENT_SECRET", DEMO_HUB_SECRET),
                legacy,
                browser,
                callListed,
                clientId,
                env.get("AGENT_CLIENT_SECRET"));
    }

    private static boolean isOneJsonObject(String json) {
        try {
            tools.jackson.databind.JsonNode node = Http.JSON.readTree(json);
            return node != null && node.isObject();
        } catch (tools.jackson.core.JacksonException e) {
            return false;
        }
    }
}
