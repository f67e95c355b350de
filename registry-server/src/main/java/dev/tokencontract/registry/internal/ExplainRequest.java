package dev.tokencontract.registry.internal;

import dev.tokencontract.idp.JwkRedaction;
import dev.tokencontract.json.StrictJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /ui/api/explain}, read strictly: {@code {token, contract: {name, version}, issuer?,
 * audience?, jwks?, alg?}}. Unknown members, wrong types and blank values are a 400 that names the member and
 * never echoes the token or key material. A pasted JWK set holding private or symmetric key members is refused
 * (400 {@code private-key-refused}) before anything reads its keys.
 *
 * @param token     the token text, as pasted (the validator reads its shape)
 * @param name      the contract's name
 * @param version   an exact version, {@code latest} or a range
 * @param issuer    the expected {@code iss}; empty skips the check
 * @param audiences the expected {@code aud} values; empty skips the check
 * @param jwks      the pasted public JWK set's JSON text; empty means the registry's trusted keys
 * @param alg       the one algorithm a JWK without {@code alg} verifies; empty when not given
 * @param at        judge as of this instant instead of now (as {@code explain --at}); empty for now
 */
record ExplainRequest(
        String token,
        String name,
        String version,
        Optional<String> issuer,
        List<String> audiences,
        Optional<String> jwks,
        Optional<String> alg,
        Optional<Instant> at) {
    /** Keys a pasted set may hold: verification tries each fitting key, so their number bounds the work. */
    static final int MAX_PASTED_KEYS = 32;

    private static final Set<String> MEMBERS = Set.of("token", "contract", "issuer", "audience", "jwks", "alg", "at");
    private static final int MAX_AUDIENCES = 16;
    private static final int MAX_TEXT = 2048;

    static ExplainRequest parse(String body) {
        StrictJson.Parsed parsed = StrictJson.parse(body);
        if (!parsed.ok()) {
            // the parser's message may quote the body, i.e. the token: say only what kind of problem it was
            throw Problem.of(
                    ProblemCode.INVALID_JSON,
                    "the body is not one JSON object ("
                            + parsed.problem().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        JsonNode root = parsed.node();
        if (!root.isObject()) {
            throw invalid(
                    "the body is a JSON object: {\"token\": \"...\", \"contract\": {\"name\": ..., \"version\": ...}}");
        }
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            if (!MEMBERS.contains(member.getKey())) {
                throw invalid("unknown member '" + Problem.shorten(member.getKey()) + "'; the members are " + MEMBERS);
            }
        }
        JsonNode token = root.get("token");
        if (token == null || !token.isString() || token.stringValue().isBlank()) {
            throw invalid("'token' is the token text (a non-empty string)");
        }
        JsonNode contract = root.get("contract");
        if (contract == null
                || !contract.isObject()
                || contract.size() != 2
                || !contract.path("name").isString()
                || !contract.path("version").isString()) {
            throw invalid(
                    "'contract' is {\"name\": \"...\", \"version\": \"...\"} (version: exact, latest or a range)");
        }
        return new ExplainRequest(
                token.stringValue().strip(), // a pasted file's trailing newline is not part of the token
                ContractNames.require(contract.path("name").stringValue()),
                contract.path("version").stringValue(),
                text(root, "issuer"),
                audiences(root.get("audience")),
                jwks(root.get("jwks")),
                text(root, "alg"),
                at(root));
    }

    private static Optional<Instant> at(JsonNode root) {
        Optional<String> text = text(root, "at");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw invalid("'at' is an ISO-8601 instant, e.g. 2026-11-26T00:30:00Z (or with an offset)");
        }
    }

    private static Optional<String> text(JsonNode root, String member) {
        JsonNode value = root.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()
                || value.stringValue().isBlank()
                || value.stringValue().length() > MAX_TEXT) {
            throw invalid("'" + member + "' is a non-empty string of at most " + MAX_TEXT
                    + " characters; leave it out to skip it");
        }
        return Optional.of(value.stringValue());
    }

    private static List<String> audiences(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<JsonNode> items = value.isArray() ? value.valueStream().toList() : List.of(value);
        if (items.isEmpty() || items.size() > MAX_AUDIENCES) {
            throw invalid("'audience' is a string or an array of 1 to " + MAX_AUDIENCES + " strings");
        }
        List<String> audiences = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isString()
                    || item.stringValue().isBlank()
                    || item.stringValue().length() > MAX_TEXT) {
                throw invalid("'audience' values are non-empty strings of at most " + MAX_TEXT + " characters");
            }
            audiences.add(item.stringValue());
        }
        return List.copyOf(audiences);
    }

    /** The pasted set as JSON text: given as an object, or as a string holding one (as a text area sends it). */
    private static Optional<String> jwks(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        JsonNode set = value;
        if (value.isString()) {
            StrictJson.Parsed parsed = StrictJson.parse(value.stringValue());
            if (!parsed.ok()) {
                throw invalid("'jwks' is not JSON (" + parsed.problem().name().toLowerCase(java.util.Locale.ROOT)
                        + "): paste a JWK set, {\"keys\": [...]}");
            }
            set = parsed.node();
        }
        if (!set.isObject() || !set.path("keys").isArray()) {
            throw invalid("'jwks' is a JWK set, {\"keys\": [...]}");
        }
        if (set.path("keys").size() > MAX_PASTED_KEYS) {
            throw invalid("'jwks' holds " + set.path("keys").size() + " keys; at most " + MAX_PASTED_KEYS);
        }
        int index = 0;
        for (JsonNode key : set.path("keys")) {
            List<String> secret =
                    JwkRedaction.PRIVATE_MEMBERS.stream().filter(key::has).toList();
            if (!secret.isEmpty()) {
                throw Problem.of(
                        ProblemCode.PRIVATE_KEY_REFUSED,
                        "key " + index + " of 'jwks' holds private or secret key members " + secret
                                + ": paste only PUBLIC keys (for HMAC tokens use the CLI with --secret-file). "
                                + "The registry did not use, keep or log it; treat that key as exposed and rotate it.");
            }
            index++;
        }
        return Optional.of(set.toString());
    }

    private static Problem invalid(String detail) {
        return Problem.of(ProblemCode.INVALID_BODY, detail);
    }
}
