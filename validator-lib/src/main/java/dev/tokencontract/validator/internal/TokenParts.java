package dev.tokencontract.validator.internal;

import tools.jackson.databind.JsonNode;

/**
 * A compact JWS split and decoded. Any field may be {@code null} when that part could not be read;
 * {@link ShapeCheck} says why in its findings.
 *
 * @param header       the decoded header object
 * @param claims       the decoded claims object
 * @param signature    the raw signature bytes ({@code length 0} for an unsigned token)
 * @param signingInput the ASCII bytes of {@code header.payload}, what the signature covers
 * @param signaturePart the base64url signature text, for redacted display only
 * @param claimsPart   the base64url claims text, when the claims have not been decoded yet; otherwise {@code null}
 */
public record TokenParts(
        JsonNode header,
        JsonNode claims,
        byte[] signature,
        byte[] signingInput,
        String signaturePart,
        String claimsPart) {

    public boolean readable() {
        return header != null && claims != null;
    }

    /** False while the claims wait to be decoded ({@link ShapeCheck#readClaims}). */
    public boolean claimsRead() {
        return claimsPart == null;
    }
}
