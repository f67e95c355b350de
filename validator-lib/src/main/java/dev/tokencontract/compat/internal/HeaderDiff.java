package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeKind;
import dev.tokencontract.contract.Contract;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** The document header: {@code x-contract}, {@code $id} and {@code $schema}. */
final class HeaderDiff {
    private HeaderDiff() {}

    static void diff(Contract older, Contract newer, JsonNode oldDoc, JsonNode newDoc, Collector out) {
        if (older.kind() != newer.kind()) {
            out.addAsIs(
                    ChangeKind.CONTRACT_KIND_CHANGED,
                    Effect.BOTH,
                    "/x-contract/kind",
                    "contract kind " + older.kind().id() + " → " + newer.kind().id()
                            + ": the documents describe different things",
                    older.kind().id(),
                    newer.kind().id());
        }
        if (!Objects.equals(older.owner(), newer.owner())) {
            out.addAsIs(
                    ChangeKind.OWNER_CHANGED,
                    Effect.COSMETIC,
                    "/x-contract/owner",
                    "owner '" + Show.text(older.owner()) + "' → '" + Show.text(newer.owner()) + "'",
                    Show.text(older.owner()),
                    Show.text(newer.owner()));
        }
        JsonNode oldDescription = oldDoc.path("x-contract").get("description");
        JsonNode newDescription = newDoc.path("x-contract").get("description");
        if (!SchemaDiff.same(oldDescription, newDescription)) {
            out.addAsIs(
                    ChangeKind.CONTRACT_DESCRIPTION_CHANGED,
                    Effect.COSMETIC,
                    "/x-contract/description",
                    "x-contract description " + Annotations.verb(oldDescription, newDescription),
                    Show.json(oldDescription),
                    Show.json(newDescription));
        }
        // $id names the version by convention; a change beyond the version is worth a line.
        String oldId = Objects.toString(older.id(), "");
        String newId = Objects.toString(newer.id(), "");
        if (!oldId.replace("/" + older.version(), "/" + newer.version()).equals(newId)) {
            out.addAsIs(
                    ChangeKind.ID_CHANGED,
                    Effect.COSMETIC,
                    "/$id",
                    "$id changed beyond the version",
                    Show.text(oldId),
                    Show.text(newId));
        }
        JsonNode oldSchema = oldDoc.get("$schema");
        JsonNode newSchema = newDoc.get("$schema");
        if (!SchemaDiff.same(oldSchema, newSchema)) {
            out.addAsIs(
                    ChangeKind.SCHEMA_DIALECT_CHANGED,
                    Effect.BOTH,
                    "/$schema",
                    "$schema changed: the documents may be read by different rules",
                    Show.json(oldSchema),
                    Show.json(newSchema));
        }
    }
}
