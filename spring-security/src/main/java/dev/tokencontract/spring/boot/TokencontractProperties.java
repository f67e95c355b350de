package dev.tokencontract.spring.boot;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokencontract.*}: the contract an MCP server's tokens must satisfy, who may issue them and for which
 * audience. Nothing security-relevant has a permissive default: without a contract, an audience and at least
 * one issuer the application does not start.
 *
 * @param enabled        whether the starter secures the application at all (default true)
 * @param contract       the pinned contract: a bundled reference ({@code mcp-access-token@1}) or a file path; with
 *                       {@code tokencontract.registry.url}: the contract's name, resolved through the lockfile
 * @param registry       a Tokencontract registry the contract comes from, pinned by a lockfile
 * @param audience       this server's resource URI, the MCP endpoint as clients reach it; tokens must name it in {@code aud}
 * @param issuerUri      the one issuer tokens must come from (exact {@code iss}); or list several under {@code issuers}
 * @param jwksUri        the issuer's JWK set URL; absent: found through the issuer's discovery document
 * @param issuers        several trusted issuers (a realm per tenant), each with its own keys and optionally its own audience
 * @param leeway         clock-skew tolerance for exp, nbf and iat (at most 10 minutes)
 * @param tenantClaim    the claim holding the tenant, for the identity handed to tools
 * @param endpoint       the MCP endpoint path, as Spring AI serves it
 * @param resourceName   a human-readable name for the protected resource metadata document
 * @param allowedOrigins browser origins allowed to call the endpoint besides the resource's own and loopback
 * @param maxBodyBytes   the largest JSON-RPC body read to decide tool calls (larger: 413)
 */
@ConfigurationProperties("tokencontract")
public record TokencontractProperties(
        @DefaultValue("true") boolean enabled,
        String contract,
        Registry registry,
        String audience,
        String issuerUri,
        String jwksUri,
        List<Issuer> issuers,
        @DefaultValue("60s") Duration leeway,
        @DefaultValue("tenant_id") String tenantClaim,
        @DefaultValue("/mcp") String endpoint,
        String resourceName,
        List<String> allowedOrigins,
        @DefaultValue("1048576") int maxBodyBytes) {

    public TokencontractProperties {
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    /**
     * The registry the contract is fetched from. Only the exact version and sha-256 digest the lockfile pins
     * is used; when the registry cannot be reached, the client's verified offline copy is used, with a warning.
     *
     * @param url      the registry's base URL (https, or http on loopback)
     * @param lockfile the lockfile pinning the contract (default {@code tokencontract.lock}, relative to the working directory)
     * @param cacheDir the registry client's cache, which holds the offline copies (default {@code ~/.tokencontract/cache})
     */
    public record Registry(
            String url, @DefaultValue("tokencontract.lock") String lockfile, String cacheDir) {}

    /**
     * One trusted issuer.
     *
     * @param issuerUri the exact {@code iss} value
     * @param jwksUri   its JWK set URL; absent: found through its discovery document
     * @param audience  the audience its tokens must name, when not the shared {@code tokencontract.audience}
     */
    public record Issuer(String issuerUri, String jwksUri, String audience) {}
}
