package dev.tokencontract.mcp;

import dev.tokencontract.testing.TestTokens;
import java.time.Instant;

/** Fresh tokens (valid now) for the sample server's audience. */
final class Tokens {
    private Tokens() {}

    /** alice@acme, role support, scopes {@code scope}, for {@code audience}, valid for ten minutes from now. */
    static TestTokens fresh(String audience, String scope) {
        long now = Instant.now().getEpochSecond();
        TestTokens token = TestTokens.mcp()
                .claim("aud", audience)
                .claim("iat", now)
                .claim("nbf", now)
                .claim("exp", now + 600);
        return scope == null ? token.without("scope") : token.claim("scope", scope);
    }
}
