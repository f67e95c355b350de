package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.registry.testing.LiveRegistry;
import dev.tokencontract.testing.TestContracts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The set-up the registry command tests share: the real registry server on a free loopback port holding
 * {@code minimal-token@1.0.0}, a real publisher token, a scratch cache and lockfile.
 */
abstract class RegistryCliTestBase {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TOKEN = LiveRegistry.publisherToken();
    static final String SIGNATURE = TOKEN.substring(TOKEN.lastIndexOf('.') + 1);
    LiveRegistry registry = LiveRegistry.start();
    /** What the registry serves for minimal-token@1.0.0 (its canonical form) and that text's digest. */
    String served;

    String servedDigest;

    @TempDir
    Path dir;

    Path cache;
    Path lockfile;
    Path tokenFile;
    Path contract;

    @BeforeEach
    void setUp() throws Exception {
        cache = dir.resolve("cache");
        lockfile = dir.resolve(Lockfile.FILE_NAME);
        tokenFile = Files.writeString(dir.resolve("token.txt"), TOKEN + "\n");
        contract = Files.writeString(dir.resolve("minimal-1.1.0.json"), TestContracts.minimalText("1.1.0"));
        servedDigest = registry.publish(TestContracts.minimalText("1.0.0")).digest();
        served = registry.served("minimal-token", "1.0.0");
        registry.forgetRequests();
    }

    /**
     * Replaces the registry by one on the same port holding only {@code contractTexts}, as after a restore from
     * another backup: the only way the real server serves other bytes for a published version, or none.
     */
    void restoreOtherBackup(String... contractTexts) {
        int port = registry.port();
        registry.close();
        registry = LiveRegistry.startOn(port);
        for (String text : contractTexts) {
            registry.publish(text);
        }
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    CliRun.Result run(String command, String... args) {
        return runAgainst(registry.url(), command, args);
    }

    CliRun.Result runAgainst(String url, String command, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--registry";
        all[args.length + 2] = url;
        all[args.length + 3] = "--cache-dir";
        all[args.length + 4] = cache.toString();
        return cli().run(all);
    }

    static void assertTokenNeverShown(CliRun.Result result) {
        assertThat(result.out() + result.err()).doesNotContain(TOKEN).doesNotContain(SIGNATURE);
    }
}
