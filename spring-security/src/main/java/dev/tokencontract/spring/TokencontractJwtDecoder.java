package dev.tokencontract.spring;

import dev.tokencontract.finding.Verdict;
import dev.tokencontract.spring.internal.FindingErrors;
import dev.tokencontract.spring.internal.VerifiedJwts;
import dev.tokencontract.validator.AccessTokenValidator;
import dev.tokencontract.validator.DecodedToken;
import dev.tokencontract.validator.ValidatedToken;
import dev.tokencontract.validator.ValidationReport;
import java.util.Objects;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A Spring Security {@link JwtDecoder} that judges each token fully against a pinned contract in one pass:
 * shape, header ({@code x-jose}: alg, typ, kid), key and signature, times, issuer, audience and claims schema,
 * with every finding collected. Use it where Spring would use {@code NimbusJwtDecoder}:
 * {@code http.oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder)))}.
 *
 * <ul>
 *   <li>accepted: a {@link Jwt} with the verified header and claims (claims converted as Spring's own decoder
 *       does: {@code exp}/{@code iat}/{@code nbf} as {@code Instant}, {@code aud} as a list);</li>
 *   <li>rejected: {@link JwtValidationException} (a {@code BadJwtException}: 401) whose message lists the finding
 *       codes ({@code token rejected: AUD_MISMATCH, TOKEN_EXPIRED}) and whose errors carry every finding;</li>
 *   <li>could not check: {@link TokenUncheckedException} (not a {@code BadJwtException}): 503 through
 *       {@link McpAuthenticationEntryPoint}, not 401 and not 500.</li>
 * </ul>
 * Thread-safe.
 */
public final class TokencontractJwtDecoder implements JwtDecoder {
    private final AccessTokenValidator validator;

    public TokencontractJwtDecoder(AccessTokenValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        ValidationReport report = validator.validate(token);
        if (report.verdict() == Verdict.ACCEPTED) {
            ValidatedToken validated = report.validated().orElseThrow();
            // the header was covered by the verified signature, so the decoded view of it is verified too
            return VerifiedJwts.toJwt(
                    token, report.decoded().flatMap(DecodedToken::header).orElseThrow(), validated.claims());
        }
        if (report.verdict() == Verdict.UNCHECKED) {
            throw new TokenUncheckedException(
                    FindingErrors.summary("the token could not be checked", report.findings()), report.findings());
        }
        String summary = FindingErrors.summary("token rejected", report.findings());
        throw new JwtValidationException(summary, FindingErrors.errors(summary, report.findings()));
    }

    public AccessTokenValidator validator() {
        return validator;
    }
}
