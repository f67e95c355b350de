package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeClass;
import java.util.EnumSet;
import java.util.Set;

/** What a change does to the set of tokens a schema accepts, before the context maps it to classes. */
final class Effect {
    /** Accepts less: some token accepted before is now rejected. */
    static final Set<ChangeClass> TIGHTER = Set.copyOf(EnumSet.of(ChangeClass.BREAKING_FOR_CONSUMERS));
    /** Accepts more: some token the new version allows was rejected before. */
    static final Set<ChangeClass> LOOSER = Set.copyOf(EnumSet.of(ChangeClass.BREAKING_FOR_PRODUCERS));
    /** Both, or undecidable and therefore assumed both. */
    static final Set<ChangeClass> BOTH =
            Set.copyOf(EnumSet.of(ChangeClass.BREAKING_FOR_CONSUMERS, ChangeClass.BREAKING_FOR_PRODUCERS));

    static final Set<ChangeClass> COSMETIC = Set.copyOf(EnumSet.of(ChangeClass.COSMETIC));

    private Effect() {}

    static Set<ChangeClass> of(boolean tighter, boolean looser) {
        if (tighter && looser) {
            return BOTH;
        }
        return tighter ? TIGHTER : LOOSER;
    }

    /** Only the breaking classes of {@code classes}, as an effect; empty when nothing breaks. */
    static Set<ChangeClass> breaking(Set<ChangeClass> classes) {
        EnumSet<ChangeClass> out = EnumSet.noneOf(ChangeClass.class);
        if (classes.contains(ChangeClass.BREAKING_FOR_CONSUMERS)) {
            out.add(ChangeClass.BREAKING_FOR_CONSUMERS);
        }
        if (classes.contains(ChangeClass.BREAKING_FOR_PRODUCERS)) {
            out.add(ChangeClass.BREAKING_FOR_PRODUCERS);
        }
        return out;
    }
}
