package dev.tokencontract.idp.internal;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.idp.IdpReport;
import dev.tokencontract.json.StrictJson;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The steps of {@code check-resource}: find the protected resource metadata, check it, then its authorization servers. */
public final class ResourceCheck {
    /** Authorization servers of one protected resource that are checked; the rest are named in a note. */
    public static final int MAX_AUTHORIZATION_SERVERS = 5;

    static final String RESOURCE = "/resource";

    private final SafeFetch fetch;
    private final List<Contract> contracts;
    private final List<Contract> serverContracts;

    public ResourceCheck(SafeFetch fetch, List<Contract> contracts, List<Contract> serverContracts) {
        this.fetch = fetch;
        this.contracts = contracts;
        this.serverContracts = serverContracts;
    }

    public IdpReport discoverAndCheck(URI resource, String subject) {
        List<Finding> findings = new ArrayList<>();
        Discovery.Found found = discover(resource, findings);
        findings.addAll(found.findings());
        if (found.document().isEmpty()) {
            return new IdpReport(
                    subject,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    IssuerCheck.references(contracts),
                    findings,
                    List.of());
        }
        JsonNode metadata = found.document().get();
        resourceMatches(metadata, resource.toString(), findings);
        List<IdpReport> servers = checkDocumentAndServers(metadata, findings, true);
        return new IdpReport(
                subject,
                found.url(),
                Optional.of(metadata),
                Optional.empty(),
                IssuerCheck.references(contracts),
                findings,
                servers);
    }

    public IdpReport checkDocument(String json, String subject, boolean checkServers) {
        List<Finding> findings = new ArrayList<>();
        StrictJson.Parsed parsed = StrictJson.parse(json == null ? "" : json);
        if (!parsed.ok() || !parsed.node().isObject()) {
            findings.add(Finding.error(
                    FindingCode.FETCH_NOT_JSON,
                    RESOURCE,
                    "a JSON object",
                    parsed.ok() ? "JSON but not an object" : parsed.detail(),
                    "The protected resource metadata is not a JSON object."));
            return new IdpReport(
                    subject,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    IssuerCheck.references(contracts),
                    findings,
                    List.of());
        }
        List<IdpReport> servers = checkDocumentAndServers(parsed.node(), findings, checkServers);
        return new IdpReport(
                subject,
                Optional.empty(),
                Optional.of(parsed.node()),
                Optional.empty(),
                IssuerCheck.references(contracts),
                findings,
                servers);
    }

    /** The 401's resource_metadata when there is one; otherwise the well-known URLs, after a finding that says why. */
    private Discovery.Found discover(URI resource, List<Finding> findings) {
        SafeFetch.Answer answer = fetch.getJson(resource, RESOURCE);
        Optional<String> metadataUrl = answer.status() == 401
                ? answer.wwwAuthenticate().flatMap(h -> WwwAuthenticate.parameter(h, "resource_metadata"))
                : Optional.empty();
        if (metadataUrl.isPresent()) {
            try {
                if (metadataUrl.get().isBlank()) {
                    throw new URISyntaxException("", "empty"); // would resolve to the resource itself
                }
                URI uri = resource.resolve(new URI(metadataUrl.get()));
                findings.add(Finding.info(
                        FindingCode.DISCOVERY_DOCUMENT_FOUND,
                        RESOURCE,
                        "The 401 challenge names resource_metadata " + Redact.value(uri.toString()) + "."));
                return Discovery.first(fetch, List.of(uri), RESOURCE, "protected resource metadata");
            } catch (URISyntaxException | IllegalArgumentException e) {
                findings.add(Finding.warning(
                        FindingCode.RESOURCE_CHALLENGE_MISSING,
                        RESOURCE,
                        "a resource_metadata URL",
                        Redact.value(metadataUrl.get()),
                        "The 401 challenge's resource_metadata is not a URL; trying the well-known URLs."));
            }
        } else {
            String actual = answer.status() == 401
                    ? "401 without resource_metadata"
                    : answer.status() == 0 ? String.valueOf(answer.problem().actual()) : "HTTP " + answer.status();
            findings.add(
                    Finding.warning(
                            FindingCode.RESOURCE_CHALLENGE_MISSING,
                            RESOURCE,
                            "HTTP 401 with WWW-Authenticate: Bearer resource_metadata=\"…\"",
                            Redact.value(actual),
                            "An unauthenticated request got no 401 challenge naming resource_metadata; trying the well-known URLs."));
        }
        return Discovery.first(fetch, WellKnown.protectedResource(resource), RESOURCE, "protected resource metadata");
    }

