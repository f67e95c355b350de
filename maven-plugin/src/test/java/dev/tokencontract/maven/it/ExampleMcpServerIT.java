package dev.tokencontract.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The issue's "done when", end to end: {@code examples/maven-plugin-mcp-server} (a standalone project using the
 * plugin, its contract pinned in tokencontract.lock) is built by a nested {@code mvn verify} against the real
 * registry of the ITs, whose {@code acme.crm-token@1.0.0} has other bytes than the pin. The build fails; the real
 * CLI jar's {@code tokencontract lock} re-pins; the same build passes, its tests running on the fetched contract.
 */
class ExampleMcpServerIT {
    private final String registry = System.getProperty("it.registry.url");
    private final Path work = Path.of(System.getProperty("it.work"));
    private final Path project = work.resolve("crm-mcp-server");

    @Test
    void verifyWhenPinAndRegistryDisagreeThenFailsAndAfterCliLockPasses() throws Exception {
        copyExample();
        String pinned = Files.readString(project.resolve("tokencontract.lock"));

        Run drifted = mvn("-Dtokencontract.registry=" + registry);

        assertThat(drifted.exit()).as(drifted.output()).isEqualTo(1);
        assertThat(drifted.output())
                .contains("MISMATCH   acme.crm-token@1.0.0", "LOCK_DIGEST_MISMATCH", "do not match the registry")
                .contains("re-pin with `mvn tokencontract:lock` or `tokencontract lock NAME@RANGE`")
                .contains("BUILD FAILURE")
                .doesNotContain("\tat ", "Caused by");
        assertThat(project.resolve("target/classes/tokencontract")).doesNotExist();

        Run lock = run(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("it.cliJar"),
                "lock",
                "--registry",
                registry,
                "--cache-dir",
                work.resolve("cli-cache").toString(),
                "--lockfile",
                project.resolve("tokencontract.lock").toString(),
                "acme.crm-token@^1.0.0"));
        assertThat(lock.exit()).as(lock.output()).isZero();
        assertThat(lock.output()).contains("acme.crm-token@^1.0.0 -> acme.crm-token@1.0.0  sha256 ");
        assertThat(Files.readString(project.resolve("tokencontract.lock")))
                .isNotEqualTo(pinned)
                .contains("\"registry\" : \"" + registry + "\"");

        Run relocked = mvn(); // the registry is now the one the lockfile records

        assertThat(relocked.exit()).as(relocked.output()).isZero();
        assertThat(relocked.output())
                .contains("VERIFIED: 1 entry matches its pinned sha-256")
                .contains("Fetched acme.crm-token@1.0.0 sha256 ")
                .contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0")
                .contains("BUILD SUCCESS");
        assertThat(project.resolve("target/classes/tokencontract/acme.crm-token.json"))
                .content()
                .contains("(restored copy)");
    }

    private void copyExample() throws IOException {
        Path example = Path.of(System.getProperty("it.example"));
        if (Files.exists(work)) {
            try (Stream<Path> old = Files.walk(work)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(example)) {
            for (Path file : files.toList()) {
                Path relative = example.relativize(file);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = project.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        String settings = Files.readString(Path.of(System.getProperty("it.settings")))
                .replace(
                        "@localRepositoryUrl@",
                        Path.of(System.getProperty("it.userRepo")).toUri().toString());
        Files.writeString(work.resolve("settings.xml"), settings);
    }

    private Run mvn(String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("it.mavenHome"), "bin", "mvn").toString(),
                "-B",
                "-ntp",
                "-s",
                work.resolve("settings.xml").toString(),
                "-Dmaven.repo.local=" + System.getProperty("it.localRepo"),
                "-Dtokencontract.version=" + System.getProperty("it.pluginVersion"),
                "-Dtokencontract.cacheDir=" + work.resolve("plugin-cache"),
                "-f",
                project.resolve("pom.xml").toString(),
                "verify"));
        command.addAll(List.of(extra));
        return run(command);
    }

    private Run run(List<String> command) throws Exception {
        Path log = Files.createTempFile(work, "run-", ".log");
        Process process = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(4, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command + "\n" + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Run(int exit, String output) {}
}
