package dev.tokencontract.validator;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.validator.internal.ShapeCheck;
import dev.tokencontract.validator.internal.TokenParts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What could be read from a token, UNVERIFIED: header and claims as decoded, and a redacted view of the
 * signature. Never trust these values for decisions; use {@link ValidatedToken}.
 */
public final class DecodedToken {
    private final JsonNode header;
    private final JsonNode claims;
    private final String signaturePreview;
    private final int signatureBytes;

    private DecodedToken(JsonNode header, JsonNode claims, String signaturePreview, int signatureBytes) {
        this.header = header;
        this.claims = claims;
        this.signaturePreview = signaturePreview;
        this.signatureBytes = signatureBytes;
    }

    /** What {@link #decode(String)} could read, and the shape findings that say why not everything. */
    public record Decoding(Optional<DecodedToken> token, List<Finding> findings) {
        public Decoding {
            findings = List.copyOf(findings);
        }
    }

    /**
     * Decodes a token without judging it: no key, no contract, no times. The findings are the shape
     * findings a validator would report first (opaque, JWE, base64url, UTF-8, JSON). Never throws.
     */
    public static Decoding decode(String token) {
        List<Finding> findings = new ArrayList<>();
        TokenParts parts = readParts(token, TokenValidator.DEFAULT_MAX_TOKEN_CHARS, true, findings);
        return new Decoding(Optional.ofNullable(parts).map(DecodedToken::of), findings);
    }

    /** Stage 1 for both {@link #decode} and {@link TokenValidator}: the parts, or null with the reason as findings. */
    static TokenParts readParts(String token, int maxChars, List<Finding> findings) {
        return readParts(token, maxChars, true, findings);
    }

    /** As {@link #readParts(String, int, List)}; with {@code readClaims} false the claims wait for {@link #readClaims}. */
    static TokenParts readParts(String token, int maxChars, boolean readClaims, List<Finding> findings) {
        try {
            return ShapeCheck.parse(token, maxChars, readClaims, findings);
        } catch (RuntimeException e) {
            findings.add(Finding.error(FindingCode.TOKEN_MALFORMED, "", null, null, "The token could not be read."));
            return null;
        }
    }

    /** The claims of parts split without them, decoded now; never throws. */
    static TokenParts readClaims(TokenParts parts, List<Finding> findings) {
        try {
            return ShapeCheck.readClaims(parts, findings);
        } catch (RuntimeException e) {
            findings.add(
                    Finding.error(FindingCode.TOKEN_MALFORMED, "/claims", null, null, "The claims could not be read."));
            return new TokenParts(
                    parts.header(), null, parts.signature(), parts.signingInput(), parts.signaturePart(), null);
        }
    }

    static DecodedToken of(TokenParts parts) {
        int bytes = parts.signature() == null ? 0 : parts.signature().length;
        return new DecodedToken(parts.header(), parts.claims(), Redact.signature(parts.signaturePart()), bytes);
    }

    /** A copy of the decoded header, if it was a readable JSON object. */
    public Optional<JsonNode> header() {
        return Optional.ofNullable(header).map(JsonNode::deepCopy);
    }

    /** A copy of the decoded claims, if they were a readable JSON object. */
    public Optional<JsonNode> claims() {
        return Optional.ofNullable(claims).map(JsonNode::deepCopy);
    }

    /** The first characters of the signature and its length; never the whole signature. */
    public String signaturePreview() {
        return signaturePreview;
    }

    public int signatureBytes() {
        return signatureBytes;
    }
}
