package dev.tokencontract.conformance.mutate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.finding.FindingCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MutantTest {
    /**
     * Same seed, same text: the suites print rejectedBy in their failure reasons, and Set.copyOf iterates in an
     * order salted per JVM, so a replayed run printed [ISS_MISSING, CLAIM_MISSING] where the first printed
     * [CLAIM_MISSING, ISS_MISSING]. The codes now iterate in name order, as the label sorts them.
     */
    @Test
    void rejectedByWhenSeveralCodesThenIteratesInNameOrderWhateverTheInput() {
        var claims = JsonMapper.builder().build().createObjectNode();
        List<FindingCode> codes = List.of(FindingCode.ISS_MISSING, FindingCode.CLAIM_MISSING, FindingCode.AUD_MISMATCH);
        List<String> expected = codes.stream().map(Enum::name).sorted().toList();
        for (int i = 0; i < 20; i++) {
            List<FindingCode> shuffled = new ArrayList<>(codes);
            java.util.Collections.rotate(shuffled, i);
            Mutant mutant = new Mutant(Mutation.DROP_REQUIRED, "iss", "dropped", claims, null, Set.copyOf(shuffled));

            assertThat(mutant.rejectedBy().stream().map(Enum::name).toList()).isEqualTo(expected);
            assertThat(mutant.rejectedBy().toString()).isEqualTo(expected.toString());
        }
    }
}
