package dev.tokencontract.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.mcp.AuthorizationDecision;
import dev.tokencontract.mcp.DecisionReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class McpAuthenticationEntryPointTest {
    private static final String METADATA = "https://crm.example.test/.well-known/oauth-protected-resource/mcp";
    private final List<AuthorizationDecision> decisions = new ArrayList<>();
    private final McpAuthenticationEntryPoint entryPoint =
            new McpAuthenticationEntryPoint(METADATA, List.of("crm.read"), decisions::add);

    @Test
    void commenceWhenCouldNotCheckWrappedBySpringThen503AndLoggedAsUnchecked() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        TokenUncheckedException unchecked =
                new TokenUncheckedException("the token could not be checked: KEY_SOURCE_UNAVAILABLE", List.of());

        entryPoint.commence(
                new MockHttpServletRequest(),
                response,
                new AuthenticationServiceException(unchecked.getMessage(), unchecked));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        assertThat(decisions).extracting(AuthorizationDecision::reason).containsExactly(DecisionReason.TOKEN_UNCHECKED);
    }

    @Test
    void commenceWhenAudienceFindingThen401AndLoggedAsAudienceMismatchWithoutASubject() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        entryPoint.commence(
                new MockHttpServletRequest(),
                response,
                new InvalidBearerTokenException(
                        "An error occurred while attempting to decode the Jwt: token rejected: AUD_MISMATCH"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate"))
                .isEqualTo(
                        "Bearer resource_metadata=\"" + METADATA
                                + "\", error=\"invalid_token\", error_description=\"token rejected: AUD_MISMATCH\", scope=\"crm.read\"");
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DecisionReason.AUDIENCE_MISMATCH);
            assertThat(d.caller()).isNull();
        });
    }

    @Test
    void commenceWhenDescriptionHasQuotesOrControlCharactersThenTheHeaderStaysOneWellFormedChallenge()
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        entryPoint.commence(
                new MockHttpServletRequest(),
                response,
                new OAuth2AuthenticationException(
                        new OAuth2Error("invalid_token", "bad \"token\"\r\nX-Injected: 1", null)));

        assertThat(response.getHeader("WWW-Authenticate"))
                .contains("error_description=\"bad ?token???X-Injected: 1\"")
                .doesNotContain("\n");
    }

    @Test
    void commenceWhenNoCredentialsThen401WithoutErrorAndLoggedAsMissing() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        entryPoint.commence(
                new MockHttpServletRequest(),
                response,
                new InsufficientAuthenticationException("Full authentication is required"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate"))
                .isEqualTo("Bearer resource_metadata=\"" + METADATA + "\", scope=\"crm.read\"");
        assertThat(decisions).extracting(AuthorizationDecision::reason).containsExactly(DecisionReason.TOKEN_MISSING);
    }
}
