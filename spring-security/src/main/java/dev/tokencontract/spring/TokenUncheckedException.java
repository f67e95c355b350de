package dev.tokencontract.spring;

import dev.tokencontract.finding.Finding;
import java.util.List;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The token could not be checked (keys unreachable, discovery failed): not the client's fault, so not a
 * {@code BadJwtException}. {@link McpAuthenticationEntryPoint} answers it with 503 and {@code Retry-After},
 * never with 401 (which would tell the client to throw away a good token) nor 500.
 */
public final class TokenUncheckedException extends JwtException {
    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    public TokenUncheckedException(String message, List<Finding> findings) {
        super(message);
        this.findings = List.copyOf(findings);
    }

    /** Every finding of the validation, the "could not check" ones among them. */
    public List<Finding> findings() {
        return findings;
    }
}
