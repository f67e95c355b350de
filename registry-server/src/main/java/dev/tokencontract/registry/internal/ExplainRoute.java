package dev.tokencontract.registry.internal;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.registry.store.StoredVersion;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.KeySourceException;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import dev.tokencontract.validator.ValidationReportJson;
import io.javalin.http.Context;

/**
 * {@code POST /ui/api/explain}: one token judged against a stored contract version, answered with the very report
 * {@code tokencontract explain --format json} prints ({@link ValidationReportJson}). The token lives only in this
 * request: it is not logged (the request log has no body), audited, stored, cached ({@code Cache-Control:
 * no-store}) or put in a metric label. The validator runs in explain mode (claims judged even when the signature
 * fails) with its usual bounds; keys come only from the registry's trusted set or the pasted public JWK set, never
 * from the token ({@code jku}, {@code x5u}, embedded {@code jwk} are not followed).
 */
public final class ExplainRoute {
    public static final String PATH = "/ui/api/explain";
    /** The whole body; the token's own cap (32 Ki characters) is the validator's. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final Services services;

    public ExplainRoute(Services services) {
        this.services = services;
    }

    @SuppressWarnings("try") // the permit is only held: close() gives the slot back when the request ends
    public void explain(Context ctx) {
        ctx.header("Cache-Control", "no-store"); // on every answer, errors too: they may describe the body
        services.readAccess(ctx);
        ExplainService explain = services.explain();
        try (ClientRateGate.Permit permit = explain.gate.admit(ctx.req().getRemoteAddr())) {
            ExplainRequest request = ExplainRequest.parse(Http.body(ctx, MAX_BODY_BYTES));
            Contract contract = contract(request);
            TokenValidator validator = validator(request, contract, keys(request, explain));
            ValidationReport report =
                    validator.validate(request.token(), request.at().orElseGet(services.clock::instant));
            // compact, not the CLI's indented text: indentation of a deeply nested hostile claim set would
            // multiply the answer's size; the members and values are the same
            Http.json(ctx, 200, ValidationReportJson.toNode(report, validator));
        }
    }

    private Contract contract(ExplainRequest request) {
        VersionResolver.Request wanted = VersionResolver.parse(request.version());
        if (services.served.versions(request.name()).isEmpty()) {
            throw Problem.of(ProblemCode.CONTRACT_NOT_FOUND, "no contract named '" + request.name() + "'");
        }
        StoredVersion version = wanted.exact()
                ? services.served
                        .exact(request.name(), wanted.text())
                        .map(ServedVersions.Served::version)
                        .orElse(null)
                : VersionResolver.resolve(wanted, services.served.versions(request.name()))
                        .orElse(null);
        if (version == null) {
            throw Problem.of(
                    ProblemCode.VERSION_NOT_FOUND,
                    "no version '" + Problem.shorten(wanted.text()) + "' of '" + request.name() + "'");
        }
        return services.compatibility.contract(version);
    }

    private static KeySource keys(ExplainRequest request, ExplainService explain) {
        if (request.jwks().isEmpty()) {
            return explain.trustedKeys();
        }
        try {
            return KeySource.jwks(request.jwks().get());
        } catch (KeySourceException e) {
            throw Problem.of(ProblemCode.INVALID_BODY, "'jwks' cannot be used: " + Problem.shorten(e.getMessage()));
        }
    }

    private TokenValidator validator(ExplainRequest request, Contract contract, KeySource keys) {
        TokenValidator.Builder builder =
                TokenValidator.builder().contract(contract).keys(keys).clock(services.clock);
        request.issuer().ifPresentOrElse(builder::expectIssuer, builder::ignoreIssuer);
        if (request.audiences().isEmpty()) {
            builder.ignoreAudience();
        } else {
            request.audiences().forEach(builder::expectAudience);
        }
        try {
            request.alg().ifPresent(builder::keyAlgorithm);
            // the diagnosis path, as the CLI's explain: judge the claims even when the signature fails
            return builder.checkContractEvenIfSignatureFails().build();
        } catch (IllegalStateException | IllegalArgumentException e) {
            // e.g. an IdP-metadata contract, or an alg the contract does not allow
            throw Problem.of(ProblemCode.INVALID_BODY, Problem.shorten(e.getMessage()));
        }
    }
}
