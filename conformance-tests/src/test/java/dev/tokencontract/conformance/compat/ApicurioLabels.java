package dev.tokencontract.conformance.compat;

import java.util.Map;

/**
 * Apicurio labels proven wrong, per case id and direction ({@code BREAKING_FOR_CONSUMERS} is Apicurio's
 * "backward", {@code BREAKING_FOR_PRODUCERS} its "forward"), each with the instance or argument that settles it.
 * A label overruled by a token the search found needs no entry here: the token is the proof.
 */
final class ApicurioLabels {
    static final Map<String, Proof> WRONG = Map.ofEntries(
            Map.entry("String: pattern 1 BREAKING_FOR_PRODUCERS", everything("\"UPPER 123\"")),
            Map.entry("String: pattern 2 BREAKING_FOR_CONSUMERS", everything("\"lower 123\"")),
            Map.entry("String: pattern 2 BREAKING_FOR_PRODUCERS", everything("\"UPPER 123\"")),
            Map.entry(
                    "Conditional: then BREAKING_FOR_PRODUCERS",
                    everything("{\"case\": \"lower\", \"data\": \"UPPER 123\"}")),
            Map.entry(
                    "Conditional: else BREAKING_FOR_PRODUCERS",
                    everything("{\"case\": \"upper\", \"data\": \"lower 123\"}")),
            Map.entry(
                    "String: contentEncoding 2 BREAKING_FOR_PRODUCERS",
                    annotation("contentEncoding", "\"%%% not base64 %%%\"")),
            Map.entry(
                    "String: contentEncoding 3 BREAKING_FOR_CONSUMERS",
                    annotation("contentEncoding", "\"%%% not base64 %%%\"")),
            Map.entry(
                    "String: contentEncoding 3 BREAKING_FOR_PRODUCERS",
                    annotation("contentEncoding", "\"%%% not base64 %%%\"")),
            Map.entry(
                    "String: contentMediaType 2 BREAKING_FOR_PRODUCERS",
                    annotation("contentMediaType", "\"not a PNG\"")),
            Map.entry(
                    "String: contentMediaType 3 BREAKING_FOR_CONSUMERS",
                    annotation("contentMediaType", "\"not a PNG\"")),
            Map.entry(
                    "String: contentMediaType 3 BREAKING_FOR_PRODUCERS",
                    annotation("contentMediaType", "\"not a PNG\"")));

    /**
     * Why a label is wrong: the argument, and an instance ({@link Draft7Contract#CLAIM}'s value) the label's claimed
     * break would have to reject but that both versions accept; the test checks that both do.
     */
    record Proof(String argument, String instance) {}

    private static Proof everything(String instance) {
        return new Proof(
                "the old pattern ([a-z]* or [A-Z]*) is not anchored and matches the empty string, so it finds a match in every "
                        + "string (ECMA-262 and JSON Schema search, they do not match whole strings): it constrains nothing; "
                        + instance
                        + " is accepted by both versions",
                instance);
    }

    private static Proof annotation(String keyword, String instance) {
        return new Proof(
                keyword
                        + " is an annotation in draft-07 and 2020-12 (validation spec section 8: it asserts nothing), so "
                        + "changing or removing it accepts and rejects nothing; both versions accept " + instance,
                instance);
    }

    private ApicurioLabels() {}
}
