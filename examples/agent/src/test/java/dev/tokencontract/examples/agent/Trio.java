package dev.tokencontract.examples.agent;

import dev.tokencontract.examples.crm.CrmConfig;
import dev.tokencontract.examples.crm.CrmMcpServer;
import dev.tokencontract.examples.login.Drift;
import dev.tokencontract.examples.login.LegacyLogin;
import dev.tokencontract.examples.login.LoginConfig;
import dev.tokencontract.mcp.AuthorizationDecision;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real legacy login and CRM MCP server in this JVM on free ports, and the real agent against them. This
 * is the seam the conformance suites plug into: {@link #login()}, {@link #crm()} and {@link #agent}.
 */
final class Trio implements AutoCloseable {
    final LegacyLogin login;
    final CrmMcpServer crm;
    final List<AuthorizationDecision> decisions = new CopyOnWriteArrayList<>();

    private Trio(Set<Drift> drifts) throws Exception {
        this.login = LegacyLogin.start(LoginConfig.defaults().withPort(0).withDrifts(drifts), Clock.systemUTC());
        try {
            this.crm = CrmMcpServer.start(CrmConfig.defaults().withPort(0).withIssuer(login.issuer()), decisions::add, Clock.systemUTC());
        } catch (Exception e) {
            login.close();
            throw e;
        }
        login.useCrmResource(crm.resource());
    }

    static Trio start(Drift... drifts) throws Exception {
        return new Trio(drifts.length == 0 ? Set.of() : Set.of(drifts));
    }

    LegacyLogin login() {
        return login;
    }

    CrmMcpServer crm() {
        return crm;
    }

    /** Runs the agent in this JVM; returns exit code and output. */
    Run agent(String password, String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "--mcp";
        full[1] = crm.resource();
        System.arraycopy(args, 0, full, 2, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Agent.run(full, password == null ? Map.of() : Map.of("AGENT_PASSWORD", password),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int code, String out, String err) {}

    @Override
    public void close() {
        crm.close();
        login.close();
    }
}
