package dev.tokencontract.examples.login;

import dev.tokencontract.examples.login.Directory.User;
import dev.tokencontract.examples.login.TokenMinter.Grant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /token} (RFC 6749 section 3.2, form-encoded): the authorization code grant with PKCE S256 for
 * registered MCP clients (RFC 7636), the password grant for the agent, RFC 8693 token exchange for the hub (the
 * user's token in, a delegated token with {@code act} out), and client credentials for the hub's shared bot (the
 * drift).
 */
final class TokenEndpoint {
    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Status and JSON body. */
    record Answer(int status, String json) {}

    private final TokenMinter minter;
    private final LoginConfig config;
    private final String issuer;
    private final ClientRegistry clients;
    private final AuthorizationCodes codes;

    TokenEndpoint(TokenMinter minter, LoginConfig config, String issuer) {
        this(minter, config, issuer, null, null);
    }

    TokenEndpoint(TokenMinter minter, LoginConfig config, String issuer, ClientRegistry clients, AuthorizationCodes codes) {
        this.minter = minter;
        this.config = config;
        this.issuer = issuer;
        this.clients = clients;
        this.codes = codes;
    }

    /** {@code clientSecret} comes from HTTP Basic or the form; never logged. */
    Answer handle(Map<String, List<String>> form, String basicClientId, String basicSecret) {
        for (Map.Entry<String, List<String>> entry : form.entrySet()) {
            if (entry.getValue().size() > 1) {
                return error(400, "invalid_request", "parameter '" + entry.getKey() + "' is repeated");
            }
        }
        String grantType = one(form, "grant_type");
        if (grantType == null) {
            return error(400, "invalid_request", "grant_type is required");
        }
        return switch (grantType) {
            case "authorization_code" -> authorizationCode(form);
            case "password" -> password(form);
            case TOKEN_EXCHANGE -> exchange(form, basicClientId, basicSecret);
            case "client_credentials" -> clientCredentials(form, basicClientId, basicSecret);
            default -> error(400, "unsupported_grant_type", "supported: authorization_code, password, " + TOKEN_EXCHANGE + ", client_credentials");
        };
    }

    private Answer authorizationCode(Map<String, List<String>> form) {
        String code = one(form, "code");
        String redirectUri = one(form, "redirect_uri");
        String clientId = one(form, "client_id");
        String verifier = one(form, "code_verifier");
        if (code == null || redirectUri == null || clientId == null || verifier == null) {
            return error(400, "invalid_request", "code, redirect_uri, client_id and code_verifier are required");
        }
        if (clients == null || clients.client(clientId).isEmpty()) {
            return error(401, "invalid_client", "unknown client_id: register the client first (POST /register)");
        }
        Optional<AuthorizationCodes.Issued> issued = codes.redeem(code); // taken out now: a second try finds nothing
        if (issued.isEmpty()) {
            return error(400, "invalid_grant", "the code is unknown, used or expired");
        }
        AuthorizationCodes.Issued grant = issued.get();
        if (!grant.clientId().equals(clientId) || !grant.redirectUri().equals(redirectUri)) {
            return error(400, "invalid_grant", "the code was issued to another client or redirect_uri");
        }
        if (!Pkce.verifierMatches(verifier, grant.codeChallenge())) {
            return error(400, "invalid_grant", "code_verifier does not match the code_challenge (S256)");
        }
        String resource = one(form, "resource");
        if (resource != null && !resource.equals(grant.audience())) {
            return error(400, "invalid_target", "the code was issued for another resource");
        }
        Optional<User> user = Directory.user(grant.username());
        if (user.isEmpty()) {
            return error(400, "invalid_grant", "the user is gone");
        }
        return issue(new Grant(grant.username(), grant.tenant(), user.get().roles(), grant.scopes(), grant.audience(),
                clientId, List.of()), null);
    }

    private Answer password(Map<String, List<String>> form) {
        if (!Directory.AGENT_CLIENT.equals(one(form, "client_id"))) {
            return error(401, "invalid_client", "the password grant is for client_id " + Directory.AGENT_CLIENT);
        }
        Optional<User> user = Directory.authenticate(one(form, "username"), one(form, "password"));
        if (user.isEmpty()) {
            return error(400, "invalid_grant", "unknown user or wrong password");
        }
        String tenant = Optional.ofNullable(one(form, "tenant")).orElse(user.get().tenants().get(0));
        if (!user.get().tenants().contains(tenant)) {
            return error(400, "invalid_grant", "the user is not a member of that tenant");
        }
        Optional<String> audience = audience(form, config.crmResource());
        if (audience.isEmpty()) {
            return error(400, "invalid_target", "unknown resource; known: " + config.crmResource() + ", " + config.hubResource());
        }
        Optional<List<String>> scopes = scopes(form, user.get().scopes());
        if (scopes.isEmpty()) {
            return error(400, "invalid_scope", "the user may have at most: " + String.join(" ", user.get().scopes()));
        }
        return issue(new Grant(user.get().username(), tenant, user.get().roles(), scopes.get(), audience.get(),
                Directory.AGENT_CLIENT, List.of()), null);
    }

    private Answer exchange(Map<String, List<String>> form, String basicClientId, String basicSecret) {
        if (!hubAuthenticated(form, basicClientId, basicSecret)) {
            return error(401, "invalid_client", "token exchange needs the hub's client credentials");
        }
        if (!ACCESS_TOKEN_TYPE.equals(one(form, "subject_token_type"))) {
            return error(400, "invalid_request", "subject_token_type must be " + ACCESS_TOKEN_TYPE);
        }
        String subjectToken = one(form, "subject_token");
        if (subjectToken == null || subjectToken.length() > 16_384) {
            return error(400, "invalid_request", "subject_token is required (at most 16 KB)");
        }
        Optional<Grant> subject = minter.verifiedSubject(subjectToken, issuer, config.hubResource());
        if (subject.isEmpty()) {
            return error(400, "invalid_grant", "the subject token is not a valid token of this login issued to the hub");
        }
        Optional<String> audience = audience(form, config.crmResource());
        if (audience.isEmpty()) {
            return error(400, "invalid_target", "unknown resource");
        }
        Grant user = subject.get();
        List<String> actors = new ArrayList<>();
        actors.add(Directory.HUB_CLIENT);
        actors.addAll(user.actors()); // RFC 8693 4.1: the current actor outermost, earlier ones nested
        return issue(new Grant(user.subject(), user.tenant(), user.roles(), user.scopes(), audience.get(),
                Directory.HUB_CLIENT, actors), ACCESS_TOKEN_TYPE);
    }

    private Answer clientCredentials(Map<String, List<String>> form, String basicClientId, String basicSecret) {
        if (!hubAuthenticated(form, basicClientId, basicSecret)) {
            return error(401, "invalid_client", "client credentials are for the hub client");
        }
        Optional<String> audience = audience(form, config.crmResource());
        if (audience.isEmpty()) {
            return error(400, "invalid_target", "unknown resource");
        }
        User bot = Directory.BOT;
        return issue(new Grant(bot.username(), bot.tenants().get(0), bot.roles(), bot.scopes(), audience.get(),
                Directory.HUB_CLIENT, List.of()), null);
    }

    private Answer issue(Grant grant, String issuedTokenType) {
        Set<Drift> drifts = config.drifts();
        ObjectNode body = JSON.createObjectNode();
        body.put("access_token", minter.mint(grant, issuer, drifts));
        body.put("token_type", "Bearer");
        body.put("expires_in", minter.lifetime(drifts).toSeconds());
        body.put("scope", String.join(" ", grant.scopes()));
        if (issuedTokenType != null) {
            body.put("issued_token_type", issuedTokenType);
        }
        return new Answer(200, body.toString());
    }

    private boolean hubAuthenticated(Map<String, List<String>> form, String basicClientId, String basicSecret) {
        String clientId = basicClientId != null ? basicClientId : one(form, "client_id");
        String secret = basicClientId != null ? basicSecret : one(form, "client_secret");
        return Directory.HUB_CLIENT.equals(clientId) && secret != null
                && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), config.hubSecret().getBytes(StandardCharsets.UTF_8));
    }

    private Optional<String> audience(Map<String, List<String>> form, String fallback) {
        String resource = one(form, "resource");
        if (resource == null) {
            return Optional.of(fallback);
        }
        return resource.equals(config.crmResource()) || resource.equals(config.hubResource()) ? Optional.of(resource) : Optional.empty();
    }

    private static Optional<List<String>> scopes(Map<String, List<String>> form, List<String> allowed) {
        String scope = one(form, "scope");
        if (scope == null || scope.isBlank()) {
            return Optional.of(allowed);
        }
        List<String> wanted = List.of(scope.strip().split(" +"));
        return allowed.containsAll(wanted) ? Optional.of(wanted) : Optional.empty();
    }

    private static String one(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static Answer error(int status, String error, String description) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        return new Answer(status, body.toString());
    }
}
