package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.ChangeKind;
import dev.tokencontract.contract.JoseRules;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@code x-jose}: algorithms, {@code typ}, {@code kid} and the longest lifetime. */
final class JoseDiff {
    private static final Set<ChangeClass> CONSUMERS = EnumSet.of(ChangeClass.BREAKING_FOR_CONSUMERS);
    private static final Set<ChangeClass> PRODUCERS = EnumSet.of(ChangeClass.BREAKING_FOR_PRODUCERS);
    private static final Set<ChangeClass> WIDENING =
            EnumSet.of(ChangeClass.BREAKING_FOR_PRODUCERS, ChangeClass.AUTHORIZATION_WIDENING);

    private JoseDiff() {}

    static void diff(JoseRules older, JoseRules newer, Collector out) {
        if (older == null || newer == null) {
            if (older != newer) {
                out.addAsIs(
                        older == null ? ChangeKind.JOSE_ADDED : ChangeKind.JOSE_REMOVED,
                        Effect.BOTH,
                        "/x-jose",
                        "x-jose " + (older == null ? "added" : "removed") + ": header rules apply to one version only",
                        null,
                        null);
            }
            return;
        }
        // JoseRules holds unordered sets: sort, so explanations read the same on every run
        algorithms(new TreeSet<>(older.algorithms()), new TreeSet<>(newer.algorithms()), out);
        types(new TreeSet<>(older.types()), new TreeSet<>(newer.types()), out);
        if (older.kidRequired() != newer.kidRequired()) {
            boolean now = newer.kidRequired();
            out.addAsIs(
                    now ? ChangeKind.KID_REQUIRED_ADDED : ChangeKind.KID_REQUIRED_REMOVED,
                    now ? CONSUMERS : PRODUCERS,
                    "/x-jose/kidRequired",
                    now
                            ? "kidRequired turned on: tokens without a kid header are now rejected"
                            : "kidRequired turned off: consumers on the old contract reject tokens without a kid header",
                    String.valueOf(older.kidRequired()),
                    String.valueOf(now));
        }
        lifetime(older.maxLifetime(), newer.maxLifetime(), out);
    }

    private static void algorithms(Set<String> older, Set<String> newer, Collector out) {
        Set<String> removed = minus(older, newer);
        Set<String> added = minus(newer, older);
        String before = String.join(", ", older);
        String after = String.join(", ", newer);
        if (!removed.isEmpty()) {
            out.addAsIs(
                    ChangeKind.ALG_REMOVED,
                    CONSUMERS,
                    "/x-jose/alg",
                    "alg " + Show.list(removed) + " no longer allowed: tokens signed with "
                            + Show.plural(removed.size(), "it", "them") + " are now rejected",
                    before,
                    after);
        }
        if (!added.isEmpty()) {
            out.addAsIs(
                    ChangeKind.ALG_ADDED,
                    WIDENING,
                    "/x-jose/alg",
                    "alg " + Show.list(added) + " now allowed: consumers on the old contract"
                            + " reject such tokens, and every key of that type can now mint accepted tokens",
                    before,
                    after);
        }
    }

    private static void types(Set<String> older, Set<String> newer, Collector out) {
        Set<String> was = lower(older);
        Set<String> now = lower(newer);
        String before = older.isEmpty() ? "(not checked)" : String.join(", ", older);
        String after = newer.isEmpty() ? "(not checked)" : String.join(", ", newer);
        if (was.equals(now)) {
            return;
        }
        if (was.isEmpty() || now.isEmpty()) {
            boolean added = was.isEmpty();
            out.addAsIs(
                    added ? ChangeKind.TYP_CHECK_ADDED : ChangeKind.TYP_CHECK_REMOVED,
                    added ? CONSUMERS : WIDENING,
                    "/x-jose/typ",
                    added
                            ? "typ now checked (" + after + "): tokens with another or no typ are now rejected"
                            : "typ no longer checked: any token type (an ID token, say) is accepted where old consumers refused it",
                    before,
                    after);
            return;
        }
        Set<String> removed = minus(was, now);
        Set<String> added = minus(now, was);
        if (!removed.isEmpty()) {
            out.addAsIs(
                    ChangeKind.TYP_REMOVED,
                    CONSUMERS,
                    "/x-jose/typ",
                    "typ " + Show.list(removed) + " no longer allowed: such tokens are now rejected",
                    before,
                    after);
        }
        if (!added.isEmpty()) {
            out.addAsIs(
                    ChangeKind.TYP_ADDED,
                    WIDENING,
                    "/x-jose/typ",
                    "typ " + Show.list(added)
                            + " now allowed: another kind of token is accepted where old consumers refused it",
                    before,
                    after);
        }
    }

    private static void lifetime(Optional<Duration> older, Optional<Duration> newer, Collector out) {
        if (older.equals(newer)) {
            return;
        }
        String before = older.map(d -> String.valueOf(d.getSeconds())).orElse(null);
        String after = newer.map(d -> String.valueOf(d.getSeconds())).orElse(null);
        String pointer = "/x-jose/maxLifetimeSeconds";
        if (older.isEmpty() || newer.isEmpty()) {
            boolean added = older.isEmpty();
            out.addAsIs(
                    added ? ChangeKind.MAX_LIFETIME_ADDED : ChangeKind.MAX_LIFETIME_REMOVED,
                    added ? CONSUMERS : PRODUCERS,
                    pointer,
                    added
                            ? "maxLifetimeSeconds " + after + " added: tokens living longer are now rejected"
                            : "maxLifetimeSeconds " + before
                                    + " removed: consumers on the old contract reject tokens living longer",
                    before,
                    after);
            return;
        }
        boolean lowered = newer.get().compareTo(older.get()) < 0;
        out.addAsIs(
                lowered ? ChangeKind.MAX_LIFETIME_LOWERED : ChangeKind.MAX_LIFETIME_RAISED,
                lowered ? CONSUMERS : PRODUCERS,
                pointer,
                "maxLifetimeSeconds " + before + " → " + after
                        + (lowered
                                ? ": tokens living longer than " + after + " s are now rejected"
                                : ": consumers on the old contract reject tokens living longer than " + before + " s"),
                before,
                after);
    }

    private static Set<String> lower(Set<String> values) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
        return out;
    }

    static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }
}