    private List<IdpReport> checkDocumentAndServers(JsonNode metadata, List<Finding> findings, boolean checkServers) {
        for (Contract contract : contracts) {
            findings.addAll(MetadataChecks.contract(contract, metadata, RESOURCE));
        }
        JsonNode servers = metadata.path("authorization_servers");
        List<IdpReport> reports = new ArrayList<>();
        if (!checkServers) {
            findings.add(Finding.info(
                    FindingCode.DISCOVERY_DOCUMENT_FOUND,
                    RESOURCE + "/authorization_servers",
                    "The authorization servers were not checked (asked not to fetch)."));
            return reports;
        }
        if (servers.size() > MAX_AUTHORIZATION_SERVERS) {
            List<String> rest = new ArrayList<>();
            for (int i = MAX_AUTHORIZATION_SERVERS; i < servers.size(); i++) {
                rest.add(Redact.value(servers.get(i).asString(servers.get(i).toString())));
            }
            findings.add(Finding.info(
                    FindingCode.DISCOVERY_DOCUMENT_FOUND,
                    RESOURCE + "/authorization_servers",
                    rest.size() + " of " + servers.size() + " authorization servers were not checked (only the first "
                            + MAX_AUTHORIZATION_SERVERS + " are): " + Redact.shorten(String.join(", ", rest), 600)
                            + "."));
        }
        for (int i = 0; i < servers.size() && i < MAX_AUTHORIZATION_SERVERS; i++) {
            String issuer = servers.get(i).asString("");
            String at = "/authorization_servers/" + i;
            URI uri;
            try {
                uri = new URI(issuer);
                if (uri.getHost() == null) {
                    continue; // the contract reports a value that is not a URL
                }
            } catch (URISyntaxException e) {
                continue;
            }
            IdpReport report = IssuerCheck.discoverAndCheck(fetch, uri, issuer, serverContracts, true);
            reports.add(report);
            report.findings().forEach(f -> findings.add(prefixed(f, at)));
            if (report.verdict() == Verdict.REJECTED) {
                findings.add(Finding.error(
                        FindingCode.AUTHORIZATION_SERVER_UNUSABLE,
                        RESOURCE + at,
                        "an authorization server meeting " + String.join(", ", IssuerCheck.references(serverContracts)),
                        Redact.value(issuer),
                        "Authorization server " + Redact.value(issuer) + " fails its checks (findings under " + at
                                + ")."));
            }
        }
        return reports;
    }

    private static void resourceMatches(JsonNode metadata, String resource, List<Finding> findings) {
        JsonNode named = metadata.path("resource");
        if (!named.isString() || named.stringValue().equals(resource)) {
            return;
        }
        boolean slashOnly = strip(named.stringValue()).equals(strip(resource));
        Finding finding = new Finding(
                FindingCode.RESOURCE_MISMATCH,
                slashOnly ? dev.tokencontract.finding.Severity.WARNING : dev.tokencontract.finding.Severity.ERROR,
                RESOURCE + "/resource",
                Redact.value(resource),
                Redact.value(named.stringValue()),
                slashOnly
                        ? "The resource differs from the MCP server's URL only by a trailing slash."
                        : "The metadata names another resource than the MCP server's URL.",
                FindingCode.RESOURCE_MISMATCH.hint());
        findings.add(finding);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static Finding prefixed(Finding f, String prefix) {
        return new Finding(
                f.code(), f.severity(), prefix + f.pointer(), f.expected(), f.actual(), f.message(), f.hint());
    }
}
