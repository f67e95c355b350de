package dev.tokencontract.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code tokencontract.lock}: its written form, reading it back, and every way a hostile or broken one is refused. */
class LockfileTest {
    private static final String A = "a".repeat(64);
    private static final String B = "0123456789abcdef".repeat(4);

    @TempDir
    Path dir;

    @Test
    void writeWhenEntriesThenSortedPrettyJsonWithFinalNewline() throws Exception {
        Lockfile lockfile = Lockfile.of(
                "https://registry.example.test",
                List.of(new LockEntry("zeta-token", "2.0.0", B), new LockEntry("mcp-access-token", "1.0.0", A)));

        assertThat(lockfile.toJson()).isEqualTo("""
                {
                  "lockfileVersion" : 1,
                  "registry" : "https://registry.example.test",
                  "contracts" : [ {
                    "name" : "mcp-access-token",
                    "version" : "1.0.0",
                    "sha256" : "%s"
                  }, {
                    "name" : "zeta-token",
                    "version" : "2.0.0",
                    "sha256" : "%s"
                  } ]
                }
                """.formatted(A, B));
    }

    @Test
    void readWhenWrittenThenSameLockfile() throws Exception {
        Lockfile lockfile = Lockfile.of(
                null, List.of(new LockEntry("mcp-access-token", "1.0.0", A), new LockEntry("other", "0.1.0-rc.1", B)));
        Path file = dir.resolve("sub").resolve(Lockfile.FILE_NAME);

        lockfile.write(file);

        assertThat(Lockfile.read(file)).isEqualTo(lockfile);
        assertThat(Lockfile.read(file).registry()).isEmpty();
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(Lockfile.FILE_NAME);
        }
    }

    @Test
    void withWhenSameNameThenReplaced() throws Exception {
        Lockfile lockfile = Lockfile.of(null, List.of(new LockEntry("mcp-access-token", "1.0.0", A)))
                .with(new LockEntry("mcp-access-token", "1.1.0", B));

        assertThat(lockfile.entries()).containsExactly(new LockEntry("mcp-access-token", "1.1.0", B));
    }

    @Test
    void ofWhenEntryInvalidThenRefusedLikeReading() {
        assertThatThrownBy(() -> Lockfile.of(null, List.of(new LockEntry("mcp-access-token", "^1.0.0", A))))
                .isInstanceOf(LockfileException.class)
                .hasMessageContaining("not an exact version");
    }

    @Test
    void readWhenMissingThenClearError() {
        assertThatThrownBy(() -> Lockfile.read(dir.resolve("nope.lock")))
                .hasMessage("no lockfile at " + dir.resolve("nope.lock"));
    }

    @Test
    void readWhenHugeThenRefusedBeforeParsing() throws Exception {
        Path file = Files.writeString(dir.resolve("huge.lock"), " ".repeat(1024 * 1024 + 1));

        assertThatThrownBy(() -> Lockfile.read(file)).hasMessageContaining("larger than 1048576 bytes");
    }

    static Stream<Arguments> hostile() {
        String entry = "{\"name\":\"mcp-access-token\",\"version\":\"1.0.0\",\"sha256\":\"" + A + "\"}";
        return Stream.of(
                Arguments.of("", "not JSON"),
                Arguments.of("not json", "not JSON"),
                Arguments.of("[]", "must be one JSON object"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"lockfileVersion\":1,\"contracts\":[]}",
                        "not JSON (duplicate member)"),
                Arguments.of("{\"contracts\":[]}", "/lockfileVersion: must be the integer 1"),
                Arguments.of("{\"lockfileVersion\":\"1\",\"contracts\":[]}", "/lockfileVersion: must be the integer 1"),
                Arguments.of(
                        "{\"lockfileVersion\":2,\"contracts\":[]}", "/lockfileVersion: version 2 is not supported"),
                Arguments.of("{\"lockfileVersion\":1}", "/contracts: must be an array"),
                Arguments.of("{\"lockfileVersion\":1,\"contracts\":{}}", "/contracts: must be an array"),
                Arguments.of("{\"lockfileVersion\":1,\"contracts\":[],\"extra\":true}", "/extra: unknown field"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"registry\":5,\"contracts\":[]}", "/registry: must be a URL string"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"registry\":\"http://registry.example.test\",\"contracts\":[]}",
                        "/registry: refusing plain http"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"contracts\":[" + entry + "," + entry + "]}",
                        "/contracts/1/name: mcp-access-token is pinned more than once"),
                Arguments.of("{\"lockfileVersion\":1,\"contracts\":[1]}", "/contracts/0: must be an object"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"contracts\":[{\"name\":\"x\",\"version\":1,\"sha256\":\"" + A
                                + "\"}]}",
                        "/contracts/0/version: must be a string"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"contracts\":[{\"name\":null,\"version\":\"1.0.0\",\"sha256\":\"" + A
                                + "\"}]}",
                        "/contracts/0/name: must be a string"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"contracts\":[{\"name\":\"x\",\"version\":\"1.0.0\"}]}",
                        "/contracts/0/sha256: must be a string"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"contracts\":[{\"name\":\"x\",\"version\":\"1.0.0\",\"sha256\":\""
                                + A.toUpperCase() + "\"}]}",
                        "/contracts/0/sha256: must be 64 lower-case hex"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"contracts\":[{\"name\":\"x\",\"version\":\"1.0.0\",\"sha256\":\"abc\"}]}",
                        "/contracts/0/sha256: must be 64 lower-case hex"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"contracts\":[{\"name\":\"x\",\"version\":\"^1.0.0\",\"sha256\":\"" + A
                                + "\"}]}",
                        "/contracts/0/version: '^1.0.0' is not an exact version"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"contracts\":[{\"name\":\"../../etc\",\"version\":\"1.0.0\",\"sha256\":\""
                                + A + "\"}]}",
                        "/contracts/0: '../../etc@1.0.0' is not a contract reference"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"contracts\":[{\"name\":\"x\",\"version\":\"1.0.0\",\"sha256\":\"" + A
                                + "\",\"url\":\"https://evil.example\"}]}",
                        "/contracts/0/url: unknown field"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"contracts\":[" + "[".repeat(200) + "]".repeat(200) + "]}",
                        "not JSON (limit exceeded)"),
                Arguments.of(
                        "{\"lockfileVersion\":1,\"contracts\":["
                                + String.join(",", java.util.Collections.nCopies(1001, "1")) + "]}",
                        "/contracts: more than 1000 entries"));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void parseWhenHostileOrMalformedThenRefusedWithPointedProblem(String text, String expected) {
        assertThatThrownBy(() -> Lockfile.parse(text))
                .isInstanceOfSatisfying(
                        LockfileException.class, e -> assertThat(e.problems()).anyMatch(p -> p.contains(expected)))
                .hasMessageStartingWith("lockfile is not acceptable");
    }

    @Test
    void parseWhenSeveralProblemsThenAllListed() {
        assertThatThrownBy(() -> Lockfile.parse("{\"lockfileVersion\":3,\"contracts\":[1,{\"name\":\"x\"}],\"x\":1}"))
                .isInstanceOfSatisfying(
                        LockfileException.class, e -> assertThat(e.problems()).hasSize(5));
    }
}
