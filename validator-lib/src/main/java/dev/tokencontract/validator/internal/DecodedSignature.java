package dev.tokencontract.validator.internal;

import com.nimbusds.jose.util.Base64URL;

/**
 * A JWS signature whose bytes {@link ShapeCheck} has already decoded (strictly, with the JDK's decoder).
 * Nimbus's verifiers call {@link #decode()} on the signature they are handed, and Nimbus's own decoder is
 * slow: about 3.5 µs for a 2048-bit RSA signature, a tenth of the RSA check itself (see
 * {@code docs/benchmarks.md}). Handing them the bytes already decoded from the same text saves that on
 * every call; the text, {@code equals} and {@code hashCode} are those of the plain {@link Base64URL}.
 */
final class DecodedSignature extends Base64URL {
    private static final long serialVersionUID = 1L;

    private final byte[] bytes;

    DecodedSignature(String base64url, byte[] bytes) {
        super(base64url);
        this.bytes = bytes.clone();
    }

    /** A fresh copy each time, as Nimbus's {@code decode()} gives. */
    @Override
    public byte[] decode() {
        return bytes.clone();
    }
}
