package dev.tokencontract.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.examples.crm.Crm;
import dev.tokencontract.examples.login.Drift;
import dev.tokencontract.mcp.DecisionReason;
import dev.tokencontract.testing.NonDaemonThreads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three examples together, in this JVM on free ports, driven by the real agent (the SDK's MCP client):
 * who may call what, whose name the CRM's audit records, and each login drift refused by the CRM.
 */
class EnterpriseScenarioTest {
    private static Set<Thread> baseline;
    private static Trio trio;

    @BeforeAll
    static void start() throws Exception {
        baseline = NonDaemonThreads.now();
        trio = Trio.start();
    }

    @AfterAll
    static void stopAndCheckThreads() throws Exception {
        trio.close();
        assertThat(NonDaemonThreads.leftOver(baseline, 5_000))
                .as("non-daemon threads left running")
                .isEmpty();
    }

    @BeforeEach
    void clear() {
        trio.decisions.clear();
    }

    private static List<Crm.Write> writesSince(int before) {
        List<Crm.Write> all = trio.crm().crm().writes();
        return all.subList(before, all.size());
    }

    @Test
    void agentWhenUserHasWriteScopeThenWriteIsRecordedForTheUser() {
        int before = trio.crm().crm().writes().size();
        Trio.Run run = trio.agent("alice-demo", "--user", "alice");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("answered 401; metadata "
                        + trio.crm().resource().replace("/mcp", "/.well-known/oauth-protected-resource/mcp"))
                .contains("token endpoint " + trio.login().issuer() + "/token")
                .contains("getCustomer          -> ok: c-100 Road Runner Logistics")
                .contains("updateAccountStatus  -> ok: c-100 status=suspended (recorded for alice)")
                .contains("lookupEmployee       -> error: denied: lookupEmployee needs role hr;")
                .contains("toggleFeature        -> error: denied: toggleFeature needs role admin;")
                .doesNotContain("insufficient_scope: lookupEmployee")
                .doesNotContain("insufficient_scope: toggleFeature");
        assertThat(writesSince(before)).singleElement().satisfies(w -> {
            assertThat(w.by()).isEqualTo("alice");
            assertThat(w.actor()).isNull();
            assertThat(w.tenant()).isEqualTo("acme");
        });
    }

    @Test
    void agentWhenReadOnlyUserCallsWriteToolThen403WithNeededScopeAndNothingWritten() {
        int before = trio.crm().crm().writes().size();
        Trio.Run run = trio.agent(
                "bob-demo",
                "--user",
                "bob",
                "--call",
                "updateAccountStatus",
                "--args",
                "{\"customerId\":\"c-101\",\"status\":\"closed\"}");
        assertThat(run.out())
                .contains(
                        "updateAccountStatus  -> refused 403 insufficient_scope: updateAccountStatus needs scope:crm.write [scope=\"crm.read crm.write\"]");
        assertThat(writesSince(before)).isEmpty();
        assertThat(trio.decisions).anySatisfy(d -> {
            assertThat(d.reason()).isEqualTo(DecisionReason.INSUFFICIENT_SCOPE);
            assertThat(d.caller().subject()).isEqualTo("bob");
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "hana | lookupEmployee | {\"employeeId\":\"e-1\"} | e-1 Hana Schmidt HR band=B4",
                "olga | toggleFeature | {\"feature\":\"beta-dashboard\",\"enabled\":true} | feature beta-dashboard=true for tenant acme"
            })
    void agentWhenUserHoldsTheRoleThenRoleToolAnswers(String user, String tool, String args, String answer) {
        Trio.Run run = trio.agent(user + "-demo", "--user", user, "--call", tool, "--args", args);
        assertThat(run.out()).contains("-> ok: " + answer);
    }

    @Test
    void agentWhenTenantChosenThenOtherTenantsDataIsInvisible() {
        Trio.Run run = trio.agent(
                "alice-demo",
                "--user",
                "alice",
                "--tenant",
                "globex",
                "--call",
                "getCustomer",
                "--args",
                "{\"customerId\":\"c-100\"}");
        assertThat(run.out()).contains("-> error: no customer c-100 in tenant globex");
    }

    @Test
    void hubWhenDelegatingThenCrmRecordsTheUserWithActHub() {
        int before = trio.crm().crm().writes().size();
        Trio.Run run = trio.agent(
                "alice-demo",
                "--user",
                "alice",
                "--hub",
                "--call",
                "updateAccountStatus",
                "--args",
                "{\"customerId\":\"c-101\",\"status\":\"suspended\"}");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("hub:   exchanged it (RFC 8693) for sub=alice")
                .contains("act={\"sub\":\"hub\"}");
        assertThat(writesSince(before)).singleElement().satisfies(w -> {
            assertThat(w.by()).isEqualTo("alice");
            assertThat(w.actor()).isEqualTo("hub");
            assertThat(w.describe()).endsWith("by alice (tenant acme) via hub");
        });
    }

    @Test
    void hubWhenBotDriftThenCrmRecordsTheSharedBotAndTheUserIsLost() {
        int before = trio.crm().crm().writes().size();
        Trio.Run run = trio.agent(
                "bob-demo",
                "--user",
                "bob",
                "--hub",
                "--drift",
                "bot",
                "--call",
                "updateAccountStatus",
                "--args",
                "{\"customerId\":\"c-100\",\"status\":\"active\"}");
        // bob may not write, yet the write goes through: the bot holds every right, and the audit names the bot
        assertThat(run.out()).contains("DRIFT bot").contains("-> ok: c-100 status=active (recorded for svc-crm-bot)");
        assertThat(writesSince(before)).singleElement().satisfies(w -> {
            assertThat(w.by()).isEqualTo("svc-crm-bot");
            assertThat(w.actor()).isNull();
        });
    }

    private static HttpResponse<String> callCrm(Trio target, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.resource()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What a client does with a 401: resource_metadata, then the login's metadata, then its token endpoint. */
    private static void assertChallengeLeadsToTheLogin(Trio target, HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(401);
        java.util.Map<String, String> challenge = Discovery.challenge(
                response.headers().firstValue("WWW-Authenticate").orElseThrow());
        HttpResponse<String> metadata = Http.get(challenge.get("resource_metadata"));
        assertThat(Http.json(metadata.body()).path("resource").asString()).isEqualTo(target.resource());
        String server =
                Http.json(metadata.body()).path("authorization_servers").path(0).asString();
        assertThat(server).isEqualTo(target.issuer());
        HttpResponse<String> as = Http.get(server + "/.well-known/oauth-authorization-server");
        assertThat(Http.json(as.body()).path("token_endpoint").asString()).isEqualTo(target.tokenEndpoint());
    }

    @Test
    void serversWhenStartedThenListenOnLoopbackOnly() throws Exception {
        // demo passwords, a demo hub secret that mints an admin bot: none of it may be reachable from the network
        java.util.Optional<java.net.InetAddress> external =
                java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                        .flatMap(nic -> java.util.Collections.list(nic.getInetAddresses()).stream())
                        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                        .findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                external.isPresent(), "this machine has no non-loopback address to connect to");
        for (int port : List.of(trio.login.port(), trio.crm.port())) {
            try (java.net.Socket socket = new java.net.Socket()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(
                                () -> socket.connect(new java.net.InetSocketAddress(external.get(), port), 2000))
                        .as("port %d reachable at %s", port, external.get())
                        .isInstanceOf(java.io.IOException.class);
            }
        }
    }

    @Test
    void crmWhenAnonymousThen401ChallengeLeadsToTheLogin() throws Exception {
        HttpResponse<String> response = callCrm(trio, null);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .doesNotContain("error=");
        assertChallengeLeadsToTheLogin(trio, response);
    }

    @Test
    void crmWhenTokenIsForTheHubNotTheCrmThen401WrongAudienceWithAFollowableChallenge() throws Exception {
        String hubToken =
                new TokenClient(trio.tokenEndpoint()).password("alice", "alice-demo", null, "https://hub.example.test");
        HttpResponse<String> response = callCrm(trio, hubToken);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"")
                .contains("AUD_MISMATCH");
        assertChallengeLeadsToTheLogin(trio, response);
    }

    @Test
    void crmWhenLoginsTokenExpiredThen401WithAFollowableChallenge() throws Exception {
        java.time.Clock twoHoursAgo =
                java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(-2));
        try (Trio stale = Trio.startWithLoginClock(twoHoursAgo)) {
            String expired =
                    new TokenClient(stale.tokenEndpoint()).password("alice", "alice-demo", null, stale.resource());
            HttpResponse<String> response = callCrm(stale, expired);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"invalid_token\"")
                    .contains("TOKEN_EXPIRED");
            assertChallengeLeadsToTheLogin(stale, response);
        }
    }

    @Test
    void discoveryWhenFollowedFromThe401ThenReachesTheLoginsTokenEndpoint() throws Exception {
        java.net.http.HttpResponse<String> probe = Http.probe(trio.crm().resource());
        assertThat(probe.statusCode()).isEqualTo(401);
        Discovery discovery = Discovery.discover(
                trio.crm().resource(),
                probe.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertThat(discovery.resource()).isEqualTo(trio.crm().resource());
        assertThat(discovery.authorizationServer()).isEqualTo(trio.login().issuer());
        assertThat(discovery.tokenEndpoint()).isEqualTo(trio.login().issuer() + "/token");
        assertThat(discovery.challengedScopes()).isEqualTo("crm.read crm.write");
    }

    @Test
    void checkResourceWhenRunAgainstTheCrmThenTheCrmAndItsLoginAreMcpReady() throws Exception {
        dev.tokencontract.idp.IdpReport report = dev.tokencontract.idp.IdpChecks.withDefaults()
                .checkResource(
                        trio.resource(),
                        List.of(dev.tokencontract.contract.Contracts.load("oauth-protected-resource@1")),
                        List.of(dev.tokencontract.contract.Contracts.load("mcp-authorization-server@1")));
        List<String> errors = report.findings().stream()
                .filter(dev.tokencontract.finding.Finding::rejects)
                .map(f -> f.code() + " " + f.pointer())
                .toList();
        // the CRM's protected resource metadata and challenge are clean, and the login now offers the authorization
        // code flow with PKCE S256 and Dynamic Client Registration, as an MCP-ready authorization server must (decision
        // 0012)
        assertThat(errors).isEmpty();
        assertThat(report.verdict())
                .as(report.findings().toString())
                .isEqualTo(dev.tokencontract.finding.Verdict.ACCEPTED);
        assertThat(report.verdict()).isEqualTo(dev.tokencontract.finding.Verdict.ACCEPTED);
        assertThat(report.authorizationServers())
                .hasSize(1)
                .allSatisfy(as -> assertThat(as.passed()).isTrue());
        assertThat(report.authorizationServers()
                        .get(0)
                        .document()
                        .orElseThrow()
                        .path("code_challenge_methods_supported")
                        .toString())
                .isEqualTo("[\"S256\"]");
        assertThat(report.findings())
                .filteredOn(f -> f.code() == dev.tokencontract.finding.FindingCode.DISCOVERY_DOCUMENT_FOUND)
                .extracting(dev.tokencontract.finding.Finding::message)
                .contains("The 401 challenge names resource_metadata "
                        + trio.crm().resource().replace("/mcp", "/.well-known/oauth-protected-resource/mcp") + ".");
    }

    @Test
    void agentWhenMisusedThenUsageErrorAndNoCall() {
        assertThat(trio.agent(null, "--user", "alice").code()).isEqualTo(2);
        assertThat(trio.agent("x", "--user", "alice", "--password", "alice-demo")
                        .err())
                .contains("never taken from arguments");
        assertThat(trio.agent("alice-demo", "--user", "alice", "--drift", "bot").err())
                .contains("add --hub");
        assertThat(trio.agent("alice-demo", "--user", "alice", "--drift", "other", "--hub")
                        .code())
                .isEqualTo(2);
        Trio.Run wrong = trio.agent("wrong", "--user", "alice");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("400 invalid_grant");
        Trio.Run badArgs = trio.agent("alice-demo", "--user", "alice", "--call", "getCustomer", "--args", "{not json");
        assertThat(badArgs.code()).isEqualTo(2); // a usage error, found before signing in (AgentOptionsTest)
        assertThat(badArgs.err()).contains("--args must be one JSON object");
        assertThat(badArgs.out()).doesNotContain("getCustomer");
    }

    @ParameterizedTest
    @CsvSource({
        "OPAQUE, TOKEN_OPAQUE",
        "TENANT_RENAMED, CLAIM_MISSING",
        "ROLES_STRING, CLAIM_TYPE_MISMATCH",
        "AUD_MISSING, 'AUD_MISSING,CLAIM_MISSING'",
        "LONG_LIVED, LIFETIME_TOO_LONG"
    })
    void loginDriftWhenOnThenCrmRefusesEveryCallNamingTheDrift(Drift drift, String code) throws Exception {
        try (Trio drifting = Trio.start(drift)) {
            Trio.Run run = drifting.agent("alice-demo", "--user", "alice");
            assertThat(run.out()).contains("agent: refused 401 invalid_token: token rejected: " + code + " [scope=");
            assertThat(run.code()).isEqualTo(1);
            assertThat(drifting.crm().crm().writes()).isEmpty();
            assertThat(drifting.decisions).noneMatch(d -> d.allowed());
        }
    }
}
