package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.ChangeKind;
import dev.tokencontract.contract.AuthorizationRules;
import dev.tokencontract.contract.OperationRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code x-authorization}. An operation granted to fewer tokens breaks consumers (callers that worked stop
 * working); an operation granted to more tokens is authorization widening only: consumers still on the old
 * version deny it, which is the fail-closed status quo rather than an outage.
 */
final class AuthorizationDiff {
    private static final Set<ChangeClass> CONSUMERS = EnumSet.of(ChangeClass.BREAKING_FOR_CONSUMERS);
    private static final Set<ChangeClass> WIDENING = EnumSet.of(ChangeClass.AUTHORIZATION_WIDENING);
    private static final Set<ChangeClass> CLAIM_MOVED = EnumSet.of(
            ChangeClass.BREAKING_FOR_CONSUMERS, ChangeClass.BREAKING_FOR_PRODUCERS, ChangeClass.AUTHORIZATION_WIDENING);

    private AuthorizationDiff() {}

    static void diff(AuthorizationRules older, AuthorizationRules newer, Collector out) {
        claim("scopeClaim", "scope-claim-changed", older.scopeClaim(), newer.scopeClaim(), out);
        claim("rolesClaim", "roles-claim-changed", older.rolesClaim(), newer.rolesClaim(), out);
        Set<String> names = new LinkedHashSet<>(new TreeSet<>(newer.operations().keySet()));
        names.addAll(new TreeSet<>(older.operations().keySet()));
        for (String name : names) {
            OperationRule was = older.operations().get(name);
            OperationRule now = newer.operations().get(name);
            String pointer = "/x-authorization/operations/" + Context.escape(name);
            String operation = "operation '" + Show.text(name) + "'";
            if (was == null) {
                out.addAsIs(
                        ChangeKind.OPERATION_ADDED,
                        WIDENING,
                        pointer,
                        operation + " added, granted to " + requirement(now),
                        null,
                        requirement(now));
            } else if (now == null) {
                out.addAsIs(
                        ChangeKind.OPERATION_REMOVED,
                        CONSUMERS,
                        pointer,
                        operation + " removed: tokens that were granted it (" + requirement(was) + ") are now refused",
                        requirement(was),
                        null);
            } else {
                grants(operation, pointer, "scope", was.scopes(), now.scopes(), out);
                grants(operation, pointer, "role", was.roles(), now.roles(), out);
                if (!Objects.equals(was.description(), now.description())) {
                    out.addAsIs(
                            ChangeKind.OPERATION_DESCRIPTION_CHANGED,
                            Effect.COSMETIC,
                            pointer + "/description",
                            operation + ": description changed",
                            Show.text(was.description()),
                            Show.text(now.description()));
                }
            }
        }
    }

    private static void claim(String keyword, String kind, String older, String newer, Collector out) {
        if (!older.equals(newer)) {
            out.addAsIs(
                    kind,
                    CLAIM_MOVED,
                    "/x-authorization/" + keyword,
                    keyword + " '" + Show.text(older) + "' → '" + Show.text(newer)
                            + "': grants now come from another claim, so tokens granted before may be refused and others granted",
                    older,
                    newer);
        }
    }

    private static void grants(
            String operation, String pointer, String what, List<String> older, List<String> newer, Collector out) {
        Set<String> removed = JoseDiff.minus(new LinkedHashSet<>(older), new LinkedHashSet<>(newer));
        Set<String> added = JoseDiff.minus(new LinkedHashSet<>(newer), new LinkedHashSet<>(older));
        String at = pointer + "/" + what + "s";
        String before = String.join(" ", older);
        String after = String.join(" ", newer);
        if (!added.isEmpty()) {
            out.addAsIs(
                    "operation-" + what + "-added",
                    CONSUMERS,
                    at,
                    operation + " now also requires " + what + " " + quoted(added) + ": tokens without "
                            + Show.plural(added.size(), "it", "them") + " are refused",
                    before,
                    after);
        }
        if (!removed.isEmpty()) {
            out.addAsIs(
                    "operation-" + what + "-removed",
                    WIDENING,
                    at,
                    operation + " no longer requires " + what + " " + quoted(removed) + ": tokens without "
                            + Show.plural(removed.size(), "it", "them") + " are now granted it",
                    before,
                    after);
        }
    }

    private static String requirement(OperationRule rule) {
        List<String> parts = new ArrayList<>();
        rule.scopes().forEach(s -> parts.add("scope:" + s));
        rule.roles().forEach(r -> parts.add("role:" + r));
        return parts.isEmpty() ? "(nothing)" : Show.text(String.join(" ", parts));
    }

    private static String quoted(Set<String> values) {
        Set<String> shown = new LinkedHashSet<>();
        values.forEach(v -> shown.add("'" + v + "'"));
        return Show.list(shown);
    }
}
