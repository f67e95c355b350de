package dev.tokencontract.conformance.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.CheckedDiff;
import dev.tokencontract.conformance.Kit;
import dev.tokencontract.conformance.suites.ContractCounterexamples;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.FixtureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine against Apicurio Registry's 145 JSON Schema compatibility cases, per direction. Each case is converted
 * faithfully ({@link Draft7Contract}), diffed, and searched for tokens in both directions ({@link CheckedDiff} with
 * the conformance kit's search). The truth for a direction is the token when one is found (a label a token proves
 * wrong counts as agreement with the token), else the label, except where {@link ApicurioLabels#WRONG} shows an
 * instance or argument proving the label wrong. Targets (issue 11): no missed break, at least 95% agreement per
 * direction, false alarms at most 3% of compatible cases. The table is written to
 * {@code target/apicurio-agreement.md} and printed.
 */
class ApicurioAgreementTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ContractCounterexamples SEARCH = new ContractCounterexamples(300, 0L);
    private static final List<Outcome> OUTCOMES = new ArrayList<>();
    private static final List<String> UNCONVERTED = new ArrayList<>();
    private static final List<String> PROOFS_NOT_HOLDING = new ArrayList<>();

    /** One case, one direction: what the label says, what the engine says, what a token shows. */
    record Outcome(
            String id,
            ChangeClass direction,
            boolean labelBreaks,
            boolean engineBreaks,
            boolean witness,
            String truthNote,
            boolean truthBreaks) {
        boolean agrees() {
            return engineBreaks == truthBreaks;
        }

        boolean missed() {
            return truthBreaks && !engineBreaks;
        }

        boolean falseAlarm() {
            return engineBreaks && !truthBreaks;
        }
    }

    @BeforeAll
    static void runEveryCase() throws IOException, ContractException {
        // Read from ../shared/fixtures (Apicurio's data stays there, it is not copied into this repository).
        JsonNode tests = JSON.readTree(FixtureFiles.text("compat/apicurio/compatibility-test-data.json"))
                .get("tests");
        for (JsonNode test : tests) {
            String id = test.get("id").asString();
            String label = test.get("compatibility").asString();
            Contract older;
            Contract newer;
            try {
                older = Contracts.parse(
                        Draft7Contract.of(test.get("original"), "1.0.0").toString());
                newer = Contracts.parse(
                        Draft7Contract.of(test.get("updated"), "1.1.0").toString());
            } catch (ContractException e) {
                UNCONVERTED.add(id + ": " + e.getMessage() + " " + e.findings());
                continue;
            }
            CheckedDiff checked = CheckedDiff.check(older, newer, SEARCH);
            // backward (Apicurio) = every old value is valid under the new schema = not consumer-breaking
            OUTCOMES.add(outcome(
                    id,
                    ChangeClass.BREAKING_FOR_CONSUMERS,
                    !label.equals("backward") && !label.equals("both"),
                    checked));
            OUTCOMES.add(outcome(
                    id,
                    ChangeClass.BREAKING_FOR_PRODUCERS,
                    !label.equals("forward") && !label.equals("both"),
                    checked));
            for (ChangeClass direction :
                    List.of(ChangeClass.BREAKING_FOR_CONSUMERS, ChangeClass.BREAKING_FOR_PRODUCERS)) {
                ApicurioLabels.Proof proof = ApicurioLabels.WRONG.get(id + " " + direction.name());
                if (proof != null) {
                    tools.jackson.databind.node.ObjectNode claims = Kit.claims();
                    claims.set(Draft7Contract.CLAIM, JSON.readTree(proof.instance()));
                    PROOFS_NOT_HOLDING.addAll(
                            older.check(claims, "/claims").isEmpty()
                                            && newer.check(claims, "/claims").isEmpty()
                                    ? List.of()
                                    : List.of(id + " " + direction));
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/apicurio-agreement.md"), table());
        System.out.println(table());
    }

    private static Outcome outcome(String id, ChangeClass direction, boolean labelBreaks, CheckedDiff checked) {
        boolean engine = checked.diff().has(direction);
        boolean witness = checked.witness(direction).isPresent();
        ApicurioLabels.Proof proof = ApicurioLabels.WRONG.get(id + " " + direction.name());
        String wrong = proof == null ? null : proof.argument();
        boolean truth = witness || (wrong != null ? !labelBreaks : labelBreaks);
        String note = witness
                ? (labelBreaks
                        ? ""
                        : "label proven wrong by token "
                                + checked.witness(direction).get().claims().get(Draft7Contract.CLAIM))
                : wrong != null ? wrong : "";
        return new Outcome(id, direction, labelBreaks, engine, witness, note, truth);
    }

    @Test
    void engineWhenApicurioCasesThenNoMissedBreak() {
        assertThat(OUTCOMES.stream()
                        .filter(Outcome::missed)
                        .map(o -> o.id() + " " + o.direction())
                        .toList())
                .isEmpty();
    }

    @Test
    void engineWhenApicurioCasesThenAgreementAtLeast95PercentPerDirection() {
        for (ChangeClass direction : List.of(ChangeClass.BREAKING_FOR_CONSUMERS, ChangeClass.BREAKING_FOR_PRODUCERS)) {
            List<Outcome> mine =
                    OUTCOMES.stream().filter(o -> o.direction() == direction).toList();
            long agree = mine.stream().filter(Outcome::agrees).count();
            assertThat(agree * 100.0 / mine.size())
                    .as(
                            "%s agreement; disagreements: %s",
                            direction,
                            mine.stream()
                                    .filter(o -> !o.agrees())
                                    .map(Outcome::id)
                                    .toList())
                    .isGreaterThanOrEqualTo(95.0);
        }
    }

    @Test
    void engineWhenApicurioCompatibleCasesThenFalseAlarmsAtMost3Percent() {
        for (ChangeClass direction : List.of(ChangeClass.BREAKING_FOR_CONSUMERS, ChangeClass.BREAKING_FOR_PRODUCERS)) {
            List<Outcome> compatible = OUTCOMES.stream()
                    .filter(o -> o.direction() == direction && !o.truthBreaks())
                    .toList();
            long alarms = compatible.stream().filter(Outcome::falseAlarm).count();
            assertThat(alarms * 100.0 / compatible.size())
                    .as(
                            "%s false alarms: %s",
                            direction,
                            compatible.stream()
                                    .filter(Outcome::falseAlarm)
                                    .map(Outcome::id)
                                    .toList())
                    .isLessThanOrEqualTo(3.0);
        }
    }

    @Test
    void labelsListedWrongWhenCheckedThenTheirInstancesHold() {
        assertThat(PROOFS_NOT_HOLDING).isEmpty();
    }

    @Test
    void everyCaseWhenConvertedThenMeasuredInBothDirections() {
        assertThat(UNCONVERTED).isEmpty();
        assertThat(OUTCOMES).hasSize(2 * 145);
    }

    /** Markdown: the summary per direction, then every disagreement and every label overruled. */
    static String table() {
        StringBuilder out = new StringBuilder(
                "| direction | cases | agree | agreement | missed breaks | false alarms (of compatible) | labels overruled |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (ChangeClass direction : List.of(ChangeClass.BREAKING_FOR_CONSUMERS, ChangeClass.BREAKING_FOR_PRODUCERS)) {
            List<Outcome> mine =
                    OUTCOMES.stream().filter(o -> o.direction() == direction).toList();
            long agree = mine.stream().filter(Outcome::agrees).count();
            long compatible = mine.stream().filter(o -> !o.truthBreaks()).count();
            long alarms = mine.stream().filter(Outcome::falseAlarm).count();
            long overruled = mine.stream()
                    .filter(o -> o.labelBreaks() != o.truthBreaks())
                    .count();
            out.append(String.format(
                    "| %s | %d | %d | %.1f%% | %d | %d of %d (%.1f%%) | %d |%n",
                    Map.of(
                                    ChangeClass.BREAKING_FOR_CONSUMERS,
                                    "backward (consumer-breaking?)",
                                    ChangeClass.BREAKING_FOR_PRODUCERS,
                                    "forward (producer-breaking?)")
                            .get(direction),
                    mine.size(),
                    agree,
                    agree * 100.0 / mine.size(),
                    mine.stream().filter(Outcome::missed).count(),
                    alarms,
                    compatible,
                    compatible == 0 ? 0.0 : alarms * 100.0 / compatible,
                    overruled));
        }
        out.append("\n| case | direction | label | engine | token found | note |\n|---|---|---|---|---|---|\n");
        for (Outcome o : OUTCOMES) {
            if (!o.agrees() || o.labelBreaks() != o.truthBreaks()) {
                out.append(String.format(
                        "| %s | %s | %s | %s | %s | %s |%n",
                        o.id().replace("|", "\\|"),
                        o.direction() == ChangeClass.BREAKING_FOR_CONSUMERS ? "backward" : "forward",
                        o.labelBreaks() ? "breaks" : "compatible",
                        o.engineBreaks() ? "breaks" : "compatible",
                        o.witness() ? "yes" : "no",
                        o.truthNote().replace("|", "\\|")));
            }
        }
        return out.toString();
    }
}
