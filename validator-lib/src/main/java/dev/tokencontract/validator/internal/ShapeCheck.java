package dev.tokencontract.validator.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.JsonTypes;
import dev.tokencontract.json.StrictJson;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Stage 1: the token is a compact JWS of three base64url parts whose first two are UTF-8 JSON objects
 * without duplicate member names, within the size limit.
 */
public final class ShapeCheck {
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private ShapeCheck() {}

    /** Splits and decodes; adds findings for what is wrong; returns {@code null} when nothing is readable. */
    public static TokenParts parse(String token, int maxChars, List<Finding> findings) {
        return parse(token, maxChars, true, findings);
    }

    /**
     * As {@link #parse(String, int, List)}, but with {@code readClaims} false the claims are left encoded for
     * {@link #readClaims}: a server need not decode what an unverified sender wrote.
     */
    public static TokenParts parse(String token, int maxChars, boolean readClaims, List<Finding> findings) {
        if (token == null || token.isEmpty()) {
            findings.add(Finding.error(FindingCode.TOKEN_EMPTY, "", "a JWT", "(empty)", "No token was given."));
            return null;
        }
        if (token.length() > maxChars) {
            findings.add(Finding.error(
                    FindingCode.TOKEN_TOO_LARGE,
                    "",
                    "at most " + maxChars + " characters",
                    token.length() + " characters",
                    "The token is " + token.length() + " characters long; the limit is " + maxChars + "."));
            return null;
        }
        int first = token.indexOf('.');
        if (first < 0) {
            findings.add(Finding.error(
                    FindingCode.TOKEN_OPAQUE,
                    "",
                    "a JWT (header.claims.signature)",
                    "opaque, " + token.length() + " characters",
                    "The token is not a JWT: it has no '.' separators."));
            return null;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 && parts.length != 5 && !parts[0].isEmpty() && !looksLikeJoseHeader(parts[0])) {
            // e.g. Google's "ya29.…": dots, but no JOSE header in front of them
            findings.add(Finding.error(
                    FindingCode.TOKEN_OPAQUE,
                    "",
                    "a JWT (header.claims.signature)",
                    "opaque, " + token.length() + " characters",
                    "The token is not a JWT: its first part is not a JOSE header."));
            return null;
        }
        if (parts.length == 5) {
            findings.add(Finding.error(
                    FindingCode.TOKEN_IS_JWE,
                    "",
                    "a JWS with 3 parts",
                    "5 parts (JWE)",
                    "The token is encrypted (JWE, 5 parts); a signed JWT (3 parts) was expected."));
            return null;
        }
        if (parts.length != 3) {
            findings.add(Finding.error(
                    FindingCode.TOKEN_MALFORMED,
                    "",
                    "3 parts",
                    parts.length + " parts",
                    "The token has " + parts.length + " dot-separated parts; a JWT has 3."));
            return null;
        }
        JsonNode header = decodeObject(parts[0], "/header", findings);
        JsonNode claims = readClaims ? decodeObject(parts[1], "/claims", findings) : null;
        byte[] signature = decodeBase64(parts[2], "/signature", findings);
        byte[] signingInput =
                token.substring(0, token.length() - parts[2].length() - 1).getBytes(StandardCharsets.US_ASCII);
        return new TokenParts(header, claims, signature, signingInput, parts[2], readClaims ? null : parts[1]);
    }

    /** The parts with their claims decoded (adding shape findings for them); unchanged when already read. */
    public static TokenParts readClaims(TokenParts parts, List<Finding> findings) {
        if (parts.claimsRead()) {
            return parts;
        }
        JsonNode claims = decodeObject(parts.claimsPart(), "/claims", findings);
        return new TokenParts(
                parts.header(), claims, parts.signature(), parts.signingInput(), parts.signaturePart(), null);
    }

