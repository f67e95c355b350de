package dev.tokencontract.spring;

import dev.tokencontract.mcp.AuthorizationDecision;
import dev.tokencontract.mcp.DecisionLog;
import dev.tokencontract.mcp.DecisionReason;
import dev.tokencontract.spring.internal.Challenge;
import dev.tokencontract.spring.internal.Responses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Answers as the MCP authorization specification asks of a resource server:
 * <ul>
 *   <li>no bearer token: 401 {@code WWW-Authenticate: Bearer resource_metadata="…", scope="…"};</li>
 *   <li>a rejected token: 401 with {@code error="invalid_token"} and the finding codes in {@code error_description};</li>
 *   <li>a malformed request (two tokens, a broken header): 400 {@code invalid_request};</li>
 *   <li>a token that could not be checked ({@link TokenUncheckedException} anywhere in the cause chain): 503 with
 *       {@code Retry-After} and no challenge.</li>
 * </ul>
 * Also an {@link AuthenticationFailureHandler}: Spring's default failure handler rethrows the
 * {@code AuthenticationServiceException} a "could not check" becomes, which would end as a 500.
 */
public final class McpAuthenticationEntryPoint implements AuthenticationEntryPoint, AuthenticationFailureHandler {
    private final String resourceMetadataUrl;
    private final List<String> scopes;
    private final DecisionLog log;

    /**
     * @param resourceMetadataUrl the absolute URL of this server's RFC 9728 metadata document
     * @param scopes              the scopes to name in the challenge (the contract's, for example)
     */
    public McpAuthenticationEntryPoint(String resourceMetadataUrl, List<String> scopes) {
        this(resourceMetadataUrl, scopes, decision -> {});
    }

    /** As above, recording every refusal (no {@code sub}: an unverified claim is not a user) in {@code log}. */
    public McpAuthenticationEntryPoint(String resourceMetadataUrl, List<String> scopes, DecisionLog log) {
        this.resourceMetadataUrl = Objects.requireNonNull(resourceMetadataUrl, "resourceMetadataUrl");
        this.scopes = List.copyOf(scopes);
        this.log = Objects.requireNonNull(log, "log");
    }

    private void deny(DecisionReason reason, String detail) {
        log.record(new AuthorizationDecision(false, reason, null, null, List.of(), detail));
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        TokenUncheckedException unchecked = unchecked(exception);
        if (unchecked != null) {
            deny(DecisionReason.TOKEN_UNCHECKED, unchecked.getMessage());
            response.setHeader("Retry-After", "5");
            Responses.oauthError(response, 503, null, "temporarily_unavailable", unchecked.getMessage());
            return;
        }
        Challenge challenge = Challenge.bearer().param("resource_metadata", resourceMetadataUrl);
        if (exception instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            String description = oauth.getError().getDescription() != null
                    ? oauth.getError().getDescription()
                    : exception.getMessage();
            if (OAuth2ErrorCodes.INVALID_REQUEST.equals(code)) {
                deny(DecisionReason.MALFORMED_REQUEST, description);
                Responses.oauthError(
                        response,
                        400,
                        challenge
                                .param("error", code)
                                .param("error_description", description)
                                .toString(),
                        code,
                        description);
                return;
            }
            description = shorten(description);
            deny(
                    description.contains("AUD_MISMATCH") || description.contains("AUD_MISSING")
                            ? DecisionReason.AUDIENCE_MISMATCH
                            : DecisionReason.TOKEN_INVALID,
                    description);
            Responses.oauthError(
                    response,
                    401,
                    challenge
                            .param("error", OAuth2ErrorCodes.INVALID_TOKEN)
                            .param("error_description", description)
                            .scopes(scopes)
                            .toString(),
                    OAuth2ErrorCodes.INVALID_TOKEN,
                    description);
            return;
        }
        // no credentials: RFC 6750 section 3.1 says no error code
        deny(DecisionReason.TOKEN_MISSING, null);
        Responses.oauthError(
                response, 401, challenge.scopes(scopes).toString(), null, "a bearer access token is required");
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        commence(request, response, exception);
    }

    /** Spring prefixes decoder messages ("An error occurred while attempting to decode the Jwt: token rejected: ..."). */
    private static String shorten(String description) {
        if (description == null) {
            return "token rejected";
        }
        int at = description.indexOf("token rejected: ");
        return at > 0 ? description.substring(at) : description;
    }

    private static TokenUncheckedException unchecked(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TokenUncheckedException found) {
                return found;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
