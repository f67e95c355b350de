package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.lock.Lockfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real registry and the real client, both from the built jar: {@code serve --dev --port 0}, then
 * publish with the dev token, fetch (and revalidate), lock, verify-lock, a tampered lock that fails, an
 * incompatible publish refused change by change, and the offline fallback once the registry is stopped.
 */
class RegistryEndToEndIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String startDevRegistry(Path data) throws Exception {
        Path out = dir.resolve("serve.out");
        server = new ProcessBuilder(
                        JAVA,
                        "-jar",
                        JarProcess.JAR.toString(),
                        "serve",
                        "--dev",
                        "--port",
                        "0",
                        "--data",
                        data.toString())
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("serve.err").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            Matcher matcher = LISTENING.matcher(Files.readString(out, StandardCharsets.UTF_8));
            if (matcher.find() && Files.exists(data.resolve("dev-publisher.token"))) {
                return matcher.group(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "serve did not start: " + Files.readString(out) + Files.readString(dir.resolve("serve.err")));
    }

    private static String contract(String version, boolean extraRequiredClaim) throws Exception {
        ObjectNode document =
                (ObjectNode) Contracts.bundled("mcp-access-token@1.0.0").document();
        document.put("$id", "https://tokencontract.dev/contracts/acme.crm-token/" + version);
        ((ObjectNode) document.get("x-contract")).put("name", "acme.crm-token").put("version", version);
        if (extraRequiredClaim) {
            ((ObjectNode) document.get("properties")).putObject("department").put("type", "string");
            document.withArray("required").add("department");
        }
        return document.toPrettyString();
    }

    @Test
    void publishFetchLockVerifyAgainstTheRealRegistryThenTamperedLockFailsAndOfflineFallsBack() throws Exception {
        Path data = dir.resolve("data");
        String url = startDevRegistry(data);
        Path tokenFile = data.resolve("dev-publisher.token");
        String token = Files.readString(tokenFile).strip();
        Path lockfile = dir.resolve(Lockfile.FILE_NAME);
        Path v1 = Files.writeString(dir.resolve("v1.json"), contract("1.0.0", false));
        Path v2 = Files.writeString(dir.resolve("v2.json"), contract("1.1.0", true));
        JarProcess jar = JarProcess.in(dir)
                .env(RegistryOptions.CACHE_ENV, dir.resolve("cache").toString());

        JarProcess.Result publish =
                jar.run("publish", v1.toString(), "--registry", url, "--token-file", tokenFile.toString());
        JarProcess.Result fetch = jar.run("fetch", "acme.crm-token@^1.0.0", "--registry", url);
        JarProcess.Result again = jar.run("fetch", "acme.crm-token@^1.0.0", "--registry", url);
        JarProcess.Result lock = jar.run(
                "lock", "acme.crm-token@1", "mcp-access-token@1", "--registry", url, "--lockfile", lockfile.toString());
        JarProcess.Result verify = jar.run("verify-lock", "--lockfile", lockfile.toString());

        assertThat(publish.exit()).as(publish.err()).isZero();
        assertThat(publish.out())
                .startsWith("Published acme.crm-token@1.0.0 to " + url + " (201 Created)")
                .contains("location: /contracts/acme.crm-token/versions/1.0.0", "digest:   sha-256:");
        assertThat(fetch.exit()).as(fetch.err()).isZero();
        assertThat(JSON.readTree(fetch.out())).isEqualTo(JSON.readTree(contract("1.0.0", false)));
        assertThat(fetch.err()).contains("fetched acme.crm-token@1.0.0", "from the registry");
        assertThat(again.err()).contains("cached copy, confirmed by the registry: 304");
        assertThat(lock.exit()).as(lock.err()).isZero();
        assertThat(Lockfile.read(lockfile).entries())
                .extracting(e -> e.reference())
                .containsExactly("acme.crm-token@1.0.0", "mcp-access-token@1.0.0");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).endsWith("VERIFIED: 2 entries match their pinned sha-256 (exit 0)\n");

        Path tampered = dir.resolve("tampered.lock");
        Files.writeString(
                tampered,
                Files.readString(lockfile).replaceFirst("\"sha256\" : \"[0-9a-f]{8}", "\"sha256\" : \"00000000"));
        JarProcess.Result mismatch = jar.run("verify-lock", "--lockfile", tampered.toString());

        assertThat(mismatch.exit()).isEqualTo(1);
        assertThat(mismatch.out())
                .contains(
                        "MISMATCH   acme.crm-token@1.0.0", "LOCK_DIGEST_MISMATCH", "ok         mcp-access-token@1.0.0")
                .endsWith("FAILED: 1 of 2 entries does not match the lockfile (exit 1)\n");

        JarProcess.Result incompatible =
                jar.run("publish", v2.toString(), "--registry", url, "--token-file", tokenFile.toString());

        assertThat(incompatible.exit())
                .as(incompatible.out() + incompatible.err())
                .isEqualTo(1);
        assertThat(incompatible.err())
                .startsWith("tokencontract publish: the registry refused acme.crm-token@1.1.0 (HTTP 409)")
                .contains("  changes:", "REFUSED ", "/required");

        server.destroy();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        JarProcess.Result offline = jar.run("fetch", "acme.crm-token@^1.0.0", "--registry", url);

        assertThat(offline.exit()).isZero();
        assertThat(offline.err())
                .contains("warning: REGISTRY_OFFLINE_COPY", "connection refused", "OFFLINE: last good copy from disk");
        for (JarProcess.Result result : List.of(publish, fetch, again, lock, verify, mismatch, incompatible, offline)) {
            assertThat(result.out() + result.err()).doesNotContain(token).doesNotContain("Exception", "\tat ");
        }
    }
}
