package dev.tokencontract.registry.testing;

import static dev.tokencontract.registry.testing.StoreFixtures.PUBLISHED_AT;
import static dev.tokencontract.registry.testing.StoreFixtures.content;
import static dev.tokencontract.registry.testing.StoreFixtures.newVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.ContractStores;
import dev.tokencontract.registry.store.NewVersion;
import dev.tokencontract.registry.store.PublishAttempt;
import dev.tokencontract.registry.store.PublishAttempt.Outcome;
import dev.tokencontract.registry.store.PublishGuard;
import dev.tokencontract.registry.store.StoredVersion;
import dev.tokencontract.registry.store.VersionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ContractStore} must have, run against each implementation by a subclass that
 * says how to open a fresh, empty store. Hostile input, raw SQL against the append-only tables and the
 * schema live in {@link StoreHardeningSuite}.
 */
public abstract class ContractStoreSuite {
    private static final PublishGuard<Void> MUST_NOT_RUN = (existing, mode) -> {
        throw new AssertionError("guard consulted");
    };

    protected ContractStore store;

    /** A fresh, empty store; closed after each test. */
    protected abstract ContractStore openStore();

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void publishWhenNewThenCreatedAndReadable() {
        NewVersion v1 = newVersion("identity.access", "1.0.0", content("one"));

        PublishAttempt<?> result = store.publish(v1, PublishGuard.ALLOW);

        StoredVersion expected = new StoredVersion(
                "identity.access",
                "1.0.0",
                v1.content(),
                v1.digest(),
                VersionState.ACTIVE,
                "publisher-1",
                PUBLISHED_AT);
        assertThat(result).isEqualTo(new PublishAttempt<>(Outcome.CREATED, Optional.of(expected), Optional.empty()));
        assertThat(store.version("identity.access", "1.0.0")).contains(expected);
        assertThat(store.versions("identity.access")).containsExactly(expected);
        assertThat(store.names()).containsExactly("identity.access");
    }

    @Test
    void publishWhenSameContentThenSameContentWithoutConsultingTheGuard() {
        NewVersion v1 = newVersion("a", "1.0.0", content("one"));
        store.publish(v1, PublishGuard.ALLOW);
        NewVersion again =
                new NewVersion("a", "1.0.0", v1.content(), v1.digest(), "someone-else", PUBLISHED_AT.plusSeconds(60));

        PublishAttempt<?> result = store.publish(again, MUST_NOT_RUN);

        assertThat(result.outcome()).isEqualTo(Outcome.SAME_CONTENT);
        assertThat(result.stored().orElseThrow().publishedBy()).isEqualTo("publisher-1");
        assertThat(result.stored().orElseThrow().publishedAt()).isEqualTo(PUBLISHED_AT);
        assertThat(store.versions("a")).hasSize(1);
    }

