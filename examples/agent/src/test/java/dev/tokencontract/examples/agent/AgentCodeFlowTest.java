package dev.tokencontract.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's default sign-in over real HTTP against the real login and CRM: authorization code + PKCE through
 * "the user's browser" (this test reads the URL the agent prints, fills in the login's form and follows the
 * redirect to the agent's loopback listener), one step-up on insufficient_scope, and no credential sent anywhere
 * when the server's metadata names another resource.
 */
class AgentCodeFlowTest {
    private static final HttpClient BROWSER =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
    private static Trio trio;

    /** What the agent printed, its exit code and how many times the user signed in. */
    private record Session(int code, String out, int signIns) {}

    @BeforeAll
    static void start() throws Exception {
        trio = Trio.start();
    }

    @AfterAll
    static void stop() {
        trio.close();
    }

    /** Runs the agent; each time it prints a sign-in URL, signs in as {@code user} like a person in a browser. */
    private static Session run(String user, String... args) throws Exception {
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        String end = "\u0000end";
        PrintStream out = new PrintStream(
                new java.io.OutputStream() { // hands over each line as soon as it is printed
                    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

                    @Override
                    public synchronized void write(int b) {
                        if (b == '\n') {
                            lines.add(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else {
                            line.write(b);
                        }
                    }

                    @Override
                    public void close() {
                        lines.add(end);
                    }
                },
                true,
                StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return Agent.run(args, Map.of(), out, new PrintStream(err, true, StandardCharsets.UTF_8));
            } finally {
                out.close();
            }
        });
        StringBuilder transcript = new StringBuilder();
        int signIns = 0;
        for (String line = lines.poll(60, TimeUnit.SECONDS);
                line != null && !line.equals(end);
                line = lines.poll(60, TimeUnit.SECONDS)) {
            transcript.append(line).append('\n');
            if (line.startsWith("  " + trio.issuer() + "/authorize?")) {
                signIns++;
                signInInBrowser(line.strip(), user);
            }
        }
        return new Session(exit.get(60, TimeUnit.SECONDS), transcript + err.toString(StandardCharsets.UTF_8), signIns);
    }

    private static void signInInBrowser(String url, String user) throws Exception {
        String page = BROWSER.send(
                        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        StringBuilder form = new StringBuilder();
        Matcher m = HIDDEN.matcher(page);
        while (m.find()) {
            form.append(enc(unescape(m.group(1))))
                    .append('=')
                    .append(enc(unescape(m.group(2))))
                    .append('&');
        }
        form.append("username=").append(user).append("&password=").append(user).append("-demo&tenant=acme");
        HttpResponse<String> signedIn = BROWSER.send(
                HttpRequest.newBuilder(URI.create(trio.issuer() + "/authorize"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://127.0.0.1:");
        BROWSER.send(
                HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofString()); // back to the agent
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    @Test
    void agentWhenUserSignsInInTheBrowserThenCodeFlowWithPkceAndNoPasswordEverSeen() throws Exception {
        Session session =
                run("alice", "--mcp", trio.resource(), "--call", "getCustomer", "--args", "{\"customerId\":\"c-100\"}");
        assertThat(session.code()).as(session.out()).isZero();
        assertThat(session.out())
                .contains("agent: registered as dcr-")
                .contains("(none)")
                .contains("code_challenge_method=S256")
                .contains("resource=" + enc(trio.resource()))
                .contains("agent: signed in as sub=alice tenant=acme")
                .contains("getCustomer          -> ok: c-100 Road Runner Logistics");
        assertThat(session.signIns()).isEqualTo(1);
    }

    @Test
    void agentWhenScopeMissingThenStepsUpOnceAndStopsWhenTheUserStillLacksIt() throws Exception {
        int writes = trio.crm().crm().writes().size();
        Session session = run(
                "bob",
                "--mcp",
                trio.resource(),
                "--call",
                "updateAccountStatus",
                "--args",
                "{\"customerId\":\"c-101\",\"status\":\"closed\"}");
        assertThat(session.code()).as(session.out()).isZero();
        assertThat(session.out())
                .contains("scope=\"crm.read\"")
                .contains(
                        "agent: step-up: updateAccountStatus needs scope \"crm.read crm.write\"; signing in once more for it")
                .contains("refused 403 insufficient_scope")
                .contains("(after step-up; not trying again)");
        assertThat(session.signIns())
                .as("the first sign-in and exactly one step-up")
                .isEqualTo(2);
        assertThat(trio.crm().crm().writes()).hasSize(writes);
    }

    @Test
    void agentWhenMetadataNamesAnotherResourceThenNoCredentialLeavesForEitherGrant() throws Exception {
        List<String> seenByTheAuthorizationServer = new CopyOnWriteArrayList<>();
        HttpServer as = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        as.createContext("/", exchange -> {
            seenByTheAuthorizationServer.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        as.start();
        HttpServer hostile = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String self = "http://localhost:" + hostile.getAddress().getPort();
        hostile.createContext("/mcp", exchange -> {
            exchange.getResponseHeaders()
                    .set(
                            "WWW-Authenticate",
                            "Bearer resource_metadata=\"" + self + "/.well-known/oauth-protected-resource/mcp\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        hostile.createContext("/.well-known/oauth-protected-resource/mcp", exchange -> {
            byte[] doc =
                    ("{\"resource\":\"https://evil.example.com/mcp\",\"authorization_servers\":[\"http://localhost:"
                                    + as.getAddress().getPort() + "\"]}")
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, doc.length);
            exchange.getResponseBody().write(doc);
            exchange.close();
        });
        hostile.start();
        try {
            Session interactive = run("alice", "--mcp", self + "/mcp");
            assertThat(interactive.code()).isEqualTo(1);
            assertThat(interactive.out())
                    .contains("names resource 'https://evil.example.com/mcp', not " + self + "/mcp")
                    .contains("RFC 9728 section 3.3")
                    .doesNotContain("/authorize?");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Agent.run(
                    new String[] {"--mcp", self + "/mcp", "--legacy-password-grant", "--user", "alice"},
                    Map.of("AGENT_PASSWORD", "alice-demo"),
                    new PrintStream(out),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to sign in for it");
            assertThat(seenByTheAuthorizationServer)
                    .as("nothing, not even its metadata, was asked of it")
                    .isEmpty();
        } finally {
            hostile.stop(0);
            as.stop(0);
        }
    }
}
