package dev.tokencontract.compat.internal;

/**
 * Where the comparison stands: the schema's pointer in each document, the claim those schemas constrain,
 * and how a change found here maps to classes.
 *
 * @param oldPointer   pointer of the old schema in the old document
 * @param newPointer   pointer of the new schema in the new document
 * @param claim        the instance path the schemas apply to ({@code roles[]}, {@code act.sub}); empty for the
 *                     whole claims object
 * @param topClaim     the top-level claim that path starts with (claim names may hold dots); empty at the top
 * @param inverted     under an odd number of {@code not}: a tightening here loosens the contract
 * @param conservative under {@code oneOf} or {@code if}/{@code then}/{@code else}: any breaking change is
 *                     reported as breaking both ways, since loosening a branch can reject a token
 * @param depth        schemas entered so far, to bound hostile nesting and reference chains
 */
record Context(
        String oldPointer,
        String newPointer,
        String claim,
        String topClaim,
        boolean inverted,
        boolean conservative,
        int depth) {

    static Context root() {
        return new Context("", "", "", "", false, false, 0);
    }

    /** Into a subschema at {@code suffix} (already escaped) of both documents, for the instance at {@code childClaim}. */
    Context into(String suffix, String childClaim) {
        return new Context(
                oldPointer + suffix, newPointer + suffix, childClaim, topClaim, inverted, conservative, depth + 1);
    }

    /** Into the schema of property {@code name} at {@code suffix} (already escaped). */
    Context intoProperty(String suffix, String name) {
        String child = claim.isEmpty() ? name : claim + "." + name;
        return new Context(
                oldPointer + suffix,
                newPointer + suffix,
                child,
                claim.isEmpty() ? name : topClaim,
                inverted,
                conservative,
                depth + 1);
    }

    /** The same schemas, speaking of member {@code name} without entering it (for {@code required}). */
    Context naming(String name) {
        return new Context(
                oldPointer,
                newPointer,
                claim.isEmpty() ? name : claim + "." + name,
                topClaim,
                inverted,
                conservative,
                depth);
    }

    Context at(String oldAt, String newAt) {
        return new Context(oldAt, newAt, claim, topClaim, inverted, conservative, depth + 1);
    }

    Context invert() {
        return new Context(oldPointer, newPointer, claim, topClaim, !inverted, conservative, depth);
    }

    Context conservatively() {
        return new Context(oldPointer, newPointer, claim, topClaim, inverted, true, depth);
    }

    /** The same place, with classes taken at face value: for measuring what a nested comparison finds. */
    Context neutral() {
        return new Context(oldPointer, newPointer, claim, topClaim, false, false, depth);
    }

    /** The pointer of {@code keyword} here: in the new document, or in the old one when it was removed. */
    String pointer(String keyword, boolean presentInNew) {
        return (presentInNew ? newPointer : oldPointer) + "/" + escape(keyword);
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
