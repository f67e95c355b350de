package dev.tokencontract.conformance.suites;

import dev.tokencontract.compat.Change;
import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.ContractDiff;
import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Finding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compatibility suite: for two versions of a contract, claim sets generated from each are validated
 * with the other; each direction reports its first counterexample, shrunk. "Valid under the old version,
 * refused by the new" breaks consumers that upgrade; "valid under the new, refused by the old" breaks
 * consumers that have not upgraded yet.
 */
public final class CompatSuite {
    private CompatSuite() {}

    /** Both directions with claims generated from each contract's schema. */
    public static SuiteResult check(Contract older, Contract newer, SuiteSettings settings) {
        return check(older, ValidClaims.of(older), newer, ValidClaims.of(newer), settings);
    }

    /** Both directions with the given generators (each must produce claims valid under its own contract). */
    public static SuiteResult check(
            Contract older,
            Gen<ObjectNode> olderClaims,
            Contract newer,
            Gen<ObjectNode> newerClaims,
            SuiteSettings settings) {
        PropertyReport backward = direction(older, olderClaims, newer, settings);
        PropertyReport forward = direction(newer, newerClaims, older, settings);
        PropertyReport structural = structural(older, newer, backward, forward, settings);
        return new SuiteResult(
                "compat",
                older.reference() + " <-> " + newer.reference(),
                settings.seed(),
                settings.withUnmetRequirements(List.of(backward, forward, structural)));
    }

    /** The property name of the structural comparison. */
    public static final String STRUCTURAL = "the structural comparison finds no breaking change";

    /**
     * The compatibility engine's verdict beside the generated claims: a bounded search that finds no token proves
     * nothing, so a breaking change the engine reports fails the suite too, marked confirmed (a direction above
     * found a token) or unconfirmed.
     */
    static PropertyReport structural(
            Contract older, Contract newer, PropertyReport backward, PropertyReport forward, SuiteSettings settings) {
        long started = System.nanoTime();
        ContractDiff diff;
        try {
            diff = ContractDiff.between(older, newer);
        } catch (IllegalArgumentException differentContracts) {
            return PropertyReport.notApplicable(STRUCTURAL, differentContracts.getMessage(), settings.seed());
        }
        List<String> breaking = new ArrayList<>();
        for (Change change : diff.changes()) {
            boolean consumers = change.is(ChangeClass.BREAKING_FOR_CONSUMERS);
            boolean producers = change.is(ChangeClass.BREAKING_FOR_PRODUCERS);
            if (!consumers && !producers) {
                continue;
            }
            boolean confirmed = (!consumers || backward.status() == PropertyReport.Status.FAILED)
                    && (!producers || forward.status() == PropertyReport.Status.FAILED);
            breaking.add(change.kind().wireName() + " at " + change.pointer() + (confirmed ? "" : " (unconfirmed)"));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (breaking.isEmpty()) {
            return new PropertyReport(
                    STRUCTURAL, PropertyReport.Status.PASSED, 1, settings.seed(), null, null, "", elapsed);
        }
        return new PropertyReport(
                STRUCTURAL,
                PropertyReport.Status.FAILED,
                1,
                settings.seed(),
                null,
                breaking.size()
                        + " breaking change(s) between the documents: "
                        + String.join("; ", breaking.subList(0, Math.min(20, breaking.size())))
                        + (breaking.size() > 20 ? "; ..." : ""),
                "",
                elapsed);
    }

    /** The property name for one direction. */
    public static String name(Contract from, Contract to) {
        return "claims valid under " + from.reference() + " are valid under " + to.reference();
    }

    static PropertyReport direction(Contract from, Gen<ObjectNode> claims, Contract to, SuiteSettings settings) {
        Gen<Claims> valid = in -> {
            ObjectNode drawn = in.draw(claims);
            if (!from.check(drawn, "/claims").isEmpty()) { // never blame 'to' for what 'from' itself refuses
                throw in.reject("generated claims fail " + from.reference());
            }
            return new Claims(drawn);
        };
        return PropertyRun.run(name(from, to), valid, settings, example -> {
            List<Finding> findings = to.check(example.claims(), "/claims");
            if (!findings.isEmpty()) {
                throw new PropertyFailure(to.reference() + " refuses claims " + from.reference() + " allows: "
                        + Shown.findings(findings));
            }
        });
    }

    /** A claim set, printed compactly. */
    record Claims(ObjectNode claims) {
        @Override
        public String toString() {
            return Shown.claims(claims);
        }
    }
}
