package dev.tokencontract.conformance.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the {@code WWW-Authenticate} of a resource server that refused a bearer token: RFC 6750 section 3
 * (a {@code Bearer} challenge, each attribute at most once, {@code error} one of the registered codes,
 * attribute values in the allowed characters) and the MCP authorization specification (2025-06-18 and
 * later: a 401 carries {@code resource_metadata}, the protected resource metadata URL of RFC 9728).
 */
public final class BearerChallengeCheck {
    static final Set<String> ERROR_CODES = Set.of("invalid_request", "invalid_token", "insufficient_scope");
    /** RFC 6750 section 3: error and error_description are %x20-21 / %x23-5B / %x5D-7E. */
    private static final Pattern NQSCHAR = Pattern.compile("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]*");
    /** RFC 6750 section 3: scope = scope-token *( SP scope-token ), scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    private static final Pattern SCOPE =
            Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*");

    private static final List<String> SINGLE_VALUED =
            List.of("realm", "scope", "error", "error_description", "error_uri", "resource_metadata");

    private BearerChallengeCheck() {}

    /**
     * The problems with a refusal that answered {@code status} with these {@code WWW-Authenticate} lines
     * to a request that carried a token the server should reject. Empty means well-formed.
     */
    public static List<ChallengeProblem> check(int status, List<String> headerLines) {
        List<ChallengeProblem> problems = new ArrayList<>();
        if (headerLines == null || headerLines.isEmpty()) {
            if (status == 401) {
                problems.add(
                        ChallengeProblem.must(
                                "WWW_AUTHENTICATE_MISSING",
                                "a 401 must carry WWW-Authenticate (RFC 9110 section 15.5.2; MCP: with the resource metadata URL)"));
            } else {
                problems.add(
                        ChallengeProblem.should(
                                "WWW_AUTHENTICATE_MISSING",
                                "a 403 for a bearer token should carry WWW-Authenticate with error=\"insufficient_scope\" (RFC 6750 section 3.1)"));
            }
            return problems;
        }
        WwwAuthenticate.Parsed parsed = WwwAuthenticate.parse(headerLines);
        if (!parsed.ok()) {
            problems.add(ChallengeProblem.must(
                    "WWW_AUTHENTICATE_MALFORMED",
                    "WWW-Authenticate is not valid RFC 9110 syntax: "
                            + parsed.error().get()));
            return problems;
        }
        Optional<Challenge> found = parsed.first("Bearer");
        if (found.isEmpty()) {
            problems.add(ChallengeProblem.must("BEARER_CHALLENGE_MISSING", "no Bearer challenge (RFC 6750 section 3)"));
            return problems;
        }
        Challenge bearer = found.get();
        if (bearer.token68() != null) {
            problems.add(ChallengeProblem.must(
                    "BEARER_CHALLENGE_MALFORMED", "the Bearer challenge uses token68; RFC 6750 uses auth-params"));
            return problems;
        }
        for (String name : SINGLE_VALUED) {
            if (bearer.count(name) > 1) {
                problems.add(ChallengeProblem.must(
                        "PARAM_REPEATED", "'" + name + "' appears more than once (RFC 6750 section 3)"));
            }
        }
        checkError(status, bearer, problems);
        bearer.param("error_description")
                .filter(d -> !NQSCHAR.matcher(d).matches())
                .ifPresent(d -> problems.add(ChallengeProblem.must(
                        "ERROR_DESCRIPTION_INVALID",
                        "error_description has characters RFC 6750 section 3 does not allow")));
        bearer.param("scope")
                .filter(s -> !SCOPE.matcher(s).matches())
                .ifPresent(s -> problems.add(ChallengeProblem.must(
                        "SCOPE_INVALID", "scope is not space-separated scope tokens (RFC 6750 section 3)")));
        bearer.param("error_uri")
                .filter(u -> !absoluteUri(u))
                .ifPresent(u -> problems.add(ChallengeProblem.must(
                        "ERROR_URI_INVALID", "error_uri is not an absolute URI (RFC 6750 section 3)")));
        Optional<String> metadata = bearer.param("resource_metadata");
        if (metadata.isEmpty()) {
            if (status == 401) {
                problems.add(
                        ChallengeProblem.must(
                                "RESOURCE_METADATA_MISSING",
                                "MCP servers must name their protected resource metadata URL in resource_metadata on a 401 (RFC 9728 section 5.1)"));
            }
        } else if (!httpUrl(metadata.get())) {
            problems.add(ChallengeProblem.must(
                    "RESOURCE_METADATA_INVALID",
                    "resource_metadata is not an absolute http(s) URL (RFC 9728 section 5.1)"));
        }
        return problems;
    }

    private static void checkError(int status, Challenge bearer, List<ChallengeProblem> problems) {
        Optional<String> error = bearer.param("error");
        if (error.isEmpty()) {
            problems.add(
                    ChallengeProblem.should(
                            "ERROR_MISSING",
                            "a request that carried a token and failed should say why: error=\"invalid_token\" (RFC 6750 section 3)"));
            return;
        }
        if (!ERROR_CODES.contains(error.get())) {
            problems.add(ChallengeProblem.must(
                    "ERROR_CODE_UNKNOWN",
                    "error must be invalid_request, invalid_token or insufficient_scope (RFC 6750 section 3.1)"));
            return;
        }
        if (status == 401 && error.get().equals("insufficient_scope")) {
            problems.add(ChallengeProblem.should(
                    "ERROR_STATUS_MISMATCH", "insufficient_scope goes with 403, not 401 (RFC 6750 section 3.1)"));
        }
        if (status == 403 && !error.get().equals("insufficient_scope")) {
            problems.add(ChallengeProblem.should(
                    "ERROR_STATUS_MISMATCH",
                    error.get() + " goes with 401 (invalid_token) or 400, not 403 (RFC 6750 section 3.1)"));
        }
    }

    private static boolean absoluteUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean httpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute()
                    && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
