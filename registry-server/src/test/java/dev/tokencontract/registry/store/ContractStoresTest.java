package dev.tokencontract.registry.store;

import static dev.tokencontract.registry.testing.StoreFixtures.content;
import static dev.tokencontract.registry.testing.StoreFixtures.newVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.registry.store.PublishAttempt.Outcome;
import dev.tokencontract.registry.testing.PostgresServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening stores: the embedded default, URLs, and failures that must be clear and never show secrets. */
class ContractStoresTest {
    @TempDir
    Path dir;

    @Test
    void embeddedWhenDirectoryMissingThenCreatedAndDataSurvivesReopen() {
        Path dataDir = dir.resolve("nested/data");
        try (ContractStore store = ContractStores.embedded(dataDir)) {
            store.publish(newVersion("a", "1.0.0", content("one")), PublishGuard.ALLOW);
        }

        assertThat(dataDir.resolve("registry.mv.db")).isRegularFile();
        try (ContractStore store = ContractStores.embedded(dataDir)) {
            assertThat(store.version("a", "1.0.0")).isPresent();
            assertThat(store.publish(newVersion("a", "1.0.0", content("one")), PublishGuard.ALLOW)
                            .outcome())
                    .isEqualTo(Outcome.SAME_CONTENT);
        }
    }

    @Test
    void embeddedWhenPathIsAFileThenStoreException() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> ContractStores.embedded(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot create the data directory");
    }

    @Test
    void inMemoryWhenTwoThenIsolated() {
        try (ContractStore one = ContractStores.inMemory();
                ContractStore two = ContractStores.inMemory()) {
            one.publish(newVersion("a", "1.0.0", content("one")), PublishGuard.ALLOW);

            assertThat(two.names()).isEmpty();
            assertThat(one.names()).containsExactly("a");
        }
    }

    @Test
    void openWhenUnsupportedDatabaseThenIllegalArgumentWithoutTheQuery() {
        assertThatThrownBy(() -> ContractStores.open("jdbc:mysql://db/registry?password=hunter2", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ContractStores.open(null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openWhenNothingListensThenStoreExceptionWithoutThePassword() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/registry?password=hunter2";

        assertThatThrownBy(() -> ContractStores.open(url, "u", "s3cret-pw"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:" + port + "/registry")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("s3cret-pw");
    }

    @Test
    void openWhenWrongPasswordThenStoreExceptionWithoutThePassword() {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase();

        assertThatThrownBy(() -> ContractStores.open(url, server.user(), "wrong-pw-123"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("wrong-pw-123");
    }

    @Test
    void reachableWhenServerStopsThenFalseAndReadsFailAsStoreException() {
        PostgresServer server = PostgresServer.start();
        try (ContractStore store = ContractStores.open(server.createDatabase(), server.user(), server.password())) {
            assertThat(store.reachable()).isTrue();

            server.close();

            assertThat(store.reachable()).isFalse();
            assertThatThrownBy(store::names).isInstanceOf(StoreException.class);
        } finally {
            server.close();
        }
    }
}
