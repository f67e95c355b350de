package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.Change;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The compatibility engine behind {@code ContractDiff.between} (which builds the diff from the list returned here): the header, {@code x-jose},
 * {@code x-authorization}, then the claims schema depth first. See {@code docs/compatibility.md}.
 */
public final class CompatEngine {
    private CompatEngine() {}

    /** @throws IllegalArgumentException when the two contracts have different names */
    public static List<Change> diff(Contract older, Contract newer) {
        if (!older.name().equals(newer.name())) {
            throw new IllegalArgumentException("cannot compare different contracts: " + older.reference() + " and "
                    + newer.reference() + " (a diff compares two versions of one contract)");
        }
        JsonNode oldDoc = older.document();
        JsonNode newDoc = newer.document();
        Set<String> authorizationClaims = new LinkedHashSet<>();
        authorizationClaims.add(older.authorization().scopeClaim());
        authorizationClaims.add(older.authorization().rolesClaim());
        authorizationClaims.add(newer.authorization().scopeClaim());
        authorizationClaims.add(newer.authorization().rolesClaim());
        String noun = newer.kind() == ContractKind.JWT_ACCESS_TOKEN ? "claim" : "member";
        Collector out = Collector.create(authorizationClaims, noun);
        HeaderDiff.diff(older, newer, oldDoc, newDoc, out);
        JoseDiff.diff(older.jose(), newer.jose(), out);
        AuthorizationDiff.diff(older.authorization(), newer.authorization(), out);
        new SchemaDiff(new Refs(oldDoc), new Refs(newDoc), out).root(oldDoc, newDoc);
        return out.changes();
    }
}
