package dev.tokencontract.validator.internal;

import dev.tokencontract.contract.JoseRules;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.JsonTypes;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Stage 2: the JOSE header. {@code alg} allowed by the contract and never {@code none}; {@code typ} as
 * the contract says; {@code kid} present when required; key-carrying and extension parameters refused.
 */
public final class HeaderCheck {
    private static final int MAX_KID_LENGTH = 256;

    private HeaderCheck() {}

    /** The algorithm to verify with, or {@code null} when no signature check makes sense. */
    public static String check(JsonNode header, JoseRules jose, List<Finding> findings) {
        String alg = algorithm(header, jose, findings);
        type(header, jose, findings);
        keyId(header, jose, findings);
        refused(header, findings);
        return alg;
    }

    private static String algorithm(JsonNode header, JoseRules jose, List<Finding> findings) {
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isString() || alg.stringValue().isEmpty()) {
            findings.add(Finding.error(
                    FindingCode.ALG_MISSING,
                    "/header/alg",
                    "one of " + jose.algorithms(),
                    alg == null ? "(absent)" : JsonTypes.name(alg) + " " + Redact.value(alg.toString()),
                    "The header names no algorithm."));
            return null;
        }
        String value = alg.stringValue();
        if (value.equalsIgnoreCase("none")) {
            findings.add(Finding.error(
                    FindingCode.ALG_NONE,
                    "/header/alg",
                    "one of " + sorted(jose.algorithms()),
                    Redact.value(value),
                    "The token is unsecured ('alg': '" + Redact.value(value) + "')."));
            return null;
        }
        if (!jose.algorithms().contains(value)) {
            findings.add(Finding.error(
                    FindingCode.ALG_NOT_ALLOWED,
                    "/header/alg",
                    "one of " + sorted(jose.algorithms()),
                    Redact.value(value),
                    "The contract does not allow algorithm " + Redact.value(value) + "."));
        }
        return value;
    }

    private static void type(JsonNode header, JoseRules jose, List<Finding> findings) {
        if (jose.types().isEmpty()) {
            return;
        }
        JsonNode typ = header.get("typ");
        if (typ == null) {
            findings.add(Finding.error(
                    FindingCode.TYP_MISSING,
                    "/header/typ",
                    "one of " + sorted(jose.types()),
                    "(absent)",
                    "The header has no 'typ'; the contract expects " + sorted(jose.types()) + "."));
        } else if (!typ.isString() || !jose.allowsType(typ.stringValue())) {
            String actual = typ.isString() ? typ.stringValue() : typ.toString();
            findings.add(Finding.error(
                    FindingCode.TYP_NOT_ALLOWED,
                    "/header/typ",
                    "one of " + sorted(jose.types()),
                    Redact.value(actual),
                    "The token's type is '" + Redact.value(actual)
                            + "', not an access token type the contract allows."));
        }
    }

    private static void keyId(JsonNode header, JoseRules jose, List<Finding> findings) {
        JsonNode kid = header.get("kid");
        if (kid == null) {
            if (jose.kidRequired()) {
                findings.add(Finding.error(
                        FindingCode.KID_MISSING, "/header/kid", "a key id", "(absent)", "The header has no 'kid'."));
            }
            return;
        }
        if (!kid.isString()
                || kid.stringValue().isEmpty()
                || kid.stringValue().length() > MAX_KID_LENGTH
                || kid.stringValue().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            findings.add(Finding.error(
                    FindingCode.KID_MALFORMED,
                    "/header/kid",
                    "a printable string of at most " + MAX_KID_LENGTH + " characters",
                    JsonTypes.name(kid) + " " + Redact.value(kid.toString()),
                    "The 'kid' is not a usable key id."));
        }
    }

    private static void refused(JsonNode header, List<Finding> findings) {
        if (header.has("jku")) {
            findings.add(Finding.error(
                    FindingCode.HEADER_JKU_REFUSED,
                    "/header/jku",
                    "(absent)",
                    Redact.value(header.get("jku").toString()),
                    "The token names a key URL ('jku'); it was not fetched."));
        }
        if (header.has("x5u")) {
            findings.add(Finding.error(
                    FindingCode.HEADER_X5U_REFUSED,
                    "/header/x5u",
                    "(absent)",
                    Redact.value(header.get("x5u").toString()),
                    "The token names a certificate URL ('x5u'); it was not fetched."));
        }
        if (header.has("jwk")) {
            String kty = header.get("jwk").path("kty").asString("?");
            findings.add(Finding.error(
                    FindingCode.HEADER_JWK_REFUSED,
                    "/header/jwk",
                    "(absent)",
                    "embedded " + Redact.value(kty) + " key",
                    "The token carries its own verification key ('jwk'); it was not used."));
        }
        if (header.has("x5c")) {
            findings.add(Finding.warning(
                    FindingCode.HEADER_X5C_IGNORED,
                    "/header/x5c",
                    null,
                    "certificate chain of " + header.get("x5c").size() + " entries",
                    "The token carries a certificate chain ('x5c'); it was ignored."));
        }
        JsonNode b64 = header.get("b64");
        if (b64 != null && !(b64.isBoolean() && b64.asBoolean())) {
            findings.add(Finding.error(
                    FindingCode.B64_UNENCODED_REFUSED,
                    "/header/b64",
                    "(absent) or true",
                    Redact.value(b64.toString()),
                    "The token asks for an unencoded payload ('b64': " + Redact.value(b64.toString()) + ")."));
        }
        JsonNode crit = header.get("crit");
        if (crit != null) {
            List<String> names = new ArrayList<>();
            if (crit.isArray()) {
                crit.values().forEach(n -> names.add(n.isString() ? n.stringValue() : n.toString()));
            }
            findings.add(Finding.error(
                    FindingCode.CRIT_UNSUPPORTED,
                    "/header/crit",
                    "(absent): no extensions are understood",
                    Redact.value(crit.isArray() ? String.join(", ", names) : crit.toString()),
                    "The token requires extensions this validator does not implement."));
        }
    }

    private static String sorted(java.util.Set<String> values) {
        return values.stream().sorted().toList().toString();
    }
}
