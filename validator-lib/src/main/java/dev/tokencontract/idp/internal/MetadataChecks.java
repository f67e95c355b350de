package dev.tokencontract.idp.internal;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Checks of an authorization server's metadata that a schema cannot say: issuer, https, algorithms. */
public final class MetadataChecks {
    /** Where the IdP says which algorithms sign the tokens it issues (the second is Google's 2015 spelling). */
    static final List<String> TOKEN_ALG_MEMBERS = List.of(
            "id_token_signing_alg_values_supported",
            "id_token_alg_values_supported",
            "access_token_signing_alg_values_supported");

    private MetadataChecks() {}

    /**
     * @param expectedIssuer the issuer the metadata was discovered for, or {@code null} when it came from a file
     */
    public static List<Finding> check(JsonNode metadata, String expectedIssuer, String pointer) {
        List<Finding> findings = new ArrayList<>();
        issuer(metadata, expectedIssuer, pointer, findings);
        endpoints(metadata, pointer, findings);
        algorithms(metadata, pointer, findings);
        if (!metadata.has("jwks_uri")) {
            findings.add(Finding.warning(
                    FindingCode.JWKS_URI_MISSING,
                    pointer + "/jwks_uri",
                    "a jwks_uri",
                    "(absent)",
                    "The metadata names no jwks_uri, so token signatures cannot be checked against its keys."));
        }
        return findings;
    }

    /** The contract's schema findings, renamed for a metadata document, plus its recommended members. */
    public static List<Finding> contract(Contract contract, JsonNode document, String pointer) {
        List<Finding> findings = new ArrayList<>();
        JsonNode schema = contract.document();
        String issuer = document.path("issuer").asString("");
        boolean explainedTemplate = IssuerRules.templated(issuer)
                && IssuerRules.notHttpsReason(issuer).isEmpty();
        for (Finding f : contract.check(document, pointer)) {
            if (explainedTemplate && f.pointer().equals(pointer + "/issuer") && f.code() != FindingCode.CLAIM_MISSING) {
                continue; // '{tenantid}' is not URI syntax; ISSUER_TEMPLATED explains it instead of a bare format error
            }
            FindingCode code = switch (f.code()) {
                case CLAIM_MISSING -> FindingCode.METADATA_FIELD_MISSING;
                case CONTRACT_UNAVAILABLE -> FindingCode.CONTRACT_UNAVAILABLE;
                default -> FindingCode.METADATA_FIELD_INVALID;
            };
            String expected = f.expected() == null ? null : f.expected().replace("a claim named", "a member named");
            findings.add(new Finding(
                    code,
                    f.severity(),
                    f.pointer(),
                    expected,
                    f.actual(),
                    contract.reference() + ": " + f.message() + rule(schema, f.pointer(), pointer),
                    code.hint()));
        }
        JsonNode recommended = contract.document().path("x-recommended");
        for (JsonNode name : recommended) {
            if (!document.has(name.asString(""))) {
                findings.add(Finding.warning(
                        FindingCode.METADATA_RECOMMENDED_MISSING,
                        pointer + "/" + escape(name.asString("")),
                        "a member named '" + Redact.value(name.asString("")) + "'",
                        "(absent)",
                        contract.reference() + " recommends '" + Redact.value(name.asString("")) + "'."));
            }
        }
        return findings;
    }

    /** True for a contract finding about a string's URL form (its {@code format} or {@code pattern}). */
    static boolean urlSyntax(Finding finding) {
        String expected = finding.expected() == null ? "" : finding.expected();
        return finding.code() == FindingCode.METADATA_FIELD_INVALID
                && (expected.startsWith("format ") || expected.startsWith("pattern "));
    }

