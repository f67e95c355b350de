package dev.tokencontract.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokencontract.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;

/**
 * Where {@code mint} takes its key: {@code --key FILE} (PEM private key, or a private JWK or JWK set),
 * {@code --secret-file FILE} or {@code --secret-env NAME} (HMAC). Never from an argument's value, so no key reaches
 * shell history or the process list.
 */
final class MintKeys {
    /** A JWK set of a few RSA-4096 private keys fits many times over; anything bigger is not a key file. */
    static final int MAX_KEY_FILE_BYTES = 256 * 1024;

    private MintKeys() {}

    static OptionGroup group() {
        OptionGroup group = new OptionGroup();
        group.addOption(Option.builder()
                .longOpt("key")
                .hasArg()
                .argName("FILE")
                .desc("private key: PEM (PKCS#8, PKCS#1 or SEC1, unencrypted) or a private JWK / JWK set")
                .get());
        group.addOption(Option.builder()
                .longOpt("secret-file")
                .hasArg()
                .argName("FILE")
                .desc("HMAC secret in a file (one trailing newline is dropped)")
                .get());
        group.addOption(Option.builder()
                .longOpt("secret-env")
                .hasArg()
                .argName("NAME")
                .desc("HMAC secret in environment variable NAME")
                .get());
        return group;
    }

    static Option kidOption() {
        return Option.builder()
                .longOpt("kid")
                .hasArg()
                .argName("KID")
                .desc("the header's kid; picks the key of a JWK set with several (must match a JWK's own kid)")
                .get();
    }

    static MintKey from(CommandLine line, Io io) throws UsageException, KeyFileException {
        String kid = line.getOptionValue("kid");
        if (kid != null && (kid.isEmpty() || kid.length() > 255 || kid.chars().anyMatch(Character::isISOControl))) {
            throw new UsageException("--kid must be 1 to 255 characters without control characters");
        }
        if (line.hasOption("secret-env")) {
            String name = line.getOptionValue("secret-env");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
                throw new UsageException(
                        "--secret-env takes the NAME of an environment variable, not the secret itself");
            }
            String value = io.env().get(name);
            if (value == null) {
                throw new KeyFileException("environment variable " + name + " is not set");
            }
            return MintKey.hmac(value.getBytes(StandardCharsets.UTF_8), kid, null, "$" + name);
        }
        if (line.hasOption("secret-file")) {
            Path file = path("--secret-file", line.getOptionValue("secret-file"));
            byte[] bytes = read(file);
            int end = bytes.length;
            if (end > 0 && bytes[end - 1] == '\n') {
                end--;
                if (end > 0 && bytes[end - 1] == '\r') {
                    end--;
                }
            }
            byte[] secret = Arrays.copyOf(bytes, end);
            Arrays.fill(bytes, (byte) 0);
            try {
                return MintKey.hmac(secret, kid, null, "secret file " + file.getFileName());
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }
        if (!line.hasOption("key")) {
            throw new UsageException("no key: give --key FILE, --secret-file FILE or --secret-env NAME");
        }
        Path file = path("--key", line.getOptionValue("key"));
        String text = utf8(read(file));
        String source = "key file " + file.getFileName();
        String start = text.stripLeading();
        if (start.startsWith("{")) {
            return fromJwk(text, kid, source);
        }
        if (start.startsWith("-----BEGIN ")) {
            return MintKey.asymmetric(PemPrivateKeys.read(text), kid, null, source);
        }
        throw new KeyFileException("the key file is neither PEM (-----BEGIN PRIVATE KEY-----) nor a JWK set ({...})");
    }

