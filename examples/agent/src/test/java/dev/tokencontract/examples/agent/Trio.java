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
 * The real legacy login and CRM MCP server in this JVM on free ports, and the real agent against them.
 *
 * <p>The seam for the conformance suites (issue 4, see {@link ConformanceSuitesAgainstTrioTest}): {@code Trio.start(drift...)} gives a login
 * whose tokens carry exactly those drifts; a producer suite mints through {@code login().mintFor(sub, tenant,
 * roles, scopes)} (any user, same key and drifts as the token endpoint); a carrier suite drives
 * {@link Hub#tokenFor} ({@code new Hub(tokenEndpoint(), secret, botDrift)}); a consumer suite calls
 * {@link #resource()} with tokens it mints. {@link #jwksUrl()} and {@link #issuer()} judge them; {@link #agent}
 * drives the SDK client and {@code crm().crm().writes()} is the audit.
 */
final class Trio implements AutoCloseable {
    final LegacyLogin login;
    final CrmMcpServer crm;
    final List<AuthorizationDecision> decisions = new CopyOnWriteArrayList<>();

    private Trio(Set<Drift> drifts, Clock loginClock) throws Exception {
        this.login = LegacyLogin.start(LoginConfig.defaults().withPort(0).withDrifts(drifts), loginClock);
        try {
            this.crm = CrmMcpServer.start(
                    CrmConfig.defaults().withPort(0).withIssuer(login.issuer()), decisions::add, Clock.systemUTC());
        } catch (Exception e) {
            login.close();
            throw e;
        }
        login.useCrmResource(crm.resource());
    }

    static Trio start(Drift... drifts) throws Exception {
        return new Trio(drifts.length == 0 ? Set.of() : Set.of(drifts), Clock.systemUTC());
    }

    /** A login whose clock is {@code loginClock} (e.g. two hours behind: every token it issues is expired). */
    static Trio startWithLoginClock(Clock loginClock) throws Exception {
        return new Trio(Set.of(), loginClock);
    }

    String issuer() {
        return login.issuer();
    }

    String tokenEndpoint() {
        return login.issuer() + "/token";
    }

    String jwksUrl() {
        return login.issuer() + "/jwks.json";
    }

    /** The CRM's canonical resource URI: the audience its tokens must name. */
    String resource() {
        return crm.resource();
    }

    LegacyLogin login() {
        return login;
    }

    CrmMcpServer crm() {
        return crm;
    }

    /** Runs the agent in this JVM with the legacy password grant (when {@code --user} is given); returns exit code and output. */
    Run agent(String password, String... args) {
        boolean legacy = java.util.Arrays.asList(args).contains("--user");
        String[] full = new String[args.length + (legacy ? 3 : 2)];
        full[0] = "--mcp";
        full[1] = crm.resource();
        if (legacy) {
            full[2] = "--legacy-password-grant";
        }
        System.arraycopy(args, 0, full, legacy ? 3 : 2, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Agent.run(
                full,
                password == null ? Map.of() : Map.of("AGENT_PASSWORD", password),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int code, String out, String err) {}

    @Override
    public void close() {
        crm.close();
        login.close();
    }
}
