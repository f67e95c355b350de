package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.CompatProbes;
import dev.tokencontract.testing.CompatProbes.Probe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 11's probes through the built jar, as processes: {@code tokencontract diff} and a publish to a real
 * {@code serve --dev} registry refuse a role enum widened behind {@code items.$ref} (reference text unchanged),
 * name the change and show a token; {@code diff} does the same for an anchor, a {@code not} and an
 * {@code unevaluatedProperties} probe.
 */
class CompatProbesIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private Process server;

    @BeforeAll
    static void jarBuilt() {
        assertThat(JarProcess.JAR).as("run 'package' first").isRegularFile();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void diffWhenRoleEnumWidenedBehindItemsRefThenRefusedWithChangeAndToken() throws Exception {
        Probe probe = CompatProbes.rolesItemsRef();

        JarProcess.Result text =
                JarProcess.in(dir).run("diff", file(probe.older(), "old.json"), file(probe.newer(), "new.json"));
        JarProcess.Result json = JarProcess.in(dir)
                .run("diff", "--format", "json", file(probe.older(), "old.json"), file(probe.newer(), "new.json"));

        assertThat(text.exit()).as(text.out() + text.err()).isEqualTo(1);
        assertThat(text.out())
                .contains(
                        "Refused (1):",
                        "[producer-breaking widening] /$defs/role/enum",
                        "enum gained \"admin\"",
                        "Counterexample (producer-breaking) rejected by CLAIM_VALUE_NOT_ALLOWED",
                        "\"admin\"")
                .doesNotContain("unconfirmed");
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.get("compatible").asBoolean()).isFalse();
        assertThat(report.at("/changes/0/kind").asString()).isEqualTo("enum-value-added");
        assertThat(report.at("/changes/0/unconfirmed")).isEmpty();
        assertThat(report.get("counterexamples").findValues("claims").toString())
                .contains("\"admin\"");
    }

    @Test
    void diffWhenOtherProbesThenEachRefusedWithItsKindAndAToken() throws Exception {
        for (String name : List.of(
                "$ref to an $anchor",
                "not.$ref",
                "unevaluatedProperties: false, property dropped from an allOf branch")) {
            Probe probe = CompatProbes.all().stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst()
                    .orElseThrow();

            JarProcess.Result json = JarProcess.in(dir)
                    .run("diff", "--format", "json", file(probe.older(), "old.json"), file(probe.newer(), "new.json"));

            JsonNode report = JSON.readTree(json.out());
            assertThat(json.exit()).as(name).isEqualTo(1);
            assertThat(report.get("changes").findValuesAsString("kind"))
                    .as(name)
                    .contains(probe.kind());
            assertThat(report.get("counterexamples").findValuesAsString("direction"))
                    .as(name)
                    .containsAll(probe.refused().stream().map(Enum::name).toList());
        }
    }

    @Test
    void publishWhenRoleEnumWidenedBehindItemsRefThenRegistryRefusesWithChangeAndToken() throws Exception {
        Path data = dir.resolve("data");
        String url = startDevRegistry(data);
        Path token = data.resolve("dev-publisher.token");
        Probe probe = CompatProbes.rolesItemsRef();
        JarProcess jar = JarProcess.in(dir)
                .env(RegistryOptions.CACHE_ENV, dir.resolve("cache").toString());

        JarProcess.Result first = jar.run(
                "publish", file(probe.older(), "old.json"), "--registry", url, "--token-file", token.toString());
        JarProcess.Result widened = jar.run(
                "publish", file(probe.newer(), "new.json"), "--registry", url, "--token-file", token.toString());

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(widened.exit()).as(widened.out() + widened.err()).isEqualTo(1);
        assertThat(widened.err())
                .startsWith("tokencontract publish: the registry refused minimal-token@1.1.0 (HTTP 409)")
                .contains(
                        "REFUSED ",
                        "enum-value-added /$defs/role/enum",
                        "counterexamples",
                        "BREAKING_FOR_PRODUCERS against 1.0.0",
                        "\"admin\"");
    }

    private String file(ObjectNode document, String name) throws Exception {
        return Files.writeString(dir.resolve(name), document.toPrettyString()).toString();
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
                        data.toString(),
                        // the assertions name a counterexample: give the search time enough on a loaded machine
                        // (the default 1 s ran out under load 20, and the answer then rightly carries none)
                        "--search-budget",
                        "30")
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
}