    /** The schema's own description of the member a finding is about, so the reason travels with the finding. */
    private static String rule(JsonNode schema, String findingPointer, String prefix) {
        if (!findingPointer.startsWith(prefix + "/")) {
            return "";
        }
        String member = findingPointer
                .substring(prefix.length() + 1)
                .split("/", 2)[0]
                .replace("~1", "/")
                .replace("~0", "~");
        JsonNode property = schema.path("properties").path(member);
        String description = property.path("description").asString("");
        if (description.isEmpty() && property.path("$ref").asString("").startsWith("#/$defs/")) {
            description = schema.path("$defs")
                    .path(property.path("$ref").stringValue().substring("#/$defs/".length()))
                    .path("description")
                    .asString("");
        }
        return description.isEmpty() ? "" : " (" + description + ")";
    }

    /** A member name as one JSON pointer segment (RFC 6901). */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static void issuer(JsonNode metadata, String expectedIssuer, String pointer, List<Finding> findings) {
        JsonNode node = metadata.path("issuer");
        if (!node.isString()) {
            return; // the contract reports a missing or non-string issuer
        }
        String issuer = node.stringValue();
        IssuerRules.notHttpsReason(issuer)
                .ifPresent(reason -> findings.add(Finding.error(
                        FindingCode.ISSUER_NOT_HTTPS,
                        pointer + "/issuer",
                        "an https URL with no query or fragment",
                        Redact.value(issuer) + " (" + reason + ")",
                        "The issuer is not an https URL: " + reason + ".")));
        boolean templated = IssuerRules.templated(issuer);
        if (templated) {
            String name = IssuerRules.placeholder(issuer).orElse("?");
            findings.add(new Finding(
                    FindingCode.ISSUER_TEMPLATED,
                    Severity.WARNING,
                    pointer + "/issuer",
                    "one issuer",
                    Redact.value(issuer),
                    "The issuer is a template: tokens carry it with {" + name + "} replaced by the tenant's id, "
                            + "so no token will equal this value.",
                    FindingCode.ISSUER_TEMPLATED.hint()));
        }
        if (expectedIssuer != null && !IssuerRules.matches(issuer, expectedIssuer)) {
            findings.add(Finding.error(
                    FindingCode.ISSUER_MISMATCH,
                    pointer + "/issuer",
                    Redact.value(expectedIssuer),
                    Redact.value(issuer),
                    "The issuer differs from the URL the metadata was discovered for."));
        }
    }

    private static void endpoints(JsonNode metadata, String pointer, List<Finding> findings) {
        for (Map.Entry<String, JsonNode> member : metadata.properties()) {
            String name = member.getKey();
            boolean endpoint = name.endsWith("_endpoint") || name.equals("jwks_uri");
            if (!endpoint || !member.getValue().isString()) {
                continue;
            }
            String value = member.getValue().stringValue();
            IssuerRules.notHttpsReason(value)
                    .ifPresent(reason -> findings.add(Finding.error(
                            FindingCode.ENDPOINT_NOT_HTTPS,
                            pointer + "/" + escape(name),
                            "an https URL",
                            Redact.value(value) + " (" + reason + ")",
                            "'" + name + "' is not an https URL: " + reason + ".")));
        }
    }

    private static void algorithms(JsonNode metadata, String pointer, List<Finding> findings) {
        for (String member : TOKEN_ALG_MEMBERS) {
            JsonNode algs = metadata.path(member);
            Set<String> hmac = new LinkedHashSet<>();
            for (int i = 0; i < algs.size(); i++) {
                String alg = algs.get(i).asString("");
                if (alg.equalsIgnoreCase("none")) {
                    findings.add(Finding.error(
                            FindingCode.ADVERTISED_ALG_NONE,
                            pointer + "/" + member + "/" + i,
                            "signing algorithms only",
                            alg,
                            "'" + member + "' advertises unsigned tokens ('none')."));
                } else if (alg.toUpperCase(java.util.Locale.ROOT).startsWith("HS")) {
                    hmac.add(alg);
                }
            }
            if (!hmac.isEmpty()) {
                findings.add(Finding.warning(
                        FindingCode.ADVERTISED_ALG_HMAC,
                        pointer + "/" + member,
                        "public-key algorithms",
                        String.join(", ", hmac),
                        "'" + member + "' advertises HMAC algorithms (" + String.join(", ", hmac) + ")."));
            }
        }
    }
}
