package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.TestContracts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** End to end: {@code tokencontract diff} from the built fat jar, as a process. */
class DiffIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MCP = "mcp-access-token@1.0.0";

    @TempDir
    Path dir;

    @BeforeAll
    static void jarBuilt() {
        assertThat(JarProcess.JAR).as("run 'package' first").isRegularFile();
    }

    private String widened() throws Exception {
        ObjectNode document = TestContracts.bundled("mcp-access-token", "1.0.0");
        document.put("$id", "https://tokencontract.dev/contracts/mcp-access-token/1.1.0");
        ((ObjectNode) document.get("x-contract")).put("version", "1.1.0");
        ((ArrayNode) document.at("/x-jose/alg")).add("EdDSA");
        return Files.writeString(dir.resolve("mcp-1.1.0.json"), document.toPrettyString())
                .toString();
    }

    @Test
    void diffWhenAlgAddedThenRefusedUnderDefaultModeExitOne() throws Exception {
        JarProcess.Result result = JarProcess.in(dir).run("diff", MCP, widened());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .contains("Refused (1):", "[producer-breaking widening] /x-jose/alg  alg EdDSA now allowed")
                .doesNotContain("Exception");
        assertThat(result.out().strip()).endsWith("INCOMPATIBLE under FULL_TRANSITIVE: 1 of 1 change refused (exit 1)");
    }

    @Test
    void diffWhenJsonAndModeNoneThenCompatibleExitZero() throws Exception {
        JarProcess.Result result = JarProcess.in(dir).run("diff", "--format", "json", "--mode", "NONE", MCP, widened());
        JsonNode json = JSON.readTree(result.out());

        assertThat(result.exit()).isZero();
        assertThat(json.get("compatible").asBoolean()).isTrue();
        assertThat(json.get("changes").get(0).get("kind").asString()).isEqualTo("alg-added");
    }

    @Test
    void diffWhenFileIsGarbageThenExitThreeNoStackTrace() throws Exception {
        Path bad = Files.write(dir.resolve("bad.json"), new byte[] {(byte) 0xff, 0x00, 0x7b});

        JarProcess.Result result = JarProcess.in(dir).run("diff", bad.toString(), MCP);

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .startsWith("tokencontract diff: contract unavailable:")
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    void diffWhenIdenticalBundledThenExitZero() throws Exception {
        JarProcess.Result result = JarProcess.in(dir).run("diff", MCP, "mcp-access-token@latest");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("No changes.");
    }
}
