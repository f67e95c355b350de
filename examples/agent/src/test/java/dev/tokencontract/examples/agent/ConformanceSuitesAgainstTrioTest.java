package dev.tokencontract.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.conformance.http.RecordingEndpoint;
import dev.tokencontract.conformance.suites.CarrierSuite;
import dev.tokencontract.conformance.suites.ConsumerSuite;
import dev.tokencontract.conformance.suites.ProducerInput;
import dev.tokencontract.conformance.suites.ProducerSuite;
import dev.tokencontract.conformance.suites.PropertyReport;
import dev.tokencontract.conformance.suites.SuiteResult;
import dev.tokencontract.conformance.suites.SuiteSettings;
import dev.tokencontract.conformance.suites.TokenCarrier;
import dev.tokencontract.conformance.suites.TokenConsumer;
import dev.tokencontract.conformance.suites.TokenProducer;
import dev.tokencontract.conformance.tokens.JwksEndpoint;
import dev.tokencontract.conformance.tokens.SigningKeys;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.examples.crm.CrmConfig;
import dev.tokencontract.examples.crm.CrmMcpServer;
import dev.tokencontract.examples.login.Directory;
import dev.tokencontract.examples.login.Drift;
import dev.tokencontract.testing.NonDaemonThreads;
import dev.tokencontract.validator.DecodedToken;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The conformance kit's suites (issue 4) against the real trio in this JVM (issue 6, section 3): every
 * drift switch off, every suite passes; each switch on, the matching suite fails with a shrunk
 * counterexample naming the drift. Each report is printed, so a failing CI run shows the seed to replay
 * ({@code -Dtokencontract.seed=N}).
 */
class ConformanceSuitesAgainstTrioTest {
    /** The CRM's own contract ({@link CrmConfig#defaults()}): the login must produce what the CRM consumes. */
    private static final Contract CONTRACT = load("mcp-access-token@1");
    /** 40 tries per property: RSA signing dominates, and every try is real HTTP for the carrier and consumer. */
    private static final int TRIES = 40;

    private static final String MINIMAL_INPUT = new ProducerInput("a", "a", List.of()).toString();

    private static Set<Thread> baseline;

    @BeforeAll
    static void rememberThreads() {
        baseline = NonDaemonThreads.now();
    }

    @AfterAll
    static void noThreadLeftRunning() throws Exception {
        assertThat(NonDaemonThreads.leftOver(baseline, 5_000))
                .as("non-daemon threads left running")
                .isEmpty();
    }

    private static SuiteSettings settings() {
        String fixed = System.getProperty("tokencontract.seed");
        return SuiteSettings.of(TRIES, fixed == null || fixed.isBlank() ? 20261127L : Long.parseLong(fixed.trim()));
    }

    private static SuiteResult printed(SuiteResult result) {
        System.out.print(result.report());
        return result;
    }

    // ---- producer: the legacy login ------------------------------------------------------------------

    /** Asks the login for any user through its producer seam (same key and drifts as {@code POST /token}). */
    private static SuiteResult producerSuite(Trio trio) {
        TokenProducer login =
                input -> trio.login().mintFor(input.sub(), input.tenantId(), input.roles(), List.of("crm.read"));
        return printed(ProducerSuite.builder()
                .contract(CONTRACT)
                .keys(KeySource.jwksUrl(URI.create(trio.jwksUrl())))
                .issuer(trio.issuer())
                .audience(trio.resource())
                .producer(login)
                .subject("legacy-login " + trio.issuer() + " "
                        + trio.login().config().drifts())
                .build()
                .run(settings()));
    }

