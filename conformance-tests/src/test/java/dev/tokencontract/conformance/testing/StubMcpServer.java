package dev.tokencontract.conformance.testing;

import dev.tokencontract.conformance.suites.Decision;
import dev.tokencontract.conformance.suites.TokenConsumer;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.time.Clock;
import java.util.Map;

/**
 * A small MCP server's bearer check built on validator-lib, with drift switches: the honest one accepts
 * exactly what the contract allows and answers 401 with an MCP-style {@code WWW-Authenticate}.
 */
public final class StubMcpServer {

    /** How this consumer drifted. */
    public enum Drift {
        NONE,
        IGNORES_AUD,
        ACCEPTS_EXPIRED,
        NO_RESOURCE_METADATA
    }

    private final TokenValidator validator;
    private final Drift drift;

    public StubMcpServer(Contract contract, KeySource keys, String issuer, String audience, Clock clock, Drift drift) {
        TokenValidator.Builder builder = TokenValidator.builder()
                .contract(contract)
                .keys(keys)
                .expectIssuer(issuer)
                .clock(clock);
        this.validator =
                (drift == Drift.IGNORES_AUD ? builder.ignoreAudience() : builder.expectAudience(audience)).build();
        this.drift = drift;
    }

    /** True when this server lets the token through. */
    public boolean accepts(String token) {
        ValidationReport report = validator.validate(token);
        if (report.accepted()) {
            return true;
        }
        return drift == Drift.ACCEPTS_EXPIRED
                && report.findings().stream()
                        .filter(Finding::rejects)
                        .allMatch(f -> f.code() == FindingCode.TOKEN_EXPIRED)
                && report.has(FindingCode.SIGNATURE_VERIFIED);
    }

    /** As a Java verifier. */
    public TokenConsumer verifier() {
        return token -> accepts(token) ? Decision.accepted("accepted") : Decision.rejected("rejected");
    }

    /** As a running HTTP endpoint at {@code /mcp}. */
    public StubServer serve() {
        return StubServer.start((authorization, body) -> {
            String token =
                    authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
            if (accepts(token)) {
                return new StubServer.Answer(
                        200,
                        Map.of("Content-Type", "application/json"),
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[]}}");
            }
            String challenge = drift == Drift.NO_RESOURCE_METADATA
                    ? "Bearer error=\"invalid_token\""
                    : "Bearer resource_metadata=\"https://mcp.example.test/.well-known/oauth-protected-resource\", error=\"invalid_token\", "
                            + "error_description=\"The access token is not valid\"";
            return new StubServer.Answer(401, Map.of("WWW-Authenticate", challenge), "");
        });
    }
}
