package dev.tokencontract.spring;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Exactly one bearer token from exactly one {@code Authorization} header, as the servlet filter reads it. Spring's
 * default resolver reads only the first header, so a request with two tokens would be judged by one and carry the
 * other on; here two headers, two credentials in one, or characters outside RFC 6750's b64token are
 * {@code invalid_request} (400). A token in the query string or a form body is never read. The scheme is
 * case-insensitive (RFC 9110 section 11.1); another scheme counts as no bearer token.
 */
public final class StrictBearerTokenResolver implements BearerTokenResolver {
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    @Override
    public String resolve(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders("Authorization"));
        if (headers.isEmpty()) {
            return null;
        }
        if (headers.size() > 1) {
            throw invalid("more than one Authorization header");
        }
        String value = headers.get(0).strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer")) {
            return null;
        }
        String token = space < 0 ? "" : value.substring(space + 1).strip();
        if (token.isEmpty()) {
            throw invalid("the bearer token is empty");
        }
        if (!B64TOKEN.matcher(token).matches()) {
            throw invalid(
                    "the Authorization header holds more than one bearer token, or characters a token cannot have");
        }
        return token;
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null), description);
    }
}
