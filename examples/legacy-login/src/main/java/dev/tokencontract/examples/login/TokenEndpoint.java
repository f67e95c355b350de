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
 * registered MCP clients (RFC 7636) and their refresh tokens (rotated, reuse revokes the family), the password
 * grant for the legacy agent, RFC 8693 token exchange for the hub (the
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
    private final RefreshTokens refreshTokens;

    TokenEndpoint(TokenMinter minter, LoginConfig config, String issuer) {
        this(minter, config, issuer, null, null, null);
    }

    TokenEndpoint(
            TokenMinter minter,
            LoginConfig config,
            String issuer,
            ClientRegistry clients,
            AuthorizationCodes codes,
            RefreshTokens refreshTokens) {
        this.minter = minter;
        this.config = config;
        this.issuer = issuer;
        this.clients = clients;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
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
            case "authorization_code" -> authorizationCode(form, basicClientId, basicSecret);
            case "refresh_token" -> refresh(form, basicClientId, basicSecret);
            case "password" -> password(form);
            case TOKEN_EXCHANGE -> exchange(form, basicClientId, basicSecret);
            case "client_credentials" -> clientCredentials(form, basicClientId, basicSecret);
            default ->
                error(
                        400,
                        "unsupported_grant_type",
                        "supported: authorization_code, refresh_token, password, " + TOKEN_EXCHANGE
                                + ", client_credentials");
        };
    }

    /** The registered client that authenticated as it registered, or the answer refusing it. */
    private Object registeredClient(Map<String, List<String>> form, String basicClientId, String basicSecret) {
        String formClientId = one(form, "client_id");
        if (basicClientId != null && formClientId != null && !basicClientId.equals(formClientId)) {
            return error(400, "invalid_request", "client_id in the form and in Basic differ");
        }
        String clientId = basicClientId != null ? basicClientId : formClientId;
        Optional<ClientRegistry.Client> client = clients == null ? Optional.empty() : clients.client(clientId);
        if (client.isEmpty()) {
            return error(401, "invalid_client", "unknown client_id: register the client first (POST /register)");
        }
        if (!client.get().authenticates(basicClientId == null ? null : basicSecret, one(form, "client_secret"))) {
            return error(
                    401,
                    "invalid_client",
                    "client authentication failed (registered method: "
                            + client.get().authMethod() + ")");
        }
        return client.get();
    }

    private Answer authorizationCode(Map<String, List<String>> form, String basicClientId, String basicSecret) {
        String code = one(form, "code");
        String redirectUri = one(form, "redirect_uri");
        String verifier = one(form, "code_verifier");
        if (code == null
                || redirectUri == null
                || verifier == null
                || (one(form, "client_id") == null && basicClientId == null)) {
            return error(400, "invalid_request", "code, redirect_uri, client_id and code_verifier are required");
        }
        Object authenticated = registeredClient(form, basicClientId, basicSecret);
        if (authenticated instanceof Answer refusal) {
            return refusal;
        }
        ClientRegistry.Client client = (ClientRegistry.Client) authenticated;
        String clientId = client.clientId();
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
        String refreshToken = null;
        if (client.mayRefresh()) {
            Optional<String> fresh = refreshTokens.issue(new RefreshTokens.Grant(
                    clientId, grant.username(), grant.tenant(), grant.scopes(), grant.audience()));
            if (fresh.isEmpty()) {
                return error(503, "temporarily_unavailable", "too many live refresh tokens; restart the demo login");
            }
            refreshToken = fresh.get();
        }
        return issue(
                new Grant(
                        grant.username(),
                        grant.tenant(),
                        user.get().roles(),
                        grant.scopes(),
                        grant.audience(),
                        clientId,
                        List.of()),
                null,
                refreshToken);
    }

    private Answer refresh(Map<String, List<String>> form, String basicClientId, String basicSecret) {
        Object authenticated = registeredClient(form, basicClientId, basicSecret);
        if (authenticated instanceof Answer refusal) {
            return refusal;
        }
        ClientRegistry.Client client = (ClientRegistry.Client) authenticated;
        if (!client.mayRefresh()) {
            return error(400, "unauthorized_client", "the client did not register the refresh_token grant type");
        }
        String resource = one(form, "resource");
        String scope = one(form, "scope");
        List<String> wanted =
                scope == null || scope.isBlank() ? null : List.of(scope.strip().split(" +"));
        RefreshTokens.Redeemed redeemed = refreshTokens.redeem(
                one(form, "refresh_token"),
                g -> g.clientId().equals(client.clientId())
                        && (resource == null || resource.equals(g.audience()))
                        && (wanted == null || g.scopes().containsAll(wanted)));
        if (redeemed instanceof RefreshTokens.Reused) {
            return error(
                    400,
                    "invalid_grant",
                    "the refresh token was already used: every token of that sign-in is revoked now");
        }
        if (redeemed instanceof RefreshTokens.Refused refused) {
            RefreshTokens.Grant g = refused.grant();
            if (!g.clientId().equals(client.clientId())) {
                return error(
                        400, "invalid_grant", "the refresh token is unknown, expired, revoked or another client's");
            }
            if (resource != null && !resource.equals(g.audience())) {
                return error(400, "invalid_target", "the refresh token was issued for another resource");
            }
            // RFC 6749 section 6: never more than the original grant
            return error(
                    400,
                    "invalid_scope",
                    "a refresh cannot add scopes; granted at sign-in: " + String.join(" ", g.scopes()));
        }
        if (!(redeemed instanceof RefreshTokens.Valid valid)) {
            return error(400, "invalid_grant", "the refresh token is unknown, expired, revoked or another client's");
        }
        RefreshTokens.Grant grant = valid.grant();
        List<String> scopes = wanted == null ? grant.scopes() : wanted;
        Optional<User> user = Directory.user(grant.username());
        if (user.isEmpty()) {
            return error(400, "invalid_grant", "the user is gone");
        }
        Optional<String> next = refreshTokens.rotate(valid, scopes);
        if (next.isEmpty()) {
            return error(503, "temporarily_unavailable", "too many live refresh tokens; restart the demo login");
        }
        return issue(
                new Grant(
                        grant.username(),
                        grant.tenant(),
                        user.get().roles(),
                        scopes,
                        grant.audience(),
                        client.clientId(),
                        List.of()),
                null,
                next.get());
    }

    private Answer password(Map<String, List<String>> form) {
        if (!Directory.AGENT_CLIENT.equals(one(form, "client_id"))) {
            return error(401, "invalid_client", "the password grant is for client_id " + Directory.AGENT_CLIENT);
        }
        Optional<User> user = Directory.authenticate(one(form, "username"), one(form, "password"));
        if (user.isEmpty()) {
            return error(400, "invalid_grant", "unknown user or wrong password");
        }
        String tenant = Optional.ofNullable(one(form, "tenant"))
                .orElse(user.get().tenants().get(0));
        if (!user.get().tenants().contains(tenant)) {
            return error(400, "invalid_grant", "the user is not a member of that tenant");
        }
        Optional<String> audience = audience(form, config.crmResource());
        if (audience.isEmpty()) {
            return error(
                    400,
                    "invalid_target",
                    "unknown resource; known: " + config.crmResource() + ", " + config.hubResource());
        }
        Optional<List<String>> scopes =
                Scopes.granted(one(form, "scope"), user.get().scopes());
        if (scopes.isEmpty()) {
            return error(
                    400,
                    "invalid_scope",
                    "the user has none of the requested scopes; they may have: "
                            + String.join(" ", user.get().scopes()));
        }
        return issue(
                new Grant(
                        user.get().username(),
                        tenant,
                        user.get().roles(),
                        scopes.get(),
                        audience.get(),
                        Directory.AGENT_CLIENT,
                        List.of()),
                null);
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
            return error(
                    400, "invalid_grant", "the subject token is not a valid token of this login issued to the hub");
        }
        Optional<String> audience = audience(form, config.crmResource());
        if (audience.isEmpty()) {
            return error(400, "invalid_target", "unknown resource");
        }
        Grant user = subject.get();
        List<String> actors = new ArrayList<>();
        actors.add(Directory.HUB_CLIENT);
        actors.addAll(user.actors()); // RFC 8693 4.1: the current actor outermost, earlier ones nested
        return issue(
                new Grant(
                        user.subject(),
                        user.tenant(),
                        user.roles(),
                        user.scopes(),
                        audience.get(),
                        Directory.HUB_CLIENT,
                        actors),
                ACCESS_TOKEN_TYPE);
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
        return issue(
                new Grant(
                        bot.username(),
                        bot.tenants().get(0),
                        bot.roles(),
                        bot.scopes(),
                        audience.get(),
                        Directory.HUB_CLIENT,
                        List.of()),
                null);
    }

    private Answer issue(Grant grant, String issuedTokenType) {
        return issue(grant, issuedTokenType, null);
    }

    private Answer issue(Grant grant, String issuedTokenType, String refreshToken) {
        Set<Drift> drifts = config.drifts();
        ObjectNode body = JSON.createObjectNode();
        body.put("access_token", minter.mint(grant, issuer, drifts));
        body.put("token_type", "Bearer");
        body.put("expires_in", minter.lifetime(drifts).toSeconds());
        body.put("scope", String.join(" ", grant.scopes()));
        if (issuedTokenType != null) {
            body.put("issued_token_type", issuedTokenType);
        }
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        return new Answer(200, body.toString());
    }

    private boolean hubAuthenticated(Map<String, List<String>> form, String basicClientId, String basicSecret) {
        String clientId = basicClientId != null ? basicClientId : one(form, "client_id");
        String secret = basicClientId != null ? basicSecret : one(form, "client_secret");
        return Directory.HUB_CLIENT.equals(clientId)
                && secret != null
                && MessageDigest.isEqual(
                        secret.getBytes(StandardCharsets.UTF_8),
                        config.hubSecret().getBytes(StandardCharsets.UTF_8));
    }

    private Optional<String> audience(Map<String, List<String>> form, String fallback) {
        String resource = one(form, "resource");
        if (resource == null) {
            return Optional.of(fallback);
        }
        return resource.equals(config.crmResource()) || resource.equals(config.hubResource())
                ? Optional.of(resource)
                : Optional.empty();
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
