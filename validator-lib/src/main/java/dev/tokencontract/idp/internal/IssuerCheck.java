package dev.tokencontract.idp.internal;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.idp.IdpReport;
import dev.tokencontract.idp.JwksInput;
import dev.tokencontract.json.StrictJson;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The steps of {@code check-idp}: discover, check the metadata, then its keys. */
public final class IssuerCheck {
    static final String METADATA = "/metadata";
    static final String JWKS = "/jwks";

    private IssuerCheck() {}

    public static IdpReport discoverAndCheck(
            SafeFetch fetch, URI issuer, String subject, List<Contract> contracts, boolean keys) {
        if (!SafeFetch.allowedScheme(issuer)) {
            // one refusal for the issuer, rather than one per well-known URL plus DISCOVERY_NOT_FOUND
            Finding refused = Finding.error(
                    FindingCode.FETCH_INSECURE_URL,
                    METADATA,
                    "an https URL (http only for loopback)",
                    Redact.value(issuer.toString()),
                    "Refused to discover metadata for " + Redact.value(issuer.toString()) + ": not https.");
            return new IdpReport(
                    subject,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    references(contracts),
                    List.of(refused),
                    List.of());
        }
        Discovery.Found found = Discovery.first(
                fetch, WellKnown.authorizationServer(issuer), METADATA, "authorization server metadata");
        List<Finding> findings = new ArrayList<>(found.findings());
        if (found.document().isEmpty()) {
            return new IdpReport(
                    subject,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    references(contracts),
                    findings,
                    List.of());
        }
        JsonNode metadata = found.document().get();
        findings.addAll(metadataFindings(metadata, issuer.toString(), contracts));
        Optional<JsonNode> jwks = Optional.empty();
        if (keys && findings.stream().anyMatch(f -> f.code() == FindingCode.ISSUER_MISMATCH)) {
            // RFC 8414 section 3.3: "If these values are not identical, the data contained in the response MUST NOT be
            // used."
            findings.add(Finding.info(
                    FindingCode.DISCOVERY_DOCUMENT_FOUND,
                    JWKS,
                    "Keys were not fetched: the metadata's issuer differs from " + Redact.value(issuer.toString())
                            + ", so its jwks_uri is not used."));
        } else if (keys) {
            jwks = fetchJwks(fetch, metadata, findings);
        }
        return new IdpReport(
                subject, found.url(), Optional.of(metadata), jwks, references(contracts), findings, List.of());
    }

    public static IdpReport checkDocument(
            SafeFetch fetch,
            String json,
            String subject,
            String expectedIssuer,
            List<Contract> contracts,
            JwksInput keys) {
        List<Finding> findings = new ArrayList<>();
        StrictJson.Parsed parsed = StrictJson.parse(json == null ? "" : json);
        if (!parsed.ok() || !parsed.node().isObject()) {
            findings.add(Finding.error(
                    FindingCode.FETCH_NOT_JSON,
                    METADATA,
                    "a JSON object",
                    parsed.ok() ? "JSON but not an object" : parsed.detail(),
                    "The metadata document is not a JSON object."));
            return new IdpReport(
                    subject,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    references(contracts),
                    findings,
                    List.of());
        }
        JsonNode metadata = parsed.node();
        findings.addAll(metadataFindings(metadata, expectedIssuer, contracts));
        Optional<JsonNode> jwks = switch (keys.source()) {
            case FETCH_JWKS_URI -> fetchJwks(fetch, metadata, findings);
            case DOCUMENT -> jwksDocument(keys.json(), findings);
            case SKIP -> {
                findings.add(Finding.info(
                        FindingCode.DISCOVERY_DOCUMENT_FOUND,
                        JWKS,
                        "Keys were not checked (asked not to fetch jwks_uri)."));
                yield Optional.empty();
            }
        };
        return new IdpReport(
                subject, Optional.empty(), Optional.of(metadata), jwks, references(contracts), findings, List.of());
    }

    private static List<Finding> metadataFindings(JsonNode metadata, String expectedIssuer, List<Contract> contracts) {
        List<Finding> rules = MetadataChecks.check(metadata, expectedIssuer, METADATA);
        Set<String> notUrls = new HashSet<>();
        rules.stream()
                .filter(f -> f.code() == FindingCode.ISSUER_NOT_HTTPS || f.code() == FindingCode.ENDPOINT_NOT_HTTPS)
                .forEach(f -> notUrls.add(f.pointer()));
        List<Finding> findings = new ArrayList<>();
        for (Contract contract : contracts) {
            for (Finding f : MetadataChecks.contract(contract, metadata, METADATA)) {
                if (!(notUrls.contains(f.pointer()) && MetadataChecks.urlSyntax(f))) {
                    findings.add(f); // a URL's form is said once, by ISSUER_NOT_HTTPS or ENDPOINT_NOT_HTTPS
                }
            }
        }
        findings.addAll(rules);
        return findings;
    }

    private static Optional<JsonNode> fetchJwks(SafeFetch fetch, JsonNode metadata, List<Finding> findings) {
        JsonNode jwksUri = metadata.path("jwks_uri");
        if (!jwksUri.isString()) {
            return Optional.empty(); // JWKS_URI_MISSING or the contract already says so
        }
        URI uri;
        try {
            uri = new URI(jwksUri.stringValue());
        } catch (URISyntaxException e) {
            return Optional.empty(); // ENDPOINT_NOT_HTTPS says "not a URL"
        }
        if (!SafeFetch.allowedScheme(uri)) {
            return Optional.empty(); // ENDPOINT_NOT_HTTPS already reported; never fetch over plain http
        }
        SafeFetch.Answer answer = fetch.getJson(uri, JWKS);
        if (!answer.ok()) {
            findings.add(answer.problem());
            return Optional.empty();
        }
        findings.add(Finding.info(
                FindingCode.DISCOVERY_DOCUMENT_FOUND,
                JWKS,
                "JWK set fetched from " + Redact.value(answer.finalUri().toString()) + "."));
        findings.addAll(JwksChecks.check(answer.json(), JWKS));
        return Optional.of(answer.json());
    }

    private static Optional<JsonNode> jwksDocument(String json, List<Finding> findings) {
        StrictJson.Parsed parsed = StrictJson.parse(json);
        if (!parsed.ok()) {
            findings.add(Finding.error(
                    FindingCode.JWKS_INVALID,
                    JWKS,
                    "a JSON object with a \"keys\" array",
                    parsed.detail(),
                    "The JWK set is not readable JSON."));
            return Optional.empty();
        }
        findings.addAll(JwksChecks.check(parsed.node(), JWKS));
        return Optional.of(parsed.node());
    }

    static List<String> references(List<Contract> contracts) {
        return contracts.stream().map(Contract::reference).toList();
    }
}
