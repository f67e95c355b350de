package dev.tokencontract.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The MCP spec's canonical server URI (RFC 8707 section 2). */
class ResourceUriTest {

    @ParameterizedTest
    @CsvSource({
        "https://mcp.example.com/mcp, https://mcp.example.com/mcp",
        "HTTPS://MCP.Example.COM/mcp, https://mcp.example.com/mcp",
        "https://mcp.example.com/mcp/, https://mcp.example.com/mcp",
        "https://mcp.example.com/, https://mcp.example.com",
        "https://mcp.example.com, https://mcp.example.com",
        "https://mcp.example.com:443/mcp, https://mcp.example.com/mcp",
        "http://localhost:80/mcp, http://localhost/mcp",
        "http://localhost:9090/mcp, http://localhost:9090/mcp",
        "https://mcp.example.com:8443, https://mcp.example.com:8443",
        "https://mcp.example.com/server/MCP, https://mcp.example.com/server/MCP",
        "https://mcp.example.com/mcp?tenant=a, https://mcp.example.com/mcp?tenant=a",
    })
    void canonicalWhenValidThenLowercaseSchemeHostNoDefaultPortNoTrailingSlash(String input, String expected) {
        assertThat(ResourceUri.canonical(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://mcp.example.com/mcp#frag",
                "/mcp",
                "mcp.example.com",
                "ftp://mcp.example.com",
                "https://user:pw@mcp.example.com/mcp",
                "",
                " ",
                "https://",
                "https://exa mple.com",
                "urn:mcp:server"
            })
    void canonicalWhenNotAServerUriThenRefused(String input) {
        assertThatThrownBy(() -> ResourceUri.canonical(input)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ResourceUri.parse(input)).isEmpty();
    }

    @Test
    void canonicalWhenHugeOrNullThenRefused() {
        assertThat(ResourceUri.parse("https://a.example/" + "x".repeat(5000))).isEmpty();
        assertThat(ResourceUri.parse(null)).isEmpty();
    }

    @Test
    void sameResourceWhenOnlyCaseOrSlashDiffersThenTrueButPathCaseMatters() {
        assertThat(ResourceUri.sameResource("HTTPS://MCP.EXAMPLE.COM/mcp/", "https://mcp.example.com/mcp"))
                .isTrue();
        assertThat(ResourceUri.sameResource("https://mcp.example.com/MCP", "https://mcp.example.com/mcp"))
                .isFalse();
        assertThat(ResourceUri.sameResource("https://mcp.example.com/mcp#x", "https://mcp.example.com/mcp"))
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "https://mcp.example.com/mcp, /.well-known/oauth-protected-resource/mcp, https://mcp.example.com/.well-known/oauth-protected-resource/mcp",
        "https://mcp.example.com, /.well-known/oauth-protected-resource, https://mcp.example.com/.well-known/oauth-protected-resource",
        "http://localhost:9090/a/b, /.well-known/oauth-protected-resource/a/b, http://localhost:9090/.well-known/oauth-protected-resource/a/b",
    })
    void metadataWhenResourceHasPathThenWellKnownInsertedBeforePath(String resource, String path, String url) {
        assertThat(ResourceUri.metadataPath(resource)).isEqualTo(path);
        assertThat(ResourceUri.metadataUrl(resource)).isEqualTo(url);
    }
}
