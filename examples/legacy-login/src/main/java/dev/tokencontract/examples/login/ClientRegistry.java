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
 * RFC 7591 Dynamic Client Registration for public clients ({@code token_endpoint_auth_method} none), kept in
 * memory with a cap on the number of clients. Redirect URIs: {@code https}, or {@code http} on a loopback host
 * only (RFC 8252 section 7.3); no fragment, no user info.
 */
final class ClientRegistry {
    static final int MAX_BODY_BYTES = 8 * 1024;
    static final int MAX_CLIENTS = 1_000;
    static final int MAX_REDIRECT_URIS = 5;
    static final int MAX_URI_LENGTH = 512;
    static final int MAX_NAME_LENGTH = 100;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A registered public client. */
    record Client(String clientId, String clientName, List<String> redirectUris) {}

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    ClientRegistry(Clock clock) {
        this.clock = clock;
    }

    Optional<Client> client(String clientId) {
        return Optional.ofNullable(clientId == null ? null : clients.get(clientId));
    }

    /** {@code POST /register}: status and JSON body (RFC 7591 sections 3.2.1 and 3.2.2). */
    TokenEndpoint.Answer register(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return error("invalid_client_metadata", "send application/json (RFC 7591 section 3.1)");
        }
        if (body.length > MAX_BODY_BYTES) {
            return new TokenEndpoint.Answer(413, errorJson("invalid_client_metadata", "the body is larger than " + MAX_BODY_BYTES + " bytes"));
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
            return error("invalid_redirect_uri", "redirect_uris must be an array of 1 to " + MAX_REDIRECT_URIS + " URIs");
        }
        List<String> redirectUris = new ArrayList<>();
        for (JsonNode uri : uris) {
            Optional<String> problem = uri.isString() ? redirectUriProblem(uri.asString()) : Optional.of("each redirect URI must be a string");
            if (problem.isPresent()) {
                return error("invalid_redirect_uri", problem.get());
            }
            redirectUris.add(uri.asString());
        }
        JsonNode name = doc.path("client_name");
        if (!name.isMissingNode() && (!name.isString() || name.asString().length() > MAX_NAME_LENGTH)) {
            return error("invalid_client_metadata", "client_name must be a string of at most " + MAX_NAME_LENGTH + " characters");
        }
        JsonNode method = doc.path("token_endpoint_auth_method");
        if (!method.isMissingNode() && !"none".equals(method.asString(""))) {
            return error("invalid_client_metadata", "only public clients register here: token_endpoint_auth_method must be none");
        }
        if (!onlyValue(doc.path("grant_types"), "authorization_code") || !onlyValue(doc.path("response_types"), "code")) {
            return error("invalid_client_metadata", "supported: grant_types [authorization_code], response_types [code]");
        }
        if (clients.size() >= MAX_CLIENTS) {
            return new TokenEndpoint.Answer(503, errorJson("temporarily_unavailable", "too many registered clients; restart the demo login"));
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        Client client = new Client("dcr-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                name.isMissingNode() ? null : name.asString(), List.copyOf(redirectUris));
        clients.put(client.clientId(), client);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("client_id", client.clientId());
        answer.put("client_id_issued_at", clock.instant().getEpochSecond());
        if (client.clientName() != null) {
            answer.put("client_name", client.clientName());
        }
        redirectUris.forEach(answer.putArray("redirect_uris")::add);
        answer.putArray("grant_types").add("authorization_code");
        answer.putArray("response_types").add("code");
        answer.put("token_endpoint_auth_method", "none");
        return new TokenEndpoint.Answer(201, answer.toString());
    }

    private static boolean onlyValue(JsonNode node, String allowed) {
        if (node.isMissingNode()) {
            return true;
        }
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode value : node) {
            if (!allowed.equals(value.asString(""))) {
                return false;
            }
        }
        return true;
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
