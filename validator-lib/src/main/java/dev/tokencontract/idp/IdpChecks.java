package dev.tokencontract.idp;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractKind;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.idp.internal.CrossChecks;
import dev.tokencontract.idp.internal.IssuerCheck;
import dev.tokencontract.idp.internal.JwksChecks;
import dev.tokencontract.idp.internal.ResourceCheck;
import dev.tokencontract.idp.internal.SafeFetch;
import dev.tokencontract.json.StrictJson;
import dev.tokencontract.validator.DecodedToken;
import dev.tokencontract.validator.JwksUrlSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Checks an identity provider's published configuration, or an MCP server's protected resource metadata,
 * against metadata contracts and the rules a schema cannot say (issuer, https, algorithms, key hygiene).
 * Documents are fetched with the JWKS URL conventions ({@link JwksUrlSettings}: timeouts, size cap), https
 * except loopback, and at most a few redirects. Never throws for any document; thread-safe.
 */
public final class IdpChecks {
    /** Redirects followed per fetch before {@code FETCH_TOO_MANY_REDIRECTS}. */
    public static final int DEFAULT_MAX_REDIRECTS = 3;
    /** Authorization servers of one protected resource that are checked; the rest are named in a note. */
    public static final int MAX_AUTHORIZATION_SERVERS = ResourceCheck.MAX_AUTHORIZATION_SERVERS;

    private final SafeFetch fetch;

    private IdpChecks(SafeFetch fetch) {
        this.fetch = fetch;
    }

    /** 2 s connect, 5 s per document, 512 KiB, 3 redirects. */
    public static IdpChecks withDefaults() {
        return with(JwksUrlSettings.defaults(), DEFAULT_MAX_REDIRECTS);
    }

    public static IdpChecks with(JwksUrlSettings settings, int maxRedirects) {
        Objects.requireNonNull(settings, "settings");
        if (maxRedirects < 0 || maxRedirects > 10) {
            throw new IllegalArgumentException("maxRedirects must be 0 to 10");
        }
        return new IdpChecks(new SafeFetch(settings, maxRedirects));
    }

    /**
     * Discovers the metadata of {@code issuer} (the well-known URLs in MCP 2025-11-25 order), checks it against
     * each contract (kind {@code idp-metadata}) and the issuer, https and algorithm rules, then fetches and
     * checks its {@code jwks_uri}.
     *
     * @throws IllegalArgumentException when {@code issuer} is not an absolute http(s) URL
     */
    public IdpReport checkIssuer(String issuer, List<Contract> contracts) {
        return IssuerCheck.discoverAndCheck(
                fetch, url(issuer), issuer, requireKind(contracts, ContractKind.IDP_METADATA), true);
    }

    /**
     * Discovery, the metadata rules and the key hygiene of its {@code jwks_uri} (no contract), for
     * {@code explain --idp}: a caller must not trust keys whose set publishes private members.
     */
    public IdpReport discover(String issuer) {
        return IssuerCheck.discoverAndCheck(fetch, url(issuer), issuer, List.of(), true);
    }

    /**
     * Checks a metadata document read from elsewhere (a file). {@code expectedIssuer} is the issuer it should
     * name, or {@code null} when unknown (then only the issuer's form is checked).
     */
    public IdpReport checkMetadata(
            String json, String subject, String expectedIssuer, List<Contract> contracts, JwksInput keys) {
        return IssuerCheck.checkDocument(
                fetch, json, subject, expectedIssuer, requireKind(contracts, ContractKind.IDP_METADATA), keys);
    }

    /**
     * Discovers an MCP server's protected resource metadata (a 401's {@code WWW-Authenticate resource_metadata},
     * then the well-known URLs), checks it against each contract (kind {@code protected-resource-metadata}), and
     * checks every authorization server it lists against {@code serverContracts} (kind {@code idp-metadata}).
     */
    public IdpReport checkResource(String resourceUrl, List<Contract> contracts, List<Contract> serverContracts) {
        return new ResourceCheck(
                        fetch,
                        requireKind(contracts, ContractKind.PROTECTED_RESOURCE_METADATA),
                        requireKind(serverContracts, ContractKind.IDP_METADATA))
                .discoverAndCheck(url(resourceUrl), resourceUrl);
    }

    /**
     * Checks a protected resource metadata document read from a file; {@code checkServers} false skips
     * fetching the authorization servers it lists (a note says so).
     */
    public IdpReport checkResourceMetadata(
            String json,
            String subject,
            List<Contract> contracts,
            List<Contract> serverContracts,
            boolean checkServers) {
        return new ResourceCheck(
                        fetch,
                        requireKind(contracts, ContractKind.PROTECTED_RESOURCE_METADATA),
                        requireKind(serverContracts, ContractKind.IDP_METADATA))
                .checkDocument(json, subject, checkServers);
    }

    /** The key hygiene findings of a JWK set document; pointers start with {@code /jwks}. */
    public static List<Finding> checkJwks(String json) {
        StrictJson.Parsed parsed = StrictJson.parse(json == null ? "" : json);
        if (!parsed.ok()) {
            return List.of(Finding.error(
                    FindingCode.JWKS_INVALID,
                    "/jwks",
                    "a JSON object with a \"keys\" array",
                    parsed.detail(),
                    "The JWK set is not readable JSON."));
        }
        return JwksChecks.check(parsed.node(), "/jwks");
    }

    /**
     * A token against its IdP: {@code iss} equals the metadata's issuer, {@code alg} is advertised, and the
     * JWK set has its {@code kid} (or {@code x5t} when the token has no kid). Either document may be null.
     * Does not verify the signature (that is {@link TokenValidator}'s work).
     */
    public static List<Finding> crossCheckToken(String token, JsonNode metadata, JsonNode jwks) {
        DecodedToken.Decoding decoding = DecodedToken.decode(token);
        List<Finding> findings = new ArrayList<>();
        if (decoding.token().isEmpty()
                || decoding.token().get().header().isEmpty()
                || decoding.token().get().claims().isEmpty()) {
            decoding.findings().forEach(findings::add);
            return findings;
        }
        DecodedToken decoded = decoding.token().get();
        findings.addAll(
                CrossChecks.token(decoded.header().get(), decoded.claims().get(), metadata, jwks));
        return findings;
    }

    /** The fetch rule of these checks: https, or http to a loopback host (tests). */
    public static boolean fetchable(URI uri) {
        return SafeFetch.allowedScheme(uri);
    }

    private static URI url(String value) {
        try {
            URI uri = new URI(Objects.requireNonNull(value, "url").strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (!(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
    }

    private static List<Contract> requireKind(List<Contract> contracts, ContractKind kind) {
        for (Contract contract : contracts) {
            if (contract.kind() != kind) {
                throw new IllegalArgumentException(
                        contract.reference() + " is a " + contract.kind().id() + " contract, not " + kind.id());
            }
        }
        return List.copyOf(contracts);
    }
}
