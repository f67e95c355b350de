package dev.tokencontract.examples.login;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document-00, recommended by MCP
 * 2025-11-25): a {@code client_id} that is an {@code https} URL with a path names a JSON document the client
 * publishes. The login fetches it (5 s, at most 5 KB, no redirects), requires its {@code client_id} to be that URL
 * exactly and treats the client as a public one with the document's redirect URIs. Against server-side request
 * forgery, a document whose host is or resolves to a loopback, private, link-local or unspecified address is
 * refused; {@code allowLoopback} (a test switch, {@code --allow-loopback-client-metadata}) allows {@code http} on
 * a loopback host and nothing else. Documents are cached for 5 minutes.
 */
final class ClientMetadataDocuments {
    static final int MAX_BYTES = 5 * 1024;
    static final Duration CACHE = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A fetched client, or why not. */
    record Resolved(ClientRegistry.Client client, String problem) {}

    private record Cached(Resolved resolved, Instant until) {}

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Clock clock;
    private final boolean allowLoopback;

    ClientMetadataDocuments(Clock clock, boolean allowLoopback) {
        this.clock = clock;
        this.allowLoopback = allowLoopback;
    }

    /** True for a client_id in the URL form this login resolves (anything else is a registered id). */
    static boolean isUrl(String clientId) {
        return clientId != null && (clientId.startsWith("https://") || clientId.startsWith("http://"));
    }

    Resolved resolve(String clientId) {
        Instant now = clock.instant();
        Cached cached = cache.get(clientId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.resolved();
        }
        Resolved resolved = fetch(clientId);
        if (cache.size() > 1_000) {
            cache.clear();
        }
        cache.put(clientId, new Cached(resolved, now.plus(CACHE)));
        return resolved;
    }

    private Resolved fetch(String clientId) {
        Optional<String> refused = urlProblem(clientId);
        if (refused.isPresent()) {
            return new Resolved(null, refused.get());
        }
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(clientId))
                            .timeout(Duration.ofSeconds(5))
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            return new Resolved(null, "the client metadata document could not be fetched");
        }
        if (response.statusCode() != 200 || response.body().length > MAX_BYTES) {
            return new Resolved(
                    null,
                    "the client metadata document answered " + response.statusCode()
                            + (response.body().length > MAX_BYTES ? " with more than " + MAX_BYTES + " bytes" : ""));
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(response.body());
        } catch (JacksonException e) {
            return new Resolved(null, "the client metadata document is not JSON");
        }
        if (doc == null
                || !doc.isObject()
                || !clientId.equals(doc.path("client_id").asString(""))) {
            return new Resolved(null, "the client metadata document's client_id is not its own URL");
        }
        if (!"none".equals(doc.path("token_endpoint_auth_method").asString("none"))) {
            return new Resolved(
                    null,
                    "only public clients (token_endpoint_auth_method none) may use a client metadata document here");
        }
        List<String> redirects = new ArrayList<>();
        for (JsonNode uri : doc.path("redirect_uris")) {
            if (!uri.isString()
                    || ClientRegistry.redirectUriProblem(uri.asString()).isPresent()) {
                return new Resolved(null, "the client metadata document has an invalid redirect URI");
            }
            redirects.add(uri.asString());
        }
        if (redirects.isEmpty() || redirects.size() > ClientRegistry.MAX_REDIRECT_URIS) {
            return new Resolved(
                    null,
                    "the client metadata document needs 1 to " + ClientRegistry.MAX_REDIRECT_URIS + " redirect_uris");
        }
        String name = doc.path("client_name").asString(clientId);
        List<String> grants = doc.path("grant_types").toString().contains("\"refresh_token\"")
                ? List.of("authorization_code", "refresh_token")
                : List.of("authorization_code");
        return new Resolved(
                new ClientRegistry.Client(
                        clientId,
                        name.length() > ClientRegistry.MAX_NAME_LENGTH
                                ? name.substring(0, ClientRegistry.MAX_NAME_LENGTH)
                                : name,
                        List.copyOf(redirects),
                        "none",
                        null,
                        grants),
                null);
    }

    /** The draft's rules for the URL, and the SSRF guard. */
    private Optional<String> urlProblem(String clientId) {
        URI uri;
        try {
            uri = new URI(clientId);
        } catch (URISyntaxException e) {
            return Optional.of("client_id is not a URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopbackHost = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        boolean https = "https".equals(uri.getScheme());
        if (!https && !(allowLoopback && "http".equals(uri.getScheme()) && loopbackHost)) {
            return Optional.of("a client_id URL must use https");
        }
        if (uri.getRawPath() == null
                || uri.getRawPath().length() < 2
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null
                || clientId.length() > ClientRegistry.MAX_URI_LENGTH) {
            return Optional.of("a client_id URL needs a path and no fragment or user info");
        }
        if (loopbackHost && allowLoopback) {
            return Optional.empty();
        }
        try {
            for (InetAddress address :
                    InetAddress.getAllByName(host.replace("[", "").replace("]", ""))) {
                if (address.isLoopbackAddress()
                        || address.isSiteLocalAddress()
                        || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress()
                        || address.isMulticastAddress()
                        || isUniqueLocal(address)) {
                    return Optional.of("the client_id URL's host is an internal address: refused");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("the client_id URL's host does not resolve");
        }
        return Optional.empty();
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc; // fc00::/7
    }
}
