package dev.tokencontract.conformance.suites;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A producer's answer: the token itself, or a JSON object with {@code access_token} (RFC 6749 section 5.1). */
final class TokenText {
    static final int MAX_CHARS = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenText() {}

    static String read(String answer) {
        String text = answer == null ? "" : answer.strip();
        if (text.length() > MAX_CHARS) {
            throw new PropertyFailure("the producer answered " + text.length() + " characters; more than " + MAX_CHARS);
        }
        if (text.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(text);
                if (node.path("access_token").isString()) {
                    return node.path("access_token").stringValue();
                }
            } catch (JacksonException e) {
                throw new PropertyFailure("the producer answered JSON that cannot be read: " + e.getOriginalMessage());
            }
            throw new PropertyFailure("the producer answered JSON without a string access_token");
        }
        return text;
    }
}