    @Test
    void producerWhenNoDriftThenTheLoginMintsConformingTokensForAnyUser() throws Exception {
        try (Trio trio = Trio.start()) {
            SuiteResult result = producerSuite(trio);

            result.assertPassed();
            PropertyReport conforms = result.properties().get(0);
            assertThat(conforms.tries()).isEqualTo(TRIES);
            assertThat(conforms.coverage()).contains("several roles").contains("alg RS256");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "OPAQUE         | TOKEN_OPAQUE        | ",
                "TENANT_RENAMED | CLAIM_MISSING       | tenant_id",
                "ROLES_STRING   | CLAIM_TYPE_MISMATCH | /roles",
                "AUD_MISSING    | AUD_MISSING         | aud",
                "LONG_LIVED     | LIFETIME_TOO_LONG   | exp"
            })
    void producerWhenLoginDriftsThenTheSuiteFailsWithTheSmallestInputNamingTheDrift(
            Drift drift, String code, String names) throws Exception {
        try (Trio trio = Trio.start(drift)) {
            SuiteResult result = producerSuite(trio);

            assertThat(result.passed()).isFalse();
            PropertyReport failure = result.failures().get(0);
            assertThat(failure.reason()).contains("the producer minted a token the contract rejects", code);
            if (names != null) {
                assertThat(failure.reason()).contains(names);
            }
            // every input fails, so the shrinker reaches the smallest one: one-letter user and tenant, no roles
            assertThat(failure.counterexample()).isEqualTo(MINIMAL_INPUT);
            assertThat(result.report())
                    .contains("shrunk counterexample: " + MINIMAL_INPUT)
                    .contains("seed " + result.seed());
        }
    }

    /** The demo users and tenants, logged in through the real {@code POST /token} password grant. */
    private static Gen<ProducerInput> demoUsers() {
        List<ProducerInput> members = new ArrayList<>();
        for (String name : List.of("alice", "bob", "hana", "olga")) {
            Directory.User user = Directory.user(name).orElseThrow();
            user.tenants().forEach(tenant -> members.add(new ProducerInput(name, tenant, user.roles())));
        }
        return Gen.elements(members);
    }

    private static SuiteResult producerOverHttp(Trio trio) {
        TokenClient client = new TokenClient(trio.tokenEndpoint());
        TokenProducer passwordGrant = input -> client.password(
                input.sub(), Directory.user(input.sub()).orElseThrow().password(), input.tenantId(), trio.resource());
        return printed(ProducerSuite.builder()
                .contract(CONTRACT)
                .keys(KeySource.jwksUrl(URI.create(trio.jwksUrl())))
                .issuer(trio.issuer())
                .audience(trio.resource())
                .producer(passwordGrant)
                .inputs(demoUsers())
                .subject(trio.tokenEndpoint() + " (password grant)")
                .build()
                .run(settings().withTries(12)));
    }

    @Test
    void producerOverTheRealTokenEndpointWhenNoDriftThenPassesAndWhenRolesDriftThenFails() throws Exception {
        try (Trio honest = Trio.start()) {
            producerOverHttp(honest).assertPassed();
        }
        try (Trio drifting = Trio.start(Drift.ROLES_STRING)) {
            SuiteResult result = producerOverHttp(drifting);

            assertThat(result.failures()).singleElement().satisfies(f -> {
                assertThat(f.reason()).contains("CLAIM_TYPE_MISMATCH", "/roles");
                assertThat(f.counterexample()).startsWith("{\"sub\":\"alice\",\"tenant_id\":\"acme\"");
            });
        }
    }

    // ---- carrier: the hub --------------------------------------------------------------------------

