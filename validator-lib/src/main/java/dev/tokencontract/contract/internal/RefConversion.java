package dev.tokencontract.contract.internal;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code $ref}: resolved in the original document by the source draft's rules, then written as a fragment of
 * the converted document that reaches the same schema. A reference to anything outside the document (another
 * file, a URL, a meta-schema) is a problem: contracts never fetch.
 */
final class RefConversion {
    private final DraftConversion conversion;
    private final ImportIndex index;
    private final PointerTranslation translation;

    RefConversion(DraftConversion conversion, ImportIndex index, PointerTranslation translation) {
        this.conversion = conversion;
        this.index = index;
        this.translation = translation;
    }

    /** The converted reference; the original text when there is a problem (recorded). */
    String convert(JsonNode node, String ref, List<String> path) {
        String resolved = ImportIndex.resolve(index.base(node), ref);
        if (resolved == null) {
            return problem(path, ref, "is not a URI reference");
        }
        int hash = resolved.indexOf('#');
        String document = hash < 0 ? resolved : resolved.substring(0, hash);
        String fragment = hash < 0 ? "" : resolved.substring(hash + 1);
        List<String> resource = index.resource(document);
        if (resource == null) {
            String written = ref.indexOf('#') < 0 ? ref : ref.substring(0, ref.indexOf('#'));
            String shown = document.startsWith("https://tokencontract.invalid/") || document.equals(written)
                    ? ""
                    : " (" + document + ")";
            return problem(
                    path,
                    ref,
                    "reaches outside this document" + shown + "; a contract never fetches:"
                            + " copy the definition into $defs");
        }
        List<String> target;
        boolean anchor = !fragment.isEmpty() && !fragment.startsWith("/");
        if (anchor) {
            target = index.anchor(document + "#" + fragment);
            if (target == null) {
                return problem(path, ref, "names an anchor that this document does not define");
            }
        } else {
            target = new java.util.ArrayList<>(resource);
            target.addAll(ImportKeywords.tokens(LocalRefs.decode(fragment)));
        }
        if (conversion.pathNode(target) == null) {
            return problem(path, ref, "points at nothing");
        }
        List<String> own = index.resourceOf(node);
        if (anchor && resource.equals(own) && ref.equals("#" + fragment)) {
            return ref; // an anchor in the same resource keeps its name
        }
        PointerTranslation.Result converted = translation.translate(target);
        PointerTranslation.Result ownConverted = translation.translate(own);
        if (converted.problem() != null) {
            return problem(path, ref, converted.problem());
        }
        List<String> prefix = ownConverted.tokens();
        List<String> tokens = converted.tokens();
        String documentPart = "";
        if (prefix == null
                || tokens.size() < prefix.size()
                || !tokens.subList(0, prefix.size()).equals(prefix)) {
            // another schema resource of this document: its URI as written (identifiers are kept), a fragment within it
            PointerTranslation.Result targetResource = translation.translate(resource);
            int refHash = ref.indexOf('#');
            documentPart = refHash < 0 ? ref : ref.substring(0, refHash);
            prefix = targetResource.tokens();
            if (documentPart.isEmpty()
                    || prefix == null
                    || !tokens.subList(0, prefix.size()).equals(prefix)) {
                return problem(path, ref, "leaves the embedded schema resource it sits in");
            }
        }
        String relative = ImportKeywords.fragment(tokens.subList(prefix.size(), tokens.size()));
        String result = documentPart.isEmpty() || !relative.equals("#") ? documentPart + relative : documentPart;
        if (!result.equals(ref)) {
            conversion.change(path, "\"" + ref + "\" -> \"" + result + "\"");
        }
        return result;
    }

    private String problem(List<String> path, String ref, String why) {
        conversion.problem(path, "$ref \"" + ref + "\" " + why);
        return ref;
    }
}
