package dev.tokencontract.spring;

import dev.tokencontract.testing.TestTokens;
import java.time.Instant;

/** The sample MCP token, valid from now for ten minutes, for {@code audience}. */
final class FreshTokens {
    static final String RESOURCE = "https://crm.example.test/mcp";

    private FreshTokens() {}

    static TestTokens forAudience(String audience) {
        long now = Instant.now().getEpochSecond();
        return TestTokens.mcp()
                .claim("aud", audience)
                .claim("iat", now)
                .claim("nbf", now)
                .claim("exp", now + 600);
    }

    static TestTokens fresh() {
        return forAudience(RESOURCE);
    }
}