    private static JsonNode decodeObject(String part, String pointer, List<Finding> findings) {
        byte[] bytes = decodeBase64(part, pointer, findings);
        if (bytes == null) {
            return null;
        }
        String text = isAscii(bytes) ? new String(bytes, StandardCharsets.ISO_8859_1) : strictUtf8(bytes);
        if (text == null) {
            findings.add(Finding.error(
                    FindingCode.UTF8_INVALID,
                    pointer,
                    "UTF-8 JSON",
                    "invalid UTF-8 bytes",
                    "The " + pointer.substring(1) + " is not valid UTF-8."));
            return null;
        }
        StrictJson.Parsed parsed = StrictJson.parse(text);
        if (!parsed.ok()) {
            FindingCode code = switch (parsed.problem()) {
                case DUPLICATE_MEMBER -> FindingCode.JSON_DUPLICATE_MEMBER;
                case LIMIT_EXCEEDED -> FindingCode.JSON_LIMIT_EXCEEDED;
                default -> FindingCode.JSON_INVALID;
            };
            findings.add(Finding.error(
                    code,
                    pointer,
                    "one JSON object",
                    parsed.detail(),
                    "The " + pointer.substring(1) + " is not acceptable JSON: " + parsed.detail()));
            return null;
        }
        if (!parsed.node().isObject()) {
            findings.add(Finding.error(
                    FindingCode.JSON_NOT_OBJECT,
                    pointer,
                    "a JSON object",
                    JsonTypes.name(parsed.node()),
                    "The " + pointer.substring(1) + " is JSON but not an object."));
            return null;
        }
        return parsed.node();
    }

    /** ASCII is valid UTF-8 and reads the same in ISO-8859-1: the common case needs no strict decoder. */
    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** The text, or {@code null} when the bytes are not well-formed UTF-8 (no replacement characters). */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] decodeBase64(String part, String pointer, List<Finding> findings) {
        // Fast path: once '=' is ruled out, the JDK's base64url decoder accepts exactly the unpadded
        // alphabet, so the checks below only have to run, one by one, to say what is wrong.
        if (part.indexOf('=') < 0 && part.length() % 4 != 1 && !unusedBitsSet(part)) {
            try {
                return BASE64URL.decode(part);
            } catch (IllegalArgumentException e) {
                // fall through to the precise diagnosis
            }
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean base64url =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!base64url) {
                findings.add(Finding.error(
                        FindingCode.BASE64URL_INVALID,
                        pointer,
                        "unpadded base64url",
                        "character " + Redact.value(String.valueOf(c)) + " at position " + i,
                        "The " + pointer.substring(1) + " part contains a character outside base64url."));
                return null;
            }
        }
        if (part.length() % 4 == 1) {
            findings.add(Finding.error(
                    FindingCode.BASE64URL_INVALID,
                    pointer,
                    "unpadded base64url",
                    part.length() + " characters",
                    "The " + pointer.substring(1) + " part has an impossible base64url length."));
            return null;
        }
        if (unusedBitsSet(part)) {
            // The decoder would ignore these bits: a second spelling of the same bytes (RFC 4648 section 3.5).
            findings.add(Finding.error(
                    FindingCode.BASE64URL_INVALID,
                    pointer,
                    "canonical unpadded base64url",
                    "unused bits set in the last character",
                    "The " + pointer.substring(1) + " part is not canonical base64url."));
            return null;
        }
        try {
            return BASE64URL.decode(part);
        } catch (IllegalArgumentException e) {
            findings.add(Finding.error(
                    FindingCode.BASE64URL_INVALID,
                    pointer,
                    "unpadded base64url",
                    Redact.shorten(e.getMessage(), 80),
                    "The " + pointer.substring(1) + " part is not valid base64url."));
            return null;
        }
    }

    /** True when the last character of an unpadded part carries bits that no decoded byte holds. */
    private static boolean unusedBitsSet(String part) {
        int rest = part.length() % 4;
        return rest != 0 && (sextet(part.charAt(part.length() - 1)) & (rest == 2 ? 0x0f : 0x03)) != 0;
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }

    /** True when the part decodes to text that starts like a JSON object, as every JOSE header does. */
    private static boolean looksLikeJoseHeader(String part) {
        try {
            String text = new String(BASE64URL.decode(part), StandardCharsets.ISO_8859_1).stripLeading();
            return text.startsWith("{");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
