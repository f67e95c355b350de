package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractRefTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mcp-access-token@1.0.0",
                "a@1",
                "a.b-c@1.2",
                "a@^1.2.3",
                "a@~1.2",
                "a@~1.2.3",
                "a@latest",
                "a@1.0.0-rc.1",
                "a0@0.0.0"
            })
    void parseWhenCanonicalTextThenFormatsBackToIt(String text) {
        assertThat(ContractRef.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void parseWhenBareNameThenLatest() {
        ContractRef ref = ContractRef.parse("  mcp-access-token ");

        assertThat(ref).isEqualTo(new ContractRef("mcp-access-token", "latest"));
        assertThat(ref.toString()).isEqualTo("mcp-access-token@latest");
        assertThat(ref.isExact()).isFalse();
    }

    @Test
    void parseWhenGeneratedReferencesThenRoundTrips() {
        SplittableRandom random = new SplittableRandom(20261206L);
        for (int i = 0; i < 2000; i++) {
            ContractRef ref = new ContractRef(name(random), version(random));

            assertThat(ContractRef.parse(ref.toString()))
                    .as("seed 20261206, try %d", i)
                    .isEqualTo(ref);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@1.0.0", "Upper@1", "a_b@1", "a--b@1", "-a@1", "a.@1"})
    void parseWhenNameWrongThenSaysTheName(String text) {
        assertThatThrownBy(() -> ContractRef.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the name must be");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a@",
                "a@x",
                "a@1.2.3.4",
                "a@01.2.3",
                "a@^1.2",
                "a@>=1",
                "a@1.0.0-",
                "a@1.0.0+build",
                "a@LATEST",
                "a@@1"
            })
    void parseWhenVersionWrongThenSaysTheVersion(String text) {
        assertThatThrownBy(() -> ContractRef.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the version must be");
    }

    @Test
    void parseWhenNameTooLongThenRefused() {
        assertThatThrownBy(() -> ContractRef.parse("a".repeat(ContractRef.MAX_NAME + 1) + "@1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ContractRef.parse("a".repeat(ContractRef.MAX_NAME) + "@1").name())
                .hasSize(ContractRef.MAX_NAME);
    }

    @Test
    void exactWhenRangeThenRefused() {
        assertThat(ContractRef.exact("a", "1.2.3").isExact()).isTrue();
        assertThatThrownBy(() -> ContractRef.exact("a", "^1.2.3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an exact version");
    }

    private static String name(SplittableRandom random) {
        StringBuilder name = new StringBuilder(word(random));
        int parts = random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            name.append(random.nextBoolean() ? '.' : '-').append(word(random));
        }
        return name.toString();
    }

    private static String word(SplittableRandom random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder word = new StringBuilder();
        int length = 1 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }

    private static String version(SplittableRandom random) {
        int major = random.nextInt(20);
        int minor = random.nextInt(20);
        int patch = random.nextInt(20);
        return switch (random.nextInt(7)) {
            case 0 -> major + "." + minor + "." + patch;
            case 1 -> major + "." + minor + "." + patch + "-rc." + random.nextInt(9);
            case 2 -> String.valueOf(major);
            case 3 -> major + "." + minor;
            case 4 -> "^" + major + "." + minor + "." + patch;
            case 5 -> "~" + major + "." + minor + (random.nextBoolean() ? "." + patch : "");
            default -> "latest";
        };
    }
}