    /**
     * The hub as a {@link TokenCarrier}. The suite mints the user's token with its own keys; the login only
     * exchanges its own tokens, so the user first signs in at the real login for the hub (the producer seam,
     * with the suite's user: sub, tenant_id, roles, scope), then the real {@link Hub} exchanges that token at
     * the login's real {@code POST /token} (RFC 8693) and calls the downstream with what it got, as the agent does.
     */
    private static TokenCarrier hub(Trio trio, boolean botDrift) {
        Hub hub = new Hub(trio.tokenEndpoint(), trio.login().config().hubSecret(), botDrift);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        return (suiteUserToken, downstream) -> {
            JsonNode user = DecodedToken.decode(suiteUserToken)
                    .token()
                    .flatMap(DecodedToken::claims)
                    .orElseThrow();
            List<String> roles = new ArrayList<>();
            user.path("roles").forEach(r -> roles.add(r.asString()));
            List<String> scopes = Stream.of(user.path("scope").asString("").split(" "))
                    .filter(s -> !s.isEmpty())
                    .toList();
            String signedIn = trio.login()
                    .mintFor(
                            user.path("sub").asString(),
                            user.path("tenant_id").asString(),
                            roles,
                            scopes,
                            trio.login().config().hubResource());
            String presented = hub.tokenFor(signedIn, trio.resource());
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(downstream)
                            .header("Authorization", "Bearer " + presented)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode())
                    .as("the recording endpoint's answer")
                    .isEqualTo(200);
        };
    }

    private static SuiteResult carrierSuite(Trio trio, boolean botDrift, RecordingEndpoint downstream) {
        SigningKeys userKeys = SigningKeys.generate("trio-users");
        TokenValidator crmJudge = TokenValidator.builder()
                .contract(CONTRACT)
                .keys(KeySource.jwksUrl(URI.create(trio.jwksUrl())))
                .expectIssuer(trio.issuer())
                .expectAudience(trio.resource())
                .build();
        return printed(CarrierSuite.builder()
                .contract(CONTRACT)
                .keys(userKeys)
                .issuer("https://users.example.test")
                .carrierAudience(trio.login().config().hubResource())
                .downstreamAudience(trio.resource())
                .carrier(hub(trio, botDrift))
                .downstream(downstream)
                .downstreamJudge(crmJudge)
                .subject("hub via " + trio.tokenEndpoint() + (botDrift ? " --drift bot" : ""))
                .build()
                .run(settings()));
    }

    @Test
    void carrierWhenHubDelegatesThenEveryUserReachesTheCrmAsThemselvesWithActHub() throws Exception {
        try (Trio trio = Trio.start();
                RecordingEndpoint downstream = RecordingEndpoint.start()) {
            SuiteResult result = carrierSuite(trio, false, downstream);

            result.assertPassed();
            assertThat(result.properties().get(0).coverage()).contains("delegated (act)");
            String last = downstream.received().get(0).bearerToken();
            JsonNode claims = DecodedToken.decode(last)
                    .token()
                    .flatMap(DecodedToken::claims)
                    .orElseThrow();
            assertThat(claims.path("act").path("sub").asString()).isEqualTo(Directory.HUB_CLIENT);
            assertThat(claims.path("sub").asString()).isNotEqualTo(Directory.BOT.username());
        }
    }

    @Test
    void carrierWhenHubDriftsToTheBotThenTheSuiteFailsNamingTheBotWithTheSmallestUser() throws Exception {
        try (Trio trio = Trio.start();
                RecordingEndpoint downstream = RecordingEndpoint.start()) {
            SuiteResult result = carrierSuite(trio, true, downstream);

            PropertyReport failure = result.failures().get(0);
            assertThat(failure.reason()).contains("shared identity", "\"" + Directory.BOT.username() + "\"");
            String counterexample = failure.counterexample();
            JsonNode user = Http.json(counterexample.substring(counterexample.indexOf('{')));
            assertThat(user.path("sub").asString()).hasSize(1);
            assertThat(user.path("tenant_id").asString()).hasSize(1);
            assertThat(user.path("roles")).isEmpty();
        }
    }

    // ---- consumer: the CRM MCP server --------------------------------------------------------------

    @Test
    void consumerWhenRealCrmOverHttpThenAcceptsEveryValidTokenAndRejectsEveryInvalidOneWithAChallenge()
            throws Exception {
        SigningKeys keys = SigningKeys.generate("trio-consumer");
        String issuer = "https://login.example.test";
        try (JwksEndpoint jwks = JwksEndpoint.start(keys)) {
            CrmMcpServer crm = CrmMcpServer.start(
                    new CrmConfig(
                            0,
                            issuer,
                            jwks.uri().toString(),
                            null,
                            CONTRACT.reference().toString()),
                    decision -> {},
                    Clock.systemUTC());
            try {
                SuiteResult result = printed(ConsumerSuite.builder()
                        .contract(CONTRACT)
                        .keys(keys)
                        .issuer(issuer)
                        .audience(crm.resource())
                        .consumer(TokenConsumer.mcpSession(URI.create(crm.resource())))
                        .build()
                        .run(settings()));

                result.assertPassed();
                assertThat(result.property("consumer accepts valid tokens").coverage())
                        .contains("alg RS256");
                assertThat(result.property("consumer rejects wrong-aud").coverage())
                        .contains("rejected HTTP 401");
                assertThat(result.properties().stream()
                                .filter(p -> p.status() == PropertyReport.Status.PASSED)
                                .count())
                        .isGreaterThan(8);
            } finally {
                crm.close();
            }
        }
    }

    private static Contract load(String reference) {
        try {
            return Contracts.load(reference);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
