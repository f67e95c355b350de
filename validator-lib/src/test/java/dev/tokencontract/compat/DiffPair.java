package dev.tokencontract.compat;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestContracts;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two versions of one small token contract for diff tests: the same base ({@link TestContracts#minimal()}),
 * each edited by JSON pointer; the new one is version 1.1.0. Both must pass the linter, as the engine
 * compares only contracts.
 */
final class DiffPair {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode older;
    private final ObjectNode newer;

    private DiffPair(ObjectNode base) {
        this.older = base.deepCopy();
        this.newer = base.deepCopy();
        newer.put("$id", "https://tokencontract.dev/contracts/minimal-token/1.1.0");
        ((ObjectNode) newer.get("x-contract")).put("version", "1.1.0");
    }

    static DiffPair minimal() {
        return new DiffPair(TestContracts.minimal());
    }

    /** Sets a value (JSON text) at a pointer in both versions. */
    DiffPair both(String pointer, String json) {
        set(older, pointer, json);
        set(newer, pointer, json);
        return this;
    }

    DiffPair old(String pointer, String json) {
        set(older, pointer, json);
        return this;
    }

    DiffPair now(String pointer, String json) {
        set(newer, pointer, json);
        return this;
    }

    DiffPair oldWithout(String pointer) {
        remove(older, pointer);
        return this;
    }

    DiffPair nowWithout(String pointer) {
        remove(newer, pointer);
        return this;
    }

    DiffPair edit(Consumer<ObjectNode> olderEdit, Consumer<ObjectNode> newerEdit) {
        olderEdit.accept(older);
        newerEdit.accept(newer);
        return this;
    }

    ObjectNode olderDocument() {
        return older;
    }

    ObjectNode newerDocument() {
        return newer;
    }

    ContractDiff diff() {
        return ContractDiff.between(contract(older), contract(newer));
    }

    /** Each change as {@code kind [classes] pointer}, classes abbreviated C, P, W, cosmetic X. */
    List<String> summary() {
        return diff().changes().stream().map(DiffPair::line).toList();
    }

    static String line(Change change) {
        StringBuilder classes = new StringBuilder();
        for (ChangeClass c : ChangeClass.values()) {
            if (change.is(c)) {
                classes.append(
                        switch (c) {
                            case BREAKING_FOR_CONSUMERS -> "C";
                            case BREAKING_FOR_PRODUCERS -> "P";
                            case AUTHORIZATION_WIDENING -> "W";
                            case COSMETIC -> "X";
                        });
            }
        }
        return change.kind() + " [" + classes + "] " + change.pointer();
    }

    static Contract contract(ObjectNode document) {
        try {
            return Contracts.parse(document.toString());
        } catch (ContractException e) {
            throw new AssertionError(e.getMessage() + ": " + e.findings() + "\n" + document.toPrettyString(), e);
        }
    }

    static void set(ObjectNode document, String pointer, String json) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = document.at(at.head());
        JsonNode value = JSON.readTree(json);
        if (parent instanceof ObjectNode object) {
            object.set(at.last().getMatchingProperty(), value);
        } else if (parent instanceof ArrayNode array) {
            int index = at.last().getMatchingIndex();
            if (index < array.size()) {
                array.set(index, value);
            } else {
                array.add(value);
            }
        } else {
            throw new IllegalArgumentException("no parent at " + pointer);
        }
    }

    static void remove(ObjectNode document, String pointer) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = document.at(at.head());
        if (parent instanceof ObjectNode object) {
            object.remove(at.last().getMatchingProperty());
        } else if (parent instanceof ArrayNode array) {
            array.remove(at.last().getMatchingIndex());
        } else {
            throw new IllegalArgumentException("no parent at " + pointer);
        }
    }
}
