package dev.tokencontract.conformance.suites;

import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Finding;
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
    public static SuiteResult check(Contract older, Gen<ObjectNode> olderClaims, Contract newer, Gen<ObjectNode> newerClaims, SuiteSettings settings) {
        PropertyReport backward = direction(older, olderClaims, newer, settings);
        PropertyReport forward = direction(newer, newerClaims, older, settings);
        return new SuiteResult("compat", older.reference() + " <-> " + newer.reference(), settings.seed(), settings.withUnmetRequirements(List.of(backward, forward)));
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
                throw new PropertyFailure(to.reference() + " refuses claims " + from.reference() + " allows: " + Shown.findings(findings));
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