    @Test
    void publishWhenSameVersionOtherContentThenConflictAndOriginalKept() {
        NewVersion original = newVersion("a", "1.0.0", content("one"));
        store.publish(original, PublishGuard.ALLOW);

        PublishAttempt<?> result = store.publish(newVersion("a", "1.0.0", content("two")), MUST_NOT_RUN);

        assertThat(result.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(result.stored().orElseThrow().content()).isEqualTo(original.content());
        assertThat(result.refusal()).isEmpty();
        assertThat(store.version("a", "1.0.0").orElseThrow().digest()).isEqualTo(original.digest());
    }

    @Test
    void publishWhenGuardRefusesFirstVersionThenNothingStoredAndNameUnknown() {
        PublishAttempt<?> result = store.publish(
                newVersion("a", "1.0.0", content("one")), (existing, mode) -> Optional.of(List.of("lint: too deep")));

        assertThat(result)
                .isEqualTo(new PublishAttempt<>(
                        Outcome.REFUSED, Optional.empty(), Optional.of(List.of("lint: too deep"))));
        assertThat(store.names()).isEmpty();
        assertThat(store.mode("a")).isEmpty();
        assertThat(store.versions("a")).isEmpty();
    }

    @Test
    void publishWhenGuardRefusesLaterVersionThenOnlyEarlierOnesStay() {
        store.publish(newVersion("a", "1.0.0", content("one")), PublishGuard.ALLOW);
        store.setMode("a", CompatibilityMode.BACKWARD);

        PublishAttempt<?> result =
                store.publish(newVersion("a", "2.0.0", content("two")), (existing, mode) -> Optional.of("breaking"));

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(store.versions("a")).extracting(StoredVersion::version).containsExactly("1.0.0");
        assertThat(store.mode("a")).contains(CompatibilityMode.BACKWARD);
    }

    @Test
    void publishWhenGuardThrowsThenExceptionPropagatesAndNothingStored() {
        assertThatThrownBy(() -> store.publish(newVersion("a", "1.0.0", content("one")), (existing, mode) -> {
                    throw new IllegalStateException("engine failed");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("engine failed");

        assertThat(store.names()).isEmpty();
        assertThat(store.publish(newVersion("a", "1.0.0", content("one")), PublishGuard.ALLOW)
                        .outcome())
                .isEqualTo(Outcome.CREATED);
    }

    @Test
    void guardSeesEveryVersionOldestFirstAndTheMode() {
        for (String version : List.of("1.10.0", "1.2.0", "1.9.0", "1.10.0-rc.1")) {
            store.publish(newVersion("a", version, content(version)), PublishGuard.ALLOW);
        }
        store.setMode("a", CompatibilityMode.FORWARD_TRANSITIVE);
        AtomicReference<List<String>> seen = new AtomicReference<>();
        AtomicReference<CompatibilityMode> seenMode = new AtomicReference<>();

        store.publish(newVersion("a", "2.0.0", content("2")), (existing, mode) -> {
            seen.set(existing.stream().map(StoredVersion::version).toList());
            seenMode.set(mode);
            return Optional.empty();
        });

        assertThat(seen.get()).containsExactly("1.2.0", "1.9.0", "1.10.0-rc.1", "1.10.0");
        assertThat(seenMode.get()).isEqualTo(CompatibilityMode.FORWARD_TRANSITIVE);
    }

    @Test
    void guardOfFirstPublishSeesNoVersionsAndTheDefaultMode() {
        AtomicReference<CompatibilityMode> seenMode = new AtomicReference<>();
        List<StoredVersion> seen = new ArrayList<>();

        store.publish(newVersion("a", "1.0.0", content("one")), (existing, mode) -> {
            seen.addAll(existing);
            seenMode.set(mode);
            return Optional.empty();
        });

        assertThat(seen).isEmpty();
        assertThat(seenMode.get()).isEqualTo(CompatibilityMode.FULL_TRANSITIVE);
    }

    @Test
    void versionsWhenPublishedOutOfOrderThenSemanticOrder() {
        List<String> published = List.of(
                "2.0.0", "1.10.0", "1.9.0", "1.0.0-beta", "10.0.0", "1.0.0", "1.0.0-alpha", "2.0.0-rc.1", "1.9.10");
        for (String version : published) {
            store.publish(newVersion("a", version, content(version)), PublishGuard.ALLOW);
        }

        assertThat(store.versions("a"))
                .extracting(StoredVersion::version)
                .containsExactly(
                        "1.0.0-alpha",
                        "1.0.0-beta",
                        "1.0.0",
                        "1.9.0",
                        "1.9.10",
                        "1.10.0",
                        "2.0.0-rc.1",
                        "2.0.0",
                        "10.0.0");
    }

    @Test
    void namesWhenSeveralThenSortedByJavaOrderOnEveryDatabase() {
        for (String name : List.of("b", "B", "a.z", "a", "ä", "a-b")) {
            store.publish(newVersion(name, "1.0.0", content(name)), PublishGuard.ALLOW);
        }

        assertThat(store.names()).containsExactly("B", "a", "a-b", "a.z", "b", "ä");
    }

    @Test
    void modeWhenNeverConfiguredThenFullTransitive() {
        store.publish(newVersion("a", "1.0.0", content("one")), PublishGuard.ALLOW);

        assertThat(store.mode("a")).contains(CompatibilityMode.FULL_TRANSITIVE);
        assertThat(ContractStores.DEFAULT_MODE).isEqualTo(CompatibilityMode.FULL_TRANSITIVE);
    }

    @Test
    void setModeWhenKnownThenEveryModeRoundTrips() {
        store.publish(newVersion("a", "1.0.0", content("one")), PublishGuard.ALLOW);

        for (CompatibilityMode mode : CompatibilityMode.values()) {
            assertThat(store.setMode("a", mode)).isTrue();
            assertThat(store.mode("a")).contains(mode);
        }
    }

    @Test
    void setModeWhenUnknownThenFalseAndNothingCreated() {
        assertThat(store.setMode("ghost", CompatibilityMode.NONE)).isFalse();

        assertThat(store.mode("ghost")).isEmpty();
        assertThat(store.names()).isEmpty();
    }

    @Test
    void setStateWhenKnownThenDeprecatedAndContentUnchanged() {
        NewVersion v1 = newVersion("a", "1.0.0", content("one"));
        store.publish(v1, PublishGuard.ALLOW);

        assertThat(store.setState("a", "1.0.0", VersionState.DEPRECATED)).isTrue();

        StoredVersion stored = store.version("a", "1.0.0").orElseThrow();
        assertThat(stored.state()).isEqualTo(VersionState.DEPRECATED);
        assertThat(stored.content()).isEqualTo(v1.content());
        assertThat(stored.digest()).isEqualTo(v1.digest());
        assertThat(store.setState("a", "1.0.0", VersionState.ACTIVE)).isTrue();
        assertThat(store.version("a", "1.0.0").orElseThrow().state()).isEqualTo(VersionState.ACTIVE);
    }

    @Test
    void setStateWhenUnknownThenFalse() {
        store.publish(newVersion("a", "1.0.0", content("one")), PublishGuard.ALLOW);

        assertThat(store.setState("a", "9.9.9", VersionState.DEPRECATED)).isFalse();
        assertThat(store.setState("ghost", "1.0.0", VersionState.DEPRECATED)).isFalse();
    }

    @Test
    void readsWhenNameUnknownThenEmpty() {
        store.publish(newVersion("a", "1.0.0", content("one")), PublishGuard.ALLOW);

        assertThat(store.versions("ghost")).isEmpty();
        assertThat(store.version("ghost", "1.0.0")).isEmpty();
        assertThat(store.version("a", "1.0.1")).isEmpty();
        assertThat(store.mode("ghost")).isEmpty();
        assertThat(store.names()).containsExactly("a");
    }

    @Test
    void publishedAtWhenNanosecondsThenKeptToTheMicrosecond() {
        Instant at = Instant.parse("2026-01-02T03:04:05.123456789Z");
        NewVersion v1 = new NewVersion("a", "1.0.0", content("one"), StoreFixtures.digest(content("one")), "p", at);

        PublishAttempt<?> result = store.publish(v1, PublishGuard.ALLOW);

        Instant kept = Instant.parse("2026-01-02T03:04:05.123456Z");
        assertThat(result.stored().orElseThrow().publishedAt()).isEqualTo(kept);
        assertThat(store.version("a", "1.0.0").orElseThrow().publishedAt()).isEqualTo(kept);
    }

    @Test
    void auditWhenAppendedThenReadNewestFirstWithEveryField() {
        AuditEntry first =
                new AuditEntry(PUBLISHED_AT, "publish", "alice", "ci-bot", "a", "1.0.0", "sha-256:ab", "201 created");
        AuditEntry second =
                new AuditEntry(PUBLISHED_AT.plusSeconds(1), "config", "bob", null, "a", null, null, "200 ok");
        AuditEntry third = new AuditEntry(
                PUBLISHED_AT.minusSeconds(5), "publish", "invalid-token", null, null, null, null, "401 invalid-token");
        store.appendAudit(first);
        store.appendAudit(second);
        store.appendAudit(third);

        // Newest by append order, not by the entries' clocks (replicas' clocks may differ).
        assertThat(store.audit(10)).containsExactly(third, second, first);
        assertThat(store.audit(2)).containsExactly(third, second);
        assertThat(store.audit(0)).isEmpty();
    }

    @Test
    void auditWhenNegativeLimitOrMissingFieldThenIllegalArgument() {
        assertThatThrownBy(() -> store.audit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        store.appendAudit(new AuditEntry(PUBLISHED_AT, "publish", null, null, null, null, null, "401")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.audit(10)).isEmpty();
    }

    @Test
    void reachableWhenOpenThenTrue() {
        assertThat(store.reachable()).isTrue();
    }
}
