package dev.tokencontract.conformance.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The dynamic scope of an evaluation: the schema resources (by base URI) entered on the way to a
 * subschema, innermost first. {@code $dynamicRef} searches it outermost first.
 */
record Scope(String base, Scope outer) {

    static Scope root(String base) {
        return new Scope(base, null);
    }

    /** This scope, or this scope with {@code resourceBase} entered when it is not the innermost already. */
    Scope enter(String resourceBase) {
        return base.equals(resourceBase) ? this : new Scope(resourceBase, this);
    }

    List<String> outermostFirst() {
        List<String> out = new ArrayList<>();
        for (Scope s = this; s != null; s = s.outer) {
            out.add(s.base);
        }
        Collections.reverse(out);
        return out;
    }
}
