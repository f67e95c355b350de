package dev.tokencontract.examples.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 7591 Dynamic Client Registration, kept in memory with a cap on the number of clients. Grant types
 * {@code authorization_code} and {@code refresh_token}; client authentication {@code none} (public clients),
 * {@code client_secret_basic} (the RFC's default when omitted) or {@code client_secret_post}, with a secret
 * issued for the last two and kept only as a SHA-256 hash. Redirect URIs: {@code https}, or {@code http} on a
 * loopback host only; no fragment, no user info. A loopback redirect URI matches on any port (RFC 8252 section
 * 7.3: native clients take a free port at run time).
 */
final class ClientRegistry {
    static final int MAX_BODY_BYTES = 8 * 1024;
    static final int MAX_CLIENTS = 1_000;
    static final int MAX_REDIRECT_URIS = 5;
    static final int MAX_URI_LENGTH = 512;
    static final int MAX_NAME_LENGTH = 100;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final Set<String> AUTH_METHODS = Set.of("none", "client_secret_basic", "client_secret_post");
    static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");

    /** A registered client; {@code secretHash} is null for a public client. */
    record Client(
            String clientId,
            String clientName,
            List<String> redirectUris,
            String authMethod,
            byte[] secretHash,
            List<String> grantTypes) {

        boolean allowsRedirect(String presented) {
            return redirectUris.stream().anyMatch(registered -> redirectMatches(registered, presented));
        }

        boolean mayRefresh() {
            return grantTypes.contains("refresh_token");
        }

        /** The client authenticated as it registered: a public client sends no secret, the others theirs, their way. */
        boolean authenticates(String basicSecret, String postSecret) {
            return switch (authMethod) {
                case "none" -> basicSecret == null && postSecret == null;
                case "client_secret_basic" -> postSecret == null && secretMatches(basicSecret);
                case "client_secret_post" -> basicSecret == null && secretMatches(postSecret);
                default -> false;
            };
        }

        private boolean secretMatches(String secret) {
            return secret != null
                    && secretHash != null
                    && java.security.MessageDigest.isEqual(sha256(secret), secretHash);
        }
    }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    private final ClientMetadataDocuments documents;

    ClientRegistry(Clock clock, ClientMetadataDocuments documents) {
        this.clock = clock;
        this.documents = documents;
    }

    /** A registered client, or one whose client_id is the URL of its metadata document. */
    Optional<Client> client(String clientId) {
        if (ClientMetadataDocuments.isUrl(clientId)) {
            return Optional.ofNullable(documents.resolve(clientId).client());
        }
        return Optional.ofNullable(clientId == null ? null : clients.get(clientId));
    }

    /** Why a URL client_id is not usable, or empty. */
    Optional<String> documentProblem(String clientId) {
        return ClientMetadataDocuments.isUrl(clientId)
                ? Optional.ofNullable(documents.resolve(clientId).problem())
                : Optional.empty();
    }

    /** {@code POST /register}: status and JSON body (RFC 7591 sections 3.2.1 and 3.2.2). */
    TokenEndpoint.Answer register(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return error("invalid_client_metadata", "send application/json (RFC 7591 section 3.1)");
        }
        if (body.length > MAX_BODY_BYTES) {
            return new TokenEndpoint.Answer(
                    413, errorJson("invalid_client_metadata", "the body is larger than " + MAX_BODY_BYTES + " bytes"));
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(body);
        } catch (JacksonException e) {
            return error("invalid_client_metadata", "the body is not JSON");
        }
        if (doc == null || !doc.isObject()) {
            return error("invalid_client_metadata", "the body must be one JSON object");
        }
        JsonNode uris = doc.path("redirect_uris");
        if (!uris.isArray() || uris.isEmpty() || uris.size() > MAX_REDIRECT_URIS) {
            return error(
                    "invalid_redirect_uri", "redirect_uris must be an array of 1 to " + MAX_REDIRECT_URIS + " URIs");
        }
        List<String> redirectUris = new ArrayList<>();
        for (JsonNode uri : uris) {
            Optional<String> problem = uri.isString()
                    ? redirectUriProblem(uri.asString())
                    : Optional.of("each redirect URI must be a string");
            if (problem.isPresent()) {
                return error("invalid_redirect_uri", problem.get());
            }
            redirectUris.add(uri.asString());
        }
        JsonNode name = doc.path("client_name");
        if (!name.isMissingNode() && (!name.isString() || name.asString().length() > MAX_NAME_LENGTH)) {
            return error(
                    "invalid_client_metadata",
                    "client_name must be a string of at most " + MAX_NAME_LENGTH + " characters");
        }
        JsonNode method = doc.path("token_endpoint_auth_method");
        String authMethod = method.isMissingNode() ? "client_secret_basic" : method.asString("");
        if (!AUTH_METHODS.contains(authMethod)) {
            return error(
                    "invalid_client_metadata",
                    "token_endpoint_auth_method must be one of none, client_secret_basic, client_secret_post");
        }
        List<String> grantTypes = new ArrayList<>();
        if (!onlyValues(doc.path("grant_types"), GRANT_TYPES, grantTypes)
                || !onlyValues(doc.path("response_types"), Set.of("code"), new ArrayList<>())) {
            return error(
                    "invalid_client_metadata",
                    "supported: grant_types [authorization_code, refresh_token], response_types [code]");
        }
        if (grantTypes.isEmpty()) {
            grantTypes.add("authorization_code"); // RFC 7591 section 2: the default
        }
        if (!grantTypes.contains("authorization_code")) {
            return error(
                    "invalid_client_metadata",
                    "grant_types must include authorization_code (refresh tokens come from it)");
        }
        if (clients.size() >= MAX_CLIENTS) {
            return new TokenEndpoint.Answer(
                    503, errorJson("temporarily_unavailable", "too many registered clients; restart the demo login"));
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String secret = null;
        if (!authMethod.equals("none")) {
            byte[] secretBytes = new byte[32];
            random.nextBytes(secretBytes);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        }
        Client client = new Client(
                "dcr-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                name.isMissingNode() ? null : name.asString(),
                List.copyOf(redirectUris),
                authMethod,
                secret == null ? null : sha256(secret),
                List.copyOf(grantTypes));
        clients.put(client.clientId(), client);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("client_id", client.clientId());
        answer.put("client_id_issued_at", clock.instant().getEpochSecond());
        if (client.clientName() != null) {
            answer.put("client_name", client.clientName());
        }
        if (secret != null) {
            answer.put("client_secret", secret); // shown once; only its hash is kept
            answer.put("client_secret_expires_at", 0);
        }
        redirectUris.forEach(answer.putArray("redirect_uris")::add);
        grantTypes.forEach(answer.putArray("grant_types")::add);
        answer.putArray("response_types").add("code");
        answer.put("token_endpoint_auth_method", authMethod);
        return new TokenEndpoint.Answer(201, answer.toString());
    }

    /** True when {@code node} is absent or a non-empty array of allowed strings (collected into {@code out}). */
    private static boolean onlyValues(JsonNode node, Set<String> allowed, List<String> out) {
        if (node.isMissingNode()) {
            return true;
        }
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode value : node) {
            if (!allowed.contains(value.asString(""))) {
                return false;
            }
            if (!out.contains(value.asString())) {
                out.add(value.asString());
            }
        }
        return true;
    }

    /** Exact match; for {@code http} on a loopback host, any port (RFC 8252 section 7.3), all else equal. */
    static boolean redirectMatches(String registered, String presented) {
        if (registered.equals(presented)) {
            return true;
        }
        try {
            URI r = new URI(registered);
            URI p = new URI(presented);
            return "http".equals(r.getScheme())
                    && "http".equals(p.getScheme())
                    && r.getHost() != null
                    && LOOPBACK.contains(r.getHost().toLowerCase(Locale.ROOT))
                    && r.getHost().equals(p.getHost())
                    && java.util.Objects.equals(r.getRawPath(), p.getRawPath())
                    && java.util.Objects.equals(r.getRawQuery(), p.getRawQuery())
                    && p.getRawUserInfo() == null
                    && p.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static byte[] sha256(String secret) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    static Optional<String> redirectUriProblem(String value) {
        if (value.length() > MAX_URI_LENGTH) {
            return Optional.of("a redirect URI may have at most " + MAX_URI_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of("not a URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK.contains(host))) {
            return Optional.of("redirect URIs must be https, or http on a loopback host (localhost, 127.0.0.1, [::1])");
        }
        if (host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("a redirect URI needs a host and may not carry user info or a fragment");
        }
        return Optional.empty();
    }

    private static TokenEndpoint.Answer error(String code, String description) {
        return new TokenEndpoint.Answer(400, errorJson(code, description));
    }

    private static String errorJson(String code, String description) {
        return TokenEndpoint.error(400, code, description).json();
    }
}
