package dev.tokencontract.registry.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.idp.internal.SafeFetch;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Plain http is allowed only to loopback, judged from the URL's text. The registry client and the IdP
 * fetcher share one rule, so a name that merely starts with "127." (it can resolve anywhere) is refused by both.
 */
class LoopbackHostsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "http://localhost:8080/x, true",
        "http://LOCALHOST/x, true",
        "http://127.0.0.1:1/x, true",
        "http://127.255.10.2/x, true",
        "http://[::1]:8080/x, true",
        "http://127.0.0.1.example.test/x, false",
        "http://127.evil.example/x, false",
        "http://127.0.0.256/x, false",
        "http://localhost.example.test/x, false",
        "http://10.0.0.1/x, false",
        "http://registry.example.test/x, false",
        "https://registry.example.test/x, true",
    })
    void allowedWhenHttpsOrLoopbackHttpOnly(String url, boolean allowed) {
        URI uri = URI.create(url);
        boolean https = uri.getScheme().equals("https");

        assertThat(https || UrlPolicy.isLoopback(uri.getHost()))
                .as("registry client")
                .isEqualTo(allowed);
        assertThat(SafeFetch.allowedScheme(uri)).as("IdP fetcher").isEqualTo(allowed);
    }
}
