package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.testing.FakeRegistry;
import dev.tokencontract.testing.TestContracts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The set-up the registry command tests share: a real HTTP server speaking the registry API, a scratch cache and lockfile. */
abstract class RegistryCliTestBase {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.dG9wLXNlY3JldC1zaWduYXR1cmU";
    final FakeRegistry registry = FakeRegistry.start().token(TOKEN);

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
        registry.put(TestContracts.minimalText("1.0.0"));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    CliRun.Result run(String command, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--registry";
        all[args.length + 2] = registry.url();
        all[args.length + 3] = "--cache-dir";
        all[args.length + 4] = cache.toString();
        return cli().run(all);
    }

    static void assertTokenNeverShown(CliRun.Result result) {
        assertThat(result.out() + result.err()).doesNotContain(TOKEN).doesNotContain("dG9wLXNlY3JldC1zaWduYXR1cmU");
    }
}
