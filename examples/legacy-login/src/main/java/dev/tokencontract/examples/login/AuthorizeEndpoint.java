package dev.tokencontract.examples.login;

import dev.tokencontract.examples.login.ClientRegistry.Client;
import dev.tokencontract.examples.login.Directory.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /authorize} and the {@code POST} of its sign-in form: the authorization code flow (RFC 6749
 * section 4.1) with PKCE S256 required (RFC 7636; {@code plain} and a missing challenge are refused) and the
 * resource indicator (RFC 8707). Until the client and its redirect URI are known to be registered, errors are
 * shown as a page, never redirected (RFC 6749 section 4.1.2.1).
 */
final class AuthorizeEndpoint {
    /** The OAuth parameters the form carries. */
    static final List<String> PARAMETERS = List.of(
            "response_type",
            "client_id",
            "redirect_uri",
            "code_challenge",
            "code_challenge_method",
            "state",
            "scope",
            "resource");

    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_STATE = 512;
    private static final int MAX_SCOPE = 256;

    /** What to answer: a page (status, html) or a redirect (location). */
    sealed interface Outcome {}

    record Page(int status, String html) implements Outcome {}

    record Redirect(String location) implements Outcome {}

    /** A checked request: the parameters to carry, and the audience it asks for. */
    private record Checked(Client client, Map<String, String> parameters, String audience) {}

    private final ClientRegistry clients;
    private final AuthorizationCodes codes;
    private final LoginConfig config;

    AuthorizeEndpoint(ClientRegistry clients, AuthorizationCodes codes, LoginConfig config) {
        this.clients = clients;
        this.codes = codes;
        this.config = config;
    }

    /** {@code GET /authorize}: the branded sign-in form carrying the request, or an error. */
    Outcome show(Map<String, List<String>> query) {
        Object checked = check(query);
        if (checked instanceof Outcome outcome) {
            return outcome;
        }
        Checked request = (Checked) checked;
        return new Page(
                200,
                LoginPage.authorize(
                        request.parameters(),
                        null,
                        config.drifts(),
                        request.client().clientName()));
    }

    /** {@code POST /authorize}: verifies the user like the form login does, then redirects with a code. */
    Outcome submit(Map<String, List<String>> form) {
        Object result = check(form);
        if (result instanceof Outcome outcome) {
            return outcome;
        }
        Checked checked = (Checked) result;
        Map<String, String> p = checked.parameters();
        Optional<User> user = Directory.authenticate(one(form, "username"), one(form, "password"));
        if (user.isEmpty()) {
            return new Page(
                    401,
                    LoginPage.authorize(
                            p,
                            "Sign-in failed: unknown user or wrong password",
                            config.drifts(),
                            checked.client().clientName()));
        }
        String tenant = Optional.ofNullable(one(form, "tenant"))
                .orElse(user.get().tenants().get(0));
        if (!user.get().tenants().contains(tenant)) {
            return new Page(
                    401,
                    LoginPage.authorize(
                            p,
                            "Sign-in failed: the user is not a member of that tenant",
                            config.drifts(),
                            checked.client().clientName()));
        }
        // RFC 6749 section 3.3: the server may issue fewer scopes than asked for, and says so in the token response
        Optional<List<String>> scopes =
                Scopes.granted(p.get("scope"), user.get().scopes());
        if (scopes.isEmpty()) {
            return error(
                    p,
                    "invalid_scope",
                    "the user has none of the requested scopes; they may have: "
                            + String.join(" ", user.get().scopes()));
        }
        Optional<String> code = codes.issue(
                checked.client().clientId(),
                p.get("redirect_uri"),
                p.get("code_challenge"),
                user.get().username(),
                tenant,
                scopes.get(),
                checked.audience());
        if (code.isEmpty()) {
            return error(p, "temporarily_unavailable", "too many pending codes");
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code.get());
        answer.put("state", p.get("state"));
        return new Redirect(withQuery(p.get("redirect_uri"), answer));
    }

    /** A {@link Checked} request, or the {@link Outcome} that refuses it. */
    private Object check(Map<String, List<String>> params) {
        List<String> clientIds = params.getOrDefault("client_id", List.of());
        Optional<Client> client = clientIds.size() == 1 ? clients.client(clientIds.get(0)) : Optional.empty();
        if (client.isEmpty()) {
            Optional<String> problem =
                    clientIds.size() == 1 ? clients.documentProblem(clientIds.get(0)) : Optional.empty();
            return refusal(problem.orElse("unknown or missing client_id: register the client first (POST /register)"));
        }
        List<String> redirects = params.getOrDefault("redirect_uri", List.of());
        if (redirects.size() != 1 || !client.get().allowsRedirect(redirects.get(0))) {
            return refusal("redirect_uri is missing or is not one this client registered");
        }
        // from here on the redirect URI is trusted: errors go back to the client (RFC 6749 section 4.1.2.1)
        Map<String, String> p = new LinkedHashMap<>();
        String state = params.getOrDefault("state", List.of()).size() == 1
                ? params.get("state").get(0)
                : null;
        p.put("redirect_uri", redirects.get(0));
        p.put("state", state != null && state.length() <= MAX_STATE ? state : null);
        for (String name : PARAMETERS) {
            List<String> values = params.getOrDefault(name, List.of());
            if (values.size() > 1) {
                return error(p, "invalid_request", "parameter '" + name + "' is repeated");
            }
            p.put(name, values.isEmpty() ? null : values.get(0));
        }
        if (state != null && state.length() > MAX_STATE) {
            p.put("state", null);
            return error(p, "invalid_request", "state may have at most " + MAX_STATE + " characters");
        }
        if (!"code".equals(p.get("response_type"))) {
            return error(p, "unsupported_response_type", "only response_type=code is supported");
        }
        if (p.get("code_challenge") == null) {
            return error(p, "invalid_request", "PKCE is required: send code_challenge and code_challenge_method=S256");
        }
        if (!"S256".equals(p.get("code_challenge_method"))) {
            return error(p, "invalid_request", "code_challenge_method must be S256 (plain is refused)");
        }
        if (!S256_CHALLENGE.matcher(p.get("code_challenge")).matches()) {
            return error(
                    p,
                    "invalid_request",
                    "code_challenge must be the base64url SHA-256 of the verifier (43 characters)");
        }
        String scope = p.get("scope");
        if (scope != null
                && (scope.length() > MAX_SCOPE
                        || !Scopes.KNOWN.containsAll(List.of(scope.strip().split(" +"))))) {
            return error(p, "invalid_scope", "known scopes: crm.read crm.write");
        }
        String resource = p.get("resource");
        if (resource != null && !resource.equals(config.crmResource()) && !resource.equals(config.hubResource())) {
            return error(p, "invalid_target", "unknown resource");
        }
        return new Checked(client.get(), p, resource != null ? resource : config.crmResource());
    }

    private Page refusal(String message) {
        return new Page(400, LoginPage.refused(message, config.drifts()));
    }

    private static Redirect error(Map<String, String> p, String error, String description) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", error);
        answer.put("error_description", description);
        answer.put("state", p.get("state"));
        return new Redirect(withQuery(p.get("redirect_uri"), answer));
    }

    private static String withQuery(String redirectUri, Map<String, String> values) {
        StringBuilder url = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        boolean first = true;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            url.append(first ? "" : "&")
                    .append(entry.getKey())
                    .append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            first = false;
        }
        return url.toString();
    }

    private static String one(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }
}
