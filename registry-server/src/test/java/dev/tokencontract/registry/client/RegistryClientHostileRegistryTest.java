package dev.tokencontract.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.registry.testing.HostileRegistry;
import dev.tokencontract.registry.testing.HostileRegistry.Fault;
import dev.tokencontract.testing.CountingHttpServer;
import dev.tokencontract.testing.TestContracts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry client against answers the real registry never gives ({@link HostileRegistry}): each is
 * refused, and nothing it sent is cached.
 */
class RegistryClientHostileRegistryTest {
    private HostileRegistry registry;

    @TempDir
    Path cacheDir;

    @AfterEach
    void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private HostileRegistry serving(Fault fault) {
        registry = HostileRegistry.serving(TestContracts.minimalText("1.0.0"), fault);
        return registry;
    }

    private RegistrySettings settings() {
        return RegistrySettings.defaults()
                .withCacheDir(cacheDir)
                .withClock(new dev.tokencontract.testing.SteppingClock(Instant.parse("2026-11-27T00:00:00Z")))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private RegistryClient client() throws RegistryException {
        return RegistryClient.create(registry.url(), settings());
    }

    @Test
    void fetchWhenDigestDoesNotMatchBodyThenRefusedAndNothingCached() {
        serving(Fault.WRONG_DIGEST);

        assertThatThrownBy(() -> client().fetch("minimal-token@1.0.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_RESPONSE))
                .hasMessageContaining("digest mismatch");
        registry.close();
        assertThatThrownBy(() -> client().fetch("minimal-token@1.0.0")).hasMessageContaining("no copy on disk");
    }

    @Test
    void fetchWhenNoEtagThenRefusedAsUnverifiable() {
        serving(Fault.NO_ETAG);

        assertThatThrownBy(() -> client().fetch("minimal-token@1.0.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_RESPONSE))
                .hasMessageContaining("without a sha-256 ETag");
    }

    @Test
    void fetchWhenBodyLargerThanCapThenRefusedWithoutBufferingIt() {
        serving(Fault.OVERSIZED);

        assertThatThrownBy(() -> client().fetch("minimal-token@1.0.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_RESPONSE))
                .hasMessageContaining("larger than " + RegistrySettings.DEFAULT_MAX_BYTES + " bytes");
    }

    @Test
    void fetchWhenRedirectLoopThenRefusedAfterABoundedNumberOfRequests() {
        serving(Fault.REDIRECT_LOOP);

        assertThatThrownBy(() -> client().fetch("minimal-token@1.0.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_RESPONSE))
                .hasMessageContaining("redirect loop");
        assertThat(registry.requests()).isLessThanOrEqualTo(4);
    }

    @Test
    void fetchWhenRedirectChainLongerThanLimitThenRefused() {
        serving(Fault.REDIRECT_LOOP);

        assertThatThrownBy(
                        () -> RegistryClient.create(registry.url(), settings().withMaxRedirects(0))
                                .fetch("minimal-token@1.0.0"))
                .hasMessageContaining("more than 0 redirects");
        assertThat(registry.requests()).isEqualTo(1);
    }

    @Test
    void fetchWhenRedirectedToPlainHttpOffLoopbackThenRefusedBeforeConnecting() {
        serving(Fault.REDIRECT_OFF_SITE);

        assertThatThrownBy(() -> client().fetch("minimal-token@1.0.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.INVALID_URL))
                .hasMessageContaining("refusing plain http to registry.example.test");
    }

    @Test
    void fetchWhenBodyIsNotJsonThenRefusedWithLintFindings() {
        serving(Fault.HTML);

        assertThatThrownBy(() -> client().fetch("minimal-token@1.0.0"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_RESPONSE);
                    assertThat(e.findings()).extracting(Finding::code).contains(FindingCode.LINT_NOT_JSON);
                })
                .hasMessageContaining("not an acceptable contract");
    }

    @Test
    void fetchWhenVersionHeaderNamesAnotherVersionThenRefused() {
        serving(Fault.WRONG_VERSION_HEADER);

        assertThatThrownBy(() -> client().fetch("minimal-token@1"))
                .hasMessageContaining("resolved minimal-token@1 to 9.9.9 but sent minimal-token@1.0.0");
    }

    @Test
    void fetchWhenRegistryServesAVersionOutsideTheRangeThenRefused() {
        registry = HostileRegistry.serving(TestContracts.minimalText("2.0.0"), Fault.IGNORES_RANGE);

        assertThatThrownBy(() -> client().fetch("minimal-token@^1.0.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_RESPONSE))
                .hasMessageContaining("asked for minimal-token@^1.0.0 but the registry sent version 2.0.0");
    }

    @Test
    void fetchWhenServerStallsThenTimesOutAsUnreachable() {
        try (CountingHttpServer slow = CountingHttpServer.start()) {
            slow.respond(200, "{}", CountingHttpServer.Pace.STALL_BEFORE_HEADERS);
            RegistrySettings quick = settings().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(300));

            assertThatThrownBy(() -> RegistryClient.create(slow.uri("").toString(), quick)
                            .fetch("minimal-token@1.0.0"))
                    .isInstanceOfSatisfying(
                            RegistryException.class,
                            e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNREACHABLE))
                    .hasMessageContaining("no complete answer within 300 ms");
        }
    }

    @Test
    void fetchWhenBodyCutOffMidwayThenUnreachableAndNothingCached() {
        serving(Fault.TRUNCATED);

        assertThatThrownBy(() -> client().fetch("minimal-token@1.0.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNREACHABLE))
                .hasMessageContaining("no copy on disk");
    }

    @Test
    void fetchWhenServerAnswers5xxAndNothingCachedThenUnreachableWithItsStatus() {
        serving(Fault.STORE_UNAVAILABLE);

        assertThatThrownBy(() -> client().fetch("minimal-token@1.0.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNREACHABLE))
                .hasMessageContaining("HTTP 503");
    }
}
