package dev.tokencontract.registry.api;

import dev.tokencontract.registry.testing.LiveRegistry;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;

/** Publisher tokens signed with the real test keys, valid at {@link TestTokens#JUDGED_AT} for {@link Registry#AUDIENCE}. */
final class Tokens {
    private Tokens() {}

    /** RS256, at+jwt, scope and namespaces as given. */
    static TestTokens publisher(String scope, String... namespaces) {
        return LiveRegistry.token(scope, namespaces);
    }

    /** Every scope, namespace {@code *}. */
    static String admin() {
        return publisher("contracts:read contracts:write contracts:admin", "*").signRsa();
    }

    /** contracts:write for namespace {@code identity}. */
    static String identityWriter() {
        return publisher("contracts:write", "identity").signRsa();
    }

    static String reader() {
        return publisher("contracts:read").signRsa();
    }

    static String forgedSignature() {
        return publisher("contracts:write", "identity").signRsa(TestKeys.OTHER_RSA);
    }
}
