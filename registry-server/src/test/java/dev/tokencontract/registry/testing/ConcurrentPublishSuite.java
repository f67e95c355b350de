package dev.tokencontract.registry.testing;

import static dev.tokencontract.registry.testing.StoreFixtures.content;
import static dev.tokencontract.registry.testing.StoreFixtures.newVersion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.contract.SemanticVersions;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.NewVersion;
import dev.tokencontract.registry.store.PublishAttempt;
import dev.tokencontract.registry.store.PublishAttempt.Outcome;
import dev.tokencontract.registry.store.PublishGuard;
import dev.tokencontract.registry.store.StoredVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many publishers at once, through one store and through two independently opened stores over the same
 * database (two registry replicas). Threads start together behind a latch; guards pause briefly while the
 * name is locked so that a broken lock would show as interleaved decisions.
 */
public abstract class ConcurrentPublishSuite {
    private static final int THREADS = 32;

    protected ContractStore first;
    protected ContractStore second;

    /** Two stores with separate connection pools over one fresh, empty database, in that order. */
    protected abstract List<ContractStore> openTwoStores();

    @BeforeEach
    void open() {
        List<ContractStore> stores = openTwoStores();
        first = stores.get(0);
        second = stores.get(1);
    }

    @AfterEach
    void closeStores() {
        first.close();
        second.close();
    }

    @Test
    void sameVersionSameContentWhen32PublishAtOnceThenOneCreatedRestSameContent() throws Exception {
        NewVersion version = newVersion("race", "1.0.0", content("same"));

        List<PublishAttempt<?>> results = publishAtOnce(i -> version, i -> PublishGuard.ALLOW);

        assertThat(count(results, Outcome.CREATED)).isEqualTo(1);
        assertThat(count(results, Outcome.SAME_CONTENT)).isEqualTo(THREADS - 1);
        assertThat(first.versions("race")).extracting(StoredVersion::digest).containsExactly(version.digest());
    }

    @Test
    void sameVersionOtherContentWhen32PublishAtOnceThenOneCreatedRestConflictWithTheWinner() throws Exception {
        List<NewVersion> submitted = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            submitted.add(newVersion("race", "1.0.0", content("variant " + i)));
        }

        List<PublishAttempt<?>> results = publishAtOnce(submitted::get, i -> PublishGuard.ALLOW);

        assertThat(count(results, Outcome.CREATED)).isEqualTo(1);
        assertThat(count(results, Outcome.CONFLICT)).isEqualTo(THREADS - 1);
        StoredVersion winner = results.stream()
                .filter(r -> r.outcome() == Outcome.CREATED)
                .findFirst()
                .orElseThrow()
                .stored()
                .orElseThrow();
        List<StoredVersion> stored = second.versions("race");
        assertThat(stored).containsExactly(winner);
        assertThat(submitted).extracting(NewVersion::content).contains(winner.content());
        assertThat(StoreFixtures.digest(winner.content())).isEqualTo(winner.digest());
        assertThat(results)
                .filteredOn(r -> r.outcome() == Outcome.CONFLICT)
                .allSatisfy(r -> assertThat(r.stored()).contains(winner));
    }

    @Test
    void differentVersionsWhen32PublishAtOnceThenGuardDecisionsAreSerialised() throws Exception {
        // Guard: refuse when a newer version already exists. If two publishes could decide on the same
        // snapshot, two CREATED would report the same set of earlier versions.
        Map<String, List<String>> seenByCreated = new ConcurrentHashMap<>();
        IntFunction<PublishGuard<?>> guard = i -> (existing, mode) -> {
            pause();
            String mine = "1.0." + i;
            List<String> earlier = existing.stream().map(StoredVersion::version).toList();
            if (earlier.stream().anyMatch(v -> SemanticVersions.ORDER.compare(v, mine) > 0)) {
                return Optional.of("newer exists");
            }
            seenByCreated.put(mine, earlier);
            return Optional.empty();
        };

        List<PublishAttempt<?>> results =
                publishAtOnce(i -> newVersion("ordered", "1.0." + i, content("v" + i)), guard);

        List<String> created = results.stream()
                .filter(r -> r.outcome() == Outcome.CREATED)
                .map(r -> r.stored().orElseThrow().version())
                .sorted(SemanticVersions.ORDER)
                .toList();
        assertThat(count(results, Outcome.CREATED) + count(results, Outcome.REFUSED))
                .isEqualTo(THREADS);
        assertThat(first.versions("ordered")).extracting(StoredVersion::version).containsExactlyElementsOf(created);
        // Each created version saw exactly the versions created before it, all older: a serial history.
        for (int k = 0; k < created.size(); k++) {
            assertThat(seenByCreated.get(created.get(k))).containsExactlyElementsOf(created.subList(0, k));
        }
        assertThat(seenByCreated.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void twoStoresWhenEitherWritesThenTheOtherSeesIt() {
        NewVersion fromFirst = newVersion("shared", "1.0.0", content("one"));
        first.publish(fromFirst, PublishGuard.ALLOW);
        assertThat(second.version("shared", "1.0.0")).map(StoredVersion::digest).contains(fromFirst.digest());

        second.publish(newVersion("shared", "1.1.0", content("two")), PublishGuard.ALLOW);
        second.setMode("shared", CompatibilityMode.BACKWARD);
        assertThat(first.versions("shared")).extracting(StoredVersion::version).containsExactly("1.0.0", "1.1.0");
        assertThat(first.mode("shared")).contains(CompatibilityMode.BACKWARD);

        assertThat(second.publish(fromFirst, PublishGuard.ALLOW).outcome()).isEqualTo(Outcome.SAME_CONTENT);
        assertThat(first.names()).containsExactly("shared");
    }

    private List<PublishAttempt<?>> publishAtOnce(IntFunction<NewVersion> versions, IntFunction<PublishGuard<?>> guards)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<PublishAttempt<?>>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int index = i;
                // Half the publishers go through each store, like clients spread over two replicas.
                ContractStore store = i % 2 == 0 ? first : second;
                futures.add(pool.<PublishAttempt<?>>submit(() -> {
                    ready.countDown();
                    go.await();
                    return store.publish(versions.apply(index), guards.apply(index));
                }));
            }
            ready.await();
            go.countDown();
            List<PublishAttempt<?>> results = new ArrayList<>();
            for (Future<PublishAttempt<?>> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<PublishAttempt<?>> results, Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
