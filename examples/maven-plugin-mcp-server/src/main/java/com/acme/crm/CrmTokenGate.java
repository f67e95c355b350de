package com.acme.crm;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bearer-token check in front of the CRM MCP server's tools. It validates against the contract pinned in
 * tokencontract.lock: the build's fetch goal puts exactly those bytes at /tokencontract/acme.crm-token.json.
 */
public final class CrmTokenGate {
    public static final String CONTRACT_RESOURCE = "/tokencontract/acme.crm-token.json";

    private final TokenValidator validator;

    public CrmTokenGate(KeySource keys, String issuer, String audience) {
        this.validator = TokenValidator.builder()
                .contract(pinnedContract())
                .keys(keys)
                .expectIssuer(issuer)
                .expectAudience(audience)
                .build();
    }

    /** The pinned contract, from the classpath. */
    public static Contract pinnedContract() {
        try (InputStream in = CrmTokenGate.class.getResourceAsStream(CONTRACT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CONTRACT_RESOURCE + " is missing: build with `mvn verify` so the"
                        + " tokencontract plugin fetches the pinned contract");
            }
            return Contracts.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ContractException e) {
            throw new IllegalStateException("the pinned contract does not load: " + e.getMessage(), e);
        }
    }

    /** Every finding for the token; {@link ValidationReport#accepted()} says whether a tool may run. */
    public ValidationReport check(String bearerToken) {
        return validator.validate(bearerToken);
    }
}
