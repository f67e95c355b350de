package dev.tokencontract.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pre-filled, fully controllable signed tokens. {@link #mcp()} starts from the claim set the
 * {@code mcp-access-token} contract's documentation uses, valid at {@link #JUDGED_AT}.
 */
public final class TestTokens {
    public static final String ISSUER = "https://login.example.test";
    public static final String AUDIENCE = "https://mcp.example.test/mcp";
    /** 2026-11-26T00:30:00Z, inside the sample token's lifetime. */
    public static final Instant JUDGED_AT = Instant.parse("2026-11-26T00:30:00Z");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode header = JSON.createObjectNode();
    private final ObjectNode claims = JSON.createObjectNode();

    private TestTokens() {}

    /** The sample MCP access token: RS256, typ at+jwt, kid of {@link TestKeys#RSA}. */
    public static TestTokens mcp() {
        TestTokens t = new TestTokens();
        t.header.put("alg", "RS256").put("typ", "at+jwt").put("kid", TestKeys.RSA.getKeyID());
        t.claims
                .put("iss", ISSUER)
                .put("sub", "alice@example.test")
                .put("aud", AUDIENCE)
                .put("exp", 1795654800L)
                .put("iat", 1795651200L)
                .put("nbf", 1795651200L)
                .put("jti", "6f1c2a8e-2c61-4c1e-9a51-2f7f5b3f0c11")
                .put("client_id", "crm-agent")
                .put("tenant_id", "acme");
        t.claims.putArray("roles").add("support");
        t.claims.put("scope", "crm.read crm.write");
        return t;
    }

    public TestTokens header(String name, String value) {
        header.put(name, value);
        return this;
    }

    public TestTokens header(String name, tools.jackson.databind.JsonNode value) {
        header.set(name, value);
        return this;
    }

    public TestTokens withoutHeader(String name) {
        header.remove(name);
        return this;
    }

    public TestTokens claim(String name, String value) {
        claims.put(name, value);
        return this;
    }

    public TestTokens claim(String name, long value) {
        claims.put(name, value);
        return this;
    }

    public TestTokens claim(String name, tools.jackson.databind.JsonNode value) {
        claims.set(name, value);
        return this;
    }

    public TestTokens claimArray(String name, String... values) {
        ArrayNode array = claims.putArray(name);
        for (String value : values) {
            array.add(value);
        }
        return this;
    }

    public TestTokens without(String claim) {
        claims.remove(claim);
        return this;
    }

    public ObjectNode headerNode() {
        return header;
    }

    public ObjectNode claimsNode() {
        return claims;
    }

    /** Signs with the RSA test key (alg from the header, default RS256). */
    public String signRsa() {
        return signRsa(TestKeys.RSA);
    }

    /** Signs PS256 with {@link TestKeys#RSA_PS256}, the RSA key published for PS256 (its kid in the header). */
    public String signPs256() {
        return header("alg", "PS256")
                .header("kid", TestKeys.RSA_PS256.getKeyID())
                .signRsa(TestKeys.RSA_PS256);
    }

    public String signRsa(RSAKey key) {
        try {
            return sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String signEc(ECKey key) {
        try {
            return sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String signHmac(byte[] secret) {
        try {
            return sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token with an empty signature part. */
    public String unsigned() {
        return signingInput() + ".";
    }

    /** header.claims as base64url, exactly as they will be signed. */
    public String signingInput() {
        return encode(header.toString()) + "." + encode(claims.toString());
    }

    private String sign(JWSSigner signer) {
        String input = signingInput();
        try {
            JWSHeader jwsHeader =
                    new JWSHeader(JWSAlgorithm.parse(header.path("alg").asString("RS256")));
            Base64URL signature = signer.sign(jwsHeader, input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Raw base64url of arbitrary text: for hand-made hostile parts. */
    public static String encode(String text) {
        return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String encode(byte[] bytes) {
        return Base64URL.encode(bytes).toString();
    }
}
