package dev.tokencontract.contract.internal;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Schema identifiers: draft-04's {@code id} becomes {@code $id}; a plain-name fragment ({@code "#address"},
 * {@code "item.json#address"}), which draft-04/06/07 use to name an anchor, becomes {@code $anchor}.
 */
final class IdConversion {
    private final DraftConversion conversion;

    IdConversion(DraftConversion conversion) {
        this.conversion = conversion;
    }

    void convert(JsonNode node, String id, List<String> path, ObjectNode out) {
        String keyword = conversion.draft().idKeyword();
        int hash = id.indexOf('#');
        String document = hash < 0 ? id : id.substring(0, hash);
        String fragment = hash < 0 ? "" : id.substring(hash + 1);
        if (!document.isEmpty()) {
            out.put("$id", document);
            if (!document.equals(id) || !keyword.equals("$id")) {
                conversion.change(
                        path,
                        keyword + " \"" + id + "\" -> $id \"" + document + "\""
                                + (fragment.isEmpty() ? "" : " and $anchor"));
            }
        }
        if (fragment.isEmpty()) {
            if (document.isEmpty()) {
                conversion.change(path, "removed: " + keyword + " \"" + id + "\" names nothing");
            }
            return;
        }
        if (!ImportKeywords.isAnchorName(fragment)) {
            conversion.problem(
                    path,
                    keyword + " \"" + id + "\": '" + fragment + "' is not a plain name 2020-12 accepts as an anchor");
            return;
        }
        if (node.has("$anchor") && !node.path("$anchor").asString("").equals(fragment)) {
            conversion.problem(path, keyword + " \"" + id + "\" and $anchor name two different anchors");
            return;
        }
        out.put("$anchor", fragment);
        if (document.isEmpty()) {
            conversion.change(path, keyword + " \"" + id + "\" -> $anchor \"" + fragment + "\"");
        }
    }
}
