package dev.tokencontract.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.registry.testing.LiveRegistry;
import dev.tokencontract.testing.TestContracts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The registry client against the real registry server on a free loopback port. */
class RegistryClientFetchTest extends RegistryClientTestBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void fetchWhenExactVersionThenContractFromNetworkWithVerifiedDigest() throws Exception {
        publishVersions("1.0.0");

        FetchedContract fetched = client().fetch("minimal-token@1.0.0");

        assertThat(fetched.source()).isEqualTo(FetchSource.NETWORK);
        assertThat(fetched.reference()).isEqualTo("minimal-token@1.0.0");
        assertThat(fetched.contract().reference()).isEqualTo("minimal-token@1.0.0");
        assertThat(fetched.digest()).isEqualTo(digestOf("1.0.0"));
        assertThat(fetched.json()).isEqualTo(servedText("1.0.0"));
        assertThat(JSON.readTree(fetched.json())).isEqualTo(JSON.readTree(TestContracts.minimalText("1.0.0")));
        assertThat(fetched.warnings()).isEmpty();
        assertThat(registry.requests())
                .containsExactly(new LiveRegistry.Seen("GET", "/contracts/minimal-token/versions/1.0.0", 200));
    }

    @Test
    void fetchWhenRegistryRequiresReadTokensThenNoTokenSentAndRefusedAsMissingNotInvalid() {
        try (LiveRegistry guarded = LiveRegistry.start(b -> b.requireReadToken(true))) {
            guarded.publish(TestContracts.minimalText("1.0.0"));

            assertThatThrownBy(() ->
                            RegistryClient.create(guarded.url(), settings()).fetch("minimal-token@1.0.0"))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RegistryException.Kind.REFUSED);
                        assertThat(e.problem()).hasValueSatisfying(p -> {
                            assertThat(p.status()).isEqualTo(401);
                            assertThat(p.code())
                                    .as("no Authorization header on reads")
                                    .isEqualTo("token-missing");
                        });
                    });
        }
    }

    @Test
    void fetchWhenRangesThenEachResolvesToTheHighestMatchingVersion() throws Exception {
        publishVersions("1.0.0", "1.2.0", "1.3.1", "2.0.0", "2.1.0-rc.1");
        RegistryClient client = client();

        assertThat(Stream.of(
                                "minimal-token@^1.2.0",
                                "minimal-token@1",
                                "minimal-token@1.2",
                                "minimal-token@~1.2.0",
                                "minimal-token@~1.3",
                                "minimal-token@latest",
                                "minimal-token",
                                "minimal-token@2.1.0-rc.1")
                        .map(reference -> fetchVersion(client, reference))
                        .toList())
                .containsExactly("1.3.1", "1.3.1", "1.2.0", "1.2.0", "1.3.1", "2.0.0", "2.0.0", "2.1.0-rc.1");
    }

    private static String fetchVersion(RegistryClient client, String reference) {
        try {
            return client.fetch(reference).version();
        } catch (RegistryException e) {
            throw new AssertionError(reference + ": " + e.getMessage(), e);
        }
    }

    @Test
    void fetchWhenFetchedAgainThenIfNoneMatchSentAndServer304ReusesCachedCopy() throws Exception {
        publishVersions("1.0.0", "1.1.0");
        RegistryClient client = client();
        FetchedContract first = client.fetch("minimal-token@^1.0.0");

        FetchedContract second = client.fetch("minimal-token@^1.0.0");

        assertThat(second.source()).isEqualTo(FetchSource.NOT_MODIFIED);
        assertThat(second.version()).isEqualTo("1.1.0");
        assertThat(second.json()).isEqualTo(first.json());
        // the real registry answers 304 only when If-None-Match names the ETag of the version it resolved
        assertThat(registry.requests()).extracting(LiveRegistry.Seen::status).containsExactly(200, 304);
    }

    @Test
    void fetchWhenVersionDeprecatedThenServedWithAWarningAlsoOn304() throws Exception {
        publishVersions("1.0.0");
        registry.deprecate("minimal-token", "1.0.0").forgetRequests();
        RegistryClient client = client();

        FetchedContract first = client.fetch("minimal-token@1.0.0");
        FetchedContract second = client.fetch("minimal-token@1.0.0");

        assertThat(List.of(first, second))
                .allSatisfy(fetched -> assertThat(fetched.warnings())
                        .singleElement()
                        .satisfies(w -> {
                            assertThat(w.code()).isEqualTo(FindingCode.REGISTRY_VERSION_DEPRECATED);
                            assertThat(w.message())
                                    .isEqualTo(
                                            "The registry marks the version it served for minimal-token@1.0.0 as deprecated.");
                        }));
        assertThat(second.source()).isEqualTo(FetchSource.NOT_MODIFIED);
        assertThat(registry.requests()).extracting(LiveRegistry.Seen::status).containsExactly(200, 304);
    }

    @Test
    void fetchWhenRangeAskedAndOnlyVersionDeprecatedThenNotFoundSayingRangesSkipDeprecated() throws Exception {
        publishVersions("1.0.0", "1.1.0");
        registry.deprecate("minimal-token", "1.1.0");

        assertThat(client().fetch("minimal-token@1").version()).isEqualTo("1.0.0");
        registry.deprecate("minimal-token", "1.0.0");
        assertThatThrownBy(() -> client().fetch("minimal-token@latest"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.NOT_FOUND);
                    assertThat(e.problem().orElseThrow().detail()).contains("ranges and latest skip deprecated");
                });
    }

    @Test
    void fetchWhenRangeMovesOnThenNewVersionFetchedNot304() throws Exception {
        publishVersions("1.0.0");
        RegistryClient client = client();
        client.fetch("minimal-token@1");
        publishVersions("1.1.0");

        FetchedContract moved = client.fetch("minimal-token@1");

        assertThat(moved.source()).isEqualTo(FetchSource.NETWORK);
        assertThat(moved.version()).isEqualTo("1.1.0");
        assertThat(registry.count(304)).isZero();
    }

    @Test
    void fetchWhenServerStoppedThenLastGoodCopyWithWarningGivingItsAge() throws Exception {
        publishVersions("1.0.0");
        FetchedContract online = client().fetch("minimal-token@1");
        registry.stop();
        clock.advance(Duration.ofHours(2).plusMinutes(5));

        FetchedContract offline = client().fetch("minimal-token@1");

        assertThat(offline.source()).isEqualTo(FetchSource.OFFLINE_CACHE);
        assertThat(offline.json()).isEqualTo(online.json());
        assertThat(offline.fetchedAt()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(offline.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.code()).isEqualTo(FindingCode.REGISTRY_OFFLINE_COPY);
            assertThat(warning.severity()).isEqualTo(Severity.WARNING);
            assertThat(warning.message())
                    .contains("connection refused", "minimal-token@1.0.0", "2 h 5 min old", online.digest());
        });
    }

    @Test
    void fetchWhenOfflineClientThenCachedCopyAndNoRequestSent() throws Exception {
        publishVersions("1.0.0");
        FetchedContract online = client().fetch("minimal-token@1.0.0");
        int before = registry.requests().size();

        FetchedContract offline =
                RegistryClient.offline(registry.url(), settings()).fetch("minimal-token@1.0.0");

        assertThat(registry.requests()).hasSize(before);
        assertThat(offline.source()).isEqualTo(FetchSource.OFFLINE_CACHE);
        assertThat(offline.digest()).isEqualTo(online.digest());
        assertThat(offline.warnings())
                .singleElement()
                .satisfies(warning -> assertThat(warning.message()).contains("offline mode", "was not contacted"));
    }

    @Test
    void fetchWhenOfflineClientAndNothingCachedThenUnreachableWithoutARequest() {
        publishVersions("1.0.0");

        assertThatThrownBy(
                        () -> RegistryClient.offline(registry.url(), settings()).fetch("minimal-token@1.0.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNREACHABLE))
                .hasMessageContaining("offline mode")
                .hasMessageContaining("no copy on disk");
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void fetchWhenServerStoppedAndNothingCachedThenUnreachable() {
        publishVersions("1.0.0");
        registry.stop();

        assertThatThrownBy(() -> client().fetch("minimal-token@1.0.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNREACHABLE))
                .hasMessageContaining("connection refused")
                .hasMessageContaining("no copy on disk");
    }

    @Test
    void fetchWhenServerAnswers5xxThenOfflineCopyElseUnreachable() throws Exception {
        try (LiveRegistry flaky = LiveRegistry.start(b -> b.readCacheTtl(Duration.ZERO))) {
            flaky.publish(TestContracts.minimalText("1.0.0"));
            RegistryClient client = RegistryClient.create(flaky.url(), settings());
            client.fetch("minimal-token@1");
            flaky.closeStore(); // the database is gone: a range cannot be resolved, the registry answers 503

            FetchedContract offline = client.fetch("minimal-token@1");

            assertThat(flaky.requests())
                    .last()
                    .extracting(LiveRegistry.Seen::status)
                    .isEqualTo(503);
            assertThat(offline.source()).isEqualTo(FetchSource.OFFLINE_CACHE);
            assertThat(offline.warnings().get(0).message()).contains("answered HTTP 503");
            assertThatThrownBy(() -> client.fetch("minimal-token@latest"))
                    .isInstanceOfSatisfying(
                            RegistryException.class,
                            e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNREACHABLE))
                    .hasMessageContaining("HTTP 503");
        }
    }

    @Test
    void fetchWhenNotFoundThenNotFoundWithTheRegistrysProblem() {
        publishVersions("1.0.0");

        assertThatThrownBy(() -> client().fetch("minimal-token@3"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.NOT_FOUND);
                    assertThat(e.problem()).hasValueSatisfying(p -> {
                        assertThat(p.status()).isEqualTo(404);
                        assertThat(p.code()).isEqualTo("version-not-found");
                        assertThat(p.detail())
                                .isEqualTo("no active version of 'minimal-token' matches '3' (ranges and latest skip"
                                        + " deprecated and pre-release versions)");
                    });
                });
    }

    @Test
    void fetchWhenCachedBodyEditedOnDiskThenNotUsedOffline() throws Exception {
        publishVersions("1.0.0");
        client().fetch("minimal-token@1.0.0");
        editCachedBodies(body -> body.replace("RS256", "HS256"));
        registry.stop();

        assertThatThrownBy(() -> client().fetch("minimal-token@1.0.0"))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNREACHABLE))
                .hasMessageContaining("does not match its digest");
    }

    @Test
    void fetchWhenCachedBodyEditedOnDiskAndServerUpThenFetchedAfresh() throws Exception {
        publishVersions("1.0.0");
        client().fetch("minimal-token@1.0.0");
        editCachedBodies(body -> "{}");

        FetchedContract again = client().fetch("minimal-token@1.0.0");

        assertThat(again.source()).isEqualTo(FetchSource.NETWORK);
        // the real registry would answer 304 to an If-None-Match with the cached ETag: an unusable cache sends none
        assertThat(registry.requests()).extracting(LiveRegistry.Seen::status).containsExactly(200, 200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Minimal-Token@1.0.0",
                "minimal-token@1.2.3.4",
                "minimal-token@>=1.0.0",
                "../etc@1.0.0",
                "minimal-token@latest@x",
                "minimal-token@1.0.0 ",
                "minimal-token@^1",
                "minimal-token@01.0.0",
                "a/b@1",
                "minimal-token@%2e%2e"
            })
    void fetchWhenReferenceMalformedThenInvalidReferenceAndNoRequest(String reference) {
        assertThatThrownBy(() ->
                        client().fetch(reference.equals("minimal-token@1.0.0 ") ? "minimal-token@1.0.0 x" : reference))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.INVALID_REFERENCE))
                .hasMessageContaining("is not a contract reference");
        assertThat(registry.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://registry.example.test",
                "http://10.0.0.1:8080",
                "http://localhost.example.test",
                "ftp://127.0.0.1",
                "https://user:pass@registry.example.test",
                "https://registry.example.test/?x=1",
                "not a url",
                "/relative/path",
                "http://127.0.0.1.example.test"
            })
    void createWhenUrlNotHttpsOrLoopbackOrCarriesExtrasThenRefused(String url) {
        assertThatThrownBy(() -> RegistryClient.create(url, settings()))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.INVALID_URL));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://registry.example.test",
                "https://registry.example.test/base/",
                "http://localhost:8080",
                "http://127.0.0.1:1",
                "http://127.10.20.30",
                "http://[::1]:8080",
                "HTTP://LOCALHOST:9"
            })
    void createWhenHttpsOrLoopbackThenAccepted(String url) throws RegistryException {
        assertThat(RegistryClient.create(url, settings()).baseUrl().toString()).doesNotEndWith("/");
    }

    @Test
    void fetchWhenCacheWrittenThenLaidOutPerRegistryWithBodiesByDigest() throws Exception {
        publishVersions("1.0.0");

        FetchedContract fetched = client().fetch("minimal-token@^1.0.0");

        try (Stream<Path> files = Files.walk(cacheDir)) {
            List<String> names = files.filter(Files::isRegularFile)
                    .map(p -> cacheDir.relativize(p).toString())
                    .sorted()
                    .toList();
            assertThat(names).hasSize(3).allMatch(n -> n.startsWith("127.0.0.1_" + registry.port() + "-"));
            assertThat(names)
                    .anyMatch(n -> n.endsWith("/blobs/" + fetched.sha256() + ".json"))
                    .anyMatch(n -> n.endsWith("/minimal-token/caret-1.0.0.ref.json"))
                    .anyMatch(n -> n.endsWith("/minimal-token/1.0.0.ref.json"));
        }
    }

    /** Rewrites every cached body on disk, as a person or a broken disk might. */
    private void editCachedBodies(java.util.function.UnaryOperator<String> edit) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(cacheDir)) {
            for (Path blob : files.filter(
                            p -> p.getParent().getFileName().toString().equals("blobs"))
                    .toList()) {
                Files.writeString(blob, edit.apply(Files.readString(blob)));
            }
        }
    }
}
