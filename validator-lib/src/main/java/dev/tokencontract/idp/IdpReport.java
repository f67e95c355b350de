package dev.tokencontract.idp;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Everything {@link IdpChecks} found about one identity provider or protected resource. Immutable.
 * Pointers start with {@code /metadata} (the authorization server metadata), {@code /jwks} (its JWK set),
 * {@code /resource} (protected resource metadata), {@code /token}, or
 * {@code /authorization_servers/N} for the findings of the N-th authorization server a resource lists.
 *
 * @param subject              what was checked: the issuer or resource URL, or a file name
 * @param documentUrl          where the metadata was found, when it was fetched
 * @param document             the metadata document, when one was read
 * @param jwks                 the JWK set, when one was read; private members' values are stored as {@code "(redacted)"}
 * @param contracts            {@code name@version} of each contract the document was checked against
 * @param findings             every finding, including those of the authorization servers a resource lists
 * @param authorizationServers for a protected resource: the report of each authorization server it lists
 */
public record IdpReport(
        String subject,
        Optional<URI> documentUrl,
        Optional<JsonNode> document,
        Optional<JsonNode> jwks,
        List<String> contracts,
        List<Finding> findings,
        List<IdpReport> authorizationServers) {

    public IdpReport {
        contracts = List.copyOf(contracts);
        findings = List.copyOf(findings);
        authorizationServers = List.copyOf(authorizationServers);
        document = document.map(JsonNode::deepCopy);
        jwks = jwks.map(JwkRedaction::redacted); // a leaked private key is reported, never repeated
    }

    /** A copy of the metadata document (JSON nodes are mutable; the report is not). */
    @Override
    public Optional<JsonNode> document() {
        return document.map(JsonNode::deepCopy);
    }

    /** A copy of the JWK set. */
    @Override
    public Optional<JsonNode> jwks() {
        return jwks.map(JsonNode::deepCopy);
    }

    /**
     * {@link Verdict#ACCEPTED}: no error; {@link Verdict#REJECTED}: at least one error that proves the
     * configuration wrong; {@link Verdict#UNCHECKED}: otherwise, something could not be fetched.
     */
    public Verdict verdict() {
        if (findings.stream().anyMatch(Finding::rejects)) {
            return Verdict.REJECTED;
        }
        return findings.stream().anyMatch(Finding::meansUnchecked) ? Verdict.UNCHECKED : Verdict.ACCEPTED;
    }

    public boolean passed() {
        return verdict() == Verdict.ACCEPTED;
    }

    /** True when a finding with this code is present. */
    public boolean has(FindingCode code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }

    /** The findings with this code. */
    public List<Finding> findings(FindingCode code) {
        return findings.stream().filter(f -> f.code() == code).toList();
    }
}
