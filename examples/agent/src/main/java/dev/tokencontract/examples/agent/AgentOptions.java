package dev.tokencontract.examples.agent;

import java.util.Map;

/**
 * Command line: {@code --user alice [--tenant acme] [--mcp URL] [--hub [--drift bot]] [--call TOOL --args JSON]}.
 * The password comes from {@code AGENT_PASSWORD} and the hub's client secret from {@code HUB_CLIENT_SECRET}:
 * never from arguments.
 */
record AgentOptions(String user, String tenant, String mcpUrl, boolean hub, boolean botDrift, String hubResource,
                    String call, String args, String password, String hubSecret) {
    static final String DEMO_HUB_SECRET = "hub-demo-secret-change-me";
    static final String USAGE = """
            usage: agent --user NAME [--tenant TENANT] [--mcp http://localhost:9090/mcp]
                         [--hub [--drift bot]] [--hub-resource https://hub.example.test]
                         [--call TOOL [--args JSON]]
            env:   AGENT_PASSWORD (required), HUB_CLIENT_SECRET (hub modes; demo value when unset)""";

    static AgentOptions parse(String[] argv, Map<String, String> env) {
        String user = null;
        String tenant = null;
        String mcp = "http://localhost:9090/mcp";
        boolean hub = false;
        boolean bot = false;
        String hubResource = "https://hub.example.test";
        String call = null;
        String args = "{}";
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            switch (arg) {
                case "--hub" -> hub = true;
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
                        case "--drift" -> {
                            if (!value.equals("bot")) {
                                throw new IllegalArgumentException("the agent knows one drift: --drift bot");
                            }
                            bot = true;
                        }
                        case "--password" -> throw new IllegalArgumentException("passwords are never taken from arguments; set AGENT_PASSWORD");
                        default -> throw new IllegalArgumentException("unknown option " + arg);
                    }
                }
            }
        }
        if (user == null) {
            throw new IllegalArgumentException("--user is required");
        }
        if (!isOneJsonObject(args)) {
            throw new IllegalArgumentException("--args must be one JSON object, e.g. '{\"customerId\":\"c-100\"}'");
        }
        if (bot && !hub) {
            throw new IllegalArgumentException("--drift bot is a hub behaviour: add --hub");
        }
        String password = env.get("AGENT_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("set AGENT_PASSWORD to the user's password (demo users: <name>-demo)");
        }
        return new AgentOptions(user, tenant, mcp, hub, bot, hubResource, call, args, password,
                env.getOrDefault("HUB_CLIENT_SECRET", DEMO_HUB_SECRET));
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