    private static MintKey fromJwk(String text, String kid, String source) throws KeyFileException {
        StrictJson.Parsed parsed = StrictJson.parse(text);
        if (!parsed.ok()) {
            throw new KeyFileException("the JWK file is not valid JSON: " + Terminal.safe(parsed.detail(), 120));
        }
        List<JWK> keys;
        try {
            keys = parsed.node().has("keys") ? JWKSet.parse(text).getKeys() : List.of(JWK.parse(text));
        } catch (ParseException | RuntimeException e) {
            // Nimbus's parse messages can quote members; name the problem without them
            throw new KeyFileException("the file is not a JWK or JWK set (RFC 7517) this tool can read");
        }
        JWK jwk = select(keys, kid);
        if (!jwk.isPrivate()) {
            throw new KeyFileException("the JWK" + kidText(jwk) + " is public only; signing needs the private key");
        }
        if (KeyUse.ENCRYPTION.equals(jwk.getKeyUse())) {
            throw new KeyFileException("the JWK" + kidText(jwk) + " is for encryption (\"use\": \"enc\"), not signing");
        }
        String alg = jwk.getAlgorithm() == null ? null : jwk.getAlgorithm().getName();
        String headerKid = kid != null ? kid : jwk.getKeyID();
        try {
            if (jwk instanceof RSAKey rsa) {
                return MintKey.asymmetric(rsa.toRSAPrivateKey(), headerKid, alg, source);
            }
            if (jwk instanceof ECKey ec) {
                return MintKey.asymmetric(ec.toECPrivateKey(), headerKid, alg, source);
            }
            if (jwk instanceof OctetSequenceKey oct) {
                return MintKey.hmac(oct.toByteArray(), headerKid, alg, source);
            }
        } catch (JOSEException e) {
            throw new KeyFileException("the JWK" + kidText(jwk) + " does not hold a usable private key");
        }
        throw new KeyFileException("a JWK of type " + jwk.getKeyType() + " cannot sign RS*, PS*, ES* or HS*");
    }

    private static JWK select(List<JWK> keys, String kid) throws KeyFileException {
        if (keys.isEmpty()) {
            throw new KeyFileException("the JWK set holds no keys");
        }
        if (kid != null) {
            return keys.stream()
                    .filter(k -> kid.equals(k.getKeyID()))
                    .findFirst()
                    .orElseThrow(() -> new KeyFileException("no key with kid '" + Terminal.safe(kid, 80)
                            + "' in the JWK set; its kids: " + kids(keys)));
        }
        if (keys.size() > 1) {
            throw new KeyFileException(
                    "the JWK set holds " + keys.size() + " keys; pick one with --kid (" + kids(keys) + ")");
        }
        return keys.get(0);
    }

    private static String kids(List<JWK> keys) {
        List<String> kids = keys.stream()
                .map(JWK::getKeyID)
                .filter(Objects::nonNull)
                .map(k -> Terminal.safe(k, 60))
                .limit(20)
                .toList();
        return kids.isEmpty() ? "none has a kid" : String.join(", ", kids);
    }

    private static String kidText(JWK jwk) {
        return jwk.getKeyID() == null ? "" : " '" + Terminal.safe(jwk.getKeyID(), 60) + "'";
    }

    private static byte[] read(Path file) throws KeyFileException {
        if (Files.isDirectory(file)) {
            throw new KeyFileException(file.getFileName() + " is a directory, not a key file");
        }
        if (!Files.exists(file)) {
            throw new KeyFileException("no key file at " + Terminal.safe(file.toString(), 200));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
            if (bytes.length > MAX_KEY_FILE_BYTES) {
                throw new KeyFileException(
                        "the key file is larger than " + MAX_KEY_FILE_BYTES + " bytes; no key file is that big");
            }
            return bytes;
        } catch (IOException e) {
            throw new KeyFileException("cannot read the key file " + Terminal.safe(file.toString(), 200) + ": "
                    + e.getClass().getSimpleName());
        }
    }

    private static String utf8(byte[] bytes) throws KeyFileException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new KeyFileException("the key file is not text (a DER key? convert it: openssl pkey -inform DER "
                    + "-in KEY -out KEY.pem)");
        }
    }

    private static Path path(String option, String value) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": '" + Terminal.safe(value, 80) + "' is not a file path");
        }
    }
}
