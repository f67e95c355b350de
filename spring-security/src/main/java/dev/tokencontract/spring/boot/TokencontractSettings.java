package dev.tokencontract.spring.boot;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.mcp.ResourceUri;
import dev.tokencontract.validator.AccessTokenValidator;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.MultiIssuerValidator;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.TrustedIssuer;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link TokencontractProperties} checked and resolved once at start-up: a missing contract, audience or
 * issuer stops the application with a message naming the property, instead of a server that accepts anything.
 */
public final class TokencontractSettings {
    private final TokencontractProperties properties;
    private final Contract contract;
    private final PinnedContract pinned;
    private final String resource;
    private final List<TokencontractProperties.Issuer> issuers;

    TokencontractSettings(TokencontractProperties properties) {
        this.properties = properties;
        this.pinned = properties.registry() != null
                        && properties.registry().url() != null
                        && !properties.registry().url().isBlank()
                ? RegistryContractLoader.load(properties.contract(), properties.registry())
                : PinnedContract.local(loadContract(properties.contract()));
        this.contract = pinned.contract();
        if (properties.audience() == null || properties.audience().isBlank()) {
            throw new TokencontractConfigurationException(
                    "tokencontract.audience is required: this server's resource URI (the MCP endpoint as "
                            + "clients reach it, e.g. https://crm.example.com/mcp); tokens for any other audience are refused");
        }
        try {
            this.resource = ResourceUri.canonical(properties.audience());
        } catch (IllegalArgumentException e) {
            throw new TokencontractConfigurationException("tokencontract.audience: " + e.getMessage(), e);
        }
        List<TokencontractProperties.Issuer> all = new ArrayList<>();
        if (properties.issuerUri() != null && !properties.issuerUri().isBlank()) {
            all.add(new TokencontractProperties.Issuer(properties.issuerUri(), properties.jwksUri(), null));
        } else if (properties.jwksUri() != null && !properties.jwksUri().isBlank()) {
            throw new TokencontractConfigurationException(
                    "tokencontract.jwks-uri needs tokencontract.issuer-uri: keys belong to one issuer");
        }
        all.addAll(properties.issuers());
        if (all.isEmpty()) {
            throw new TokencontractConfigurationException(
                    "tokencontract.issuer-uri (or tokencontract.issuers[0].issuer-uri) is required: "
                            + "the exact 'iss' of the tokens this server accepts");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (TokencontractProperties.Issuer issuer : all) {
            if (issuer.issuerUri() == null || issuer.issuerUri().isBlank()) {
                throw new TokencontractConfigurationException(
                        "tokencontract.issuers[*].issuer-uri is required for every issuer");
            }
            if (!seen.add(issuer.issuerUri())) {
                throw new TokencontractConfigurationException("issuer " + issuer.issuerUri() + " is configured twice");
            }
        }
        this.issuers = List.copyOf(all);
        if (properties.leeway().isNegative() || properties.leeway().compareTo(TokenValidator.MAX_LEEWAY) > 0) {
            throw new TokencontractConfigurationException(
                    "tokencontract.leeway must be between 0 and 10 minutes, not " + properties.leeway());
        }
    }

    private static Contract loadContract(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new TokencontractConfigurationException(
                    "tokencontract.contract is required: a bundled contract (mcp-access-token@1) or a contract file");
        }
        try {
            return Contracts.load(reference);
        } catch (ContractException e) {
            throw new TokencontractConfigurationException(
                    "tokencontract.contract " + reference + ": " + e.getMessage(), e);
        }
    }

    /** One validator per issuer, routed by {@code iss} when there are several. */
    AccessTokenValidator validator() {
        if (issuers.size() == 1 && issuers.get(0).audience() == null) {
            TokencontractProperties.Issuer only = issuers.get(0);
            return TokenValidator.builder()
                    .contract(contract)
                    .keys(keys(only))
                    .expectIssuer(only.issuerUri())
                    .expectAudience(resource)
                    .expectAudience(resource + "/")
                    .leeway(properties.leeway())
                    .build();
        }
        MultiIssuerValidator.Builder multi = MultiIssuerValidator.builder()
                .expectAudience(resource)
                .expectAudience(resource + "/")
                .leeway(properties.leeway());
        for (TokencontractProperties.Issuer issuer : issuers) {
            TrustedIssuer trusted = TrustedIssuer.of(issuer.issuerUri(), contract, keys(issuer));
            if (issuer.audience() != null && !issuer.audience().isBlank()) {
                String own = ResourceUri.canonical(issuer.audience());
                trusted = trusted.withAudiences(own, own + "/");
            }
            multi.trust(trusted);
        }
        return multi.build();
    }

    private static KeySource keys(TokencontractProperties.Issuer issuer) {
        try {
            return issuer.jwksUri() == null || issuer.jwksUri().isBlank()
                    ? KeySource.discovery(URI.create(issuer.issuerUri()))
                    : KeySource.jwksUrl(URI.create(issuer.jwksUri()));
        } catch (IllegalArgumentException e) {
            throw new TokencontractConfigurationException(
                    "tokencontract issuer " + issuer.issuerUri() + ": " + e.getMessage(), e);
        }
    }

    public Contract contract() {
        return contract;
    }

    /** The contract with where it came from (registry, digest, offline copy or not). */
    public PinnedContract pinned() {
        return pinned;
    }

    /** The configured issuers, each with its JWKS URL or, when absent, discovery through its issuer URL. */
    public List<TokencontractProperties.Issuer> issuers() {
        return issuers;
    }

    /** The canonical resource URI. */
    public String resource() {
        return resource;
    }

    public String metadataUrl() {
        return ResourceUri.metadataUrl(resource);
    }

    public List<String> issuerUris() {
        return issuers.stream().map(TokencontractProperties.Issuer::issuerUri).toList();
    }

    public TokencontractProperties properties() {
        return properties;
    }
}
