package dev.tokencontract.examples.agent;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The grants the agent and the hub use at the login's token endpoint. */
final class TokenClient {
    static final String AGENT_CLIENT = "crm-agent";
    static final String HUB_CLIENT = "hub";
    private final String tokenEndpoint;

    TokenClient(String tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    String password(String username, String password, String tenant, String resource) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", AGENT_CLIENT);
        form.put("username", username);
        form.put("password", password);
        if (tenant != null) {
            form.put("tenant", tenant);
        }
        form.put("resource", resource);
        return accessToken(Http.postForm(tokenEndpoint, form, null, null));
    }

    /** RFC 8693: the user's token in, a token for {@code resource} with {@code act} = the hub out. */
    String exchange(String subjectToken, String resource, String hubSecret) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
        form.put("resource", resource);
        return accessToken(Http.postForm(tokenEndpoint, form, HUB_CLIENT, hubSecret));
    }

    /** The drift: the hub's own shared bot identity, whoever the user is. */
    String bot(String resource, String hubSecret) throws Exception {
        return accessToken(Http.postForm(
                tokenEndpoint,
                Map.of("grant_type", "client_credentials", "resource", resource),
                HUB_CLIENT,
                hubSecret));
    }

    private static String accessToken(HttpResponse<String> response) {
        JsonNode body = Http.json(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint: " + response.statusCode() + " "
                    + body.path("error").asString("") + ": "
                    + body.path("error_description").asString(""));
        }
        return body.path("access_token").asString();
    }
}
