package dev.tokencontract.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import dev.tokencontract.contract.JoseRules;
import dev.tokencontract.json.StrictJson;
import java.security.interfaces.ECPrivateKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Chooses the one algorithm a key signs with under a contract's {@code x-jose}, and signs. The algorithm is bound to
 * the key (RFC 8725 section 3.1): by {@code --alg}, by the JWK's own {@code alg}, or by being the only algorithm the
 * contract allows for the key's type; anything ambiguous or contradictory is refused, never guessed.
 */
final class MintSigner {
    /** The algorithms mint signs with, in the order they are listed to the user. */
    static final List<String> ALGORITHMS = List.of(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "HS256", "HS384", "HS512");

    private static final Map<String, Curve> CURVES =
            Map.of("ES256", Curve.P_256, "ES384", Curve.P_384, "ES512", Curve.P_521);
    static final int MIN_RSA_BITS = 2048;

    private MintSigner() {}

    /** The algorithm to sign with; {@code requested} is {@code --alg} when given. */
    static String choose(JoseRules jose, MintKey key, Optional<String> requested) throws KeyFileException {
        Optional<String> bound = key.boundAlgorithm();
        if (requested.isPresent() && bound.isPresent() && !requested.get().equals(bound.get())) {
            throw new KeyFileException("the key is bound to " + Terminal.safe(bound.get(), 20)
                    + " by its JWK's alg; --alg " + Terminal.safe(requested.get(), 20) + " contradicts it");
        }
        Optional<String> wanted = requested.isPresent() ? requested : bound;
        List<String> allowed =
                ALGORITHMS.stream().filter(jose.algorithms()::contains).toList();
        if (wanted.isPresent()) {
            String alg = wanted.get();
            if (!jose.algorithms().contains(alg)) {
                throw new KeyFileException("the contract does not allow " + Terminal.safe(alg, 20) + " (x-jose.alg: "
                        + String.join(", ", jose.algorithms().stream().sorted().toList()) + ")");
            }
            Optional<String> misfit = misfit(alg, key);
            if (misfit.isPresent()) {
                throw new KeyFileException(misfit.get());
            }
            return alg;
        }
        List<String> forType =
                allowed.stream().filter(a -> typeOf(a) == key.type()).toList();
        if (forType.isEmpty()) {
            throw new KeyFileException("the contract allows "
                    + String.join(", ", jose.algorithms().stream().sorted().toList()) + "; none of them signs with an "
                    + key.type() + " key");
        }
        List<String> fitting =
                forType.stream().filter(a -> misfit(a, key).isEmpty()).toList();
        if (fitting.isEmpty()) {
            throw new KeyFileException(misfit(forType.get(0), key).orElseThrow());
        }
        if (fitting.size() > 1) {
            throw new KeyFileException("the contract allows " + String.join(", ", fitting) + " for this " + key.type()
                    + " key; pick one with --alg (one key, one algorithm: RFC 8725 section 3.1)");
        }
        return fitting.get(0);
    }

    /** Why {@code key} cannot sign {@code alg}, or empty when it can. */
    static Optional<String> misfit(String alg, MintKey key) {
        MintKey.Type type = typeOf(alg);
        if (type == null) {
            return Optional.of("mint does not sign with " + Terminal.safe(alg, 20) + " (it signs "
                    + String.join(", ", ALGORITHMS) + ")");
        }
        if (type != key.type()) {
            return Optional.of("an " + key.type() + " key cannot sign " + alg + " (it needs an " + type + " key)");
        }
        return switch (type) {
            case RSA ->
                key.strength() < MIN_RSA_BITS
                        ? Optional.of("the RSA key has " + key.strength() + " bits; " + alg + " needs at least "
                                + MIN_RSA_BITS + " (RFC 7518 section 3.3)")
                        : Optional.empty();
            case EC -> {
                Curve needed = CURVES.get(alg);
                Optional<Curve> curve = key.curve();
                yield curve.isPresent() && curve.get().equals(needed)
                        ? Optional.empty()
                        : Optional.of(
                                "the EC key is on " + curve.map(Curve::getName).orElse("a curve JOSE does not name")
                                        + "; " + alg + " needs " + needed.getName());
            }
            case HMAC -> {
                int needed = Integer.parseInt(alg.substring(2)) / 8;
                yield key.strength() < needed
                        ? Optional.of("the HMAC secret has " + key.strength() + " bytes; " + alg + " needs at least "
                                + needed + " (RFC 7518 section 3.2)")
                        : Optional.empty();
            }
        };
    }

    private static MintKey.Type typeOf(String alg) {
        if (!ALGORITHMS.contains(alg)) {
            return null;
        }
        return switch (alg.substring(0, 2)) {
            case "RS", "PS" -> MintKey.Type.RSA;
            case "ES" -> MintKey.Type.EC;
            default -> MintKey.Type.HMAC;
        };
    }

    /** The {@code typ} a conforming producer sends: {@code at+jwt} when allowed (or unchecked), else the first allowed. */
    static String type(JoseRules jose) {
        if (jose.types().isEmpty() || jose.allowsType("at+jwt")) {
            return "at+jwt";
        }
        return jose.types().stream().sorted().findFirst().orElseThrow();
    }

    /** A compact JWS of exactly {@code claims}, with {@code alg}, {@code typ} and {@code kid} (when there is one). */
    static String sign(JsonNode claims, String alg, String typ, Optional<String> kid, MintKey key)
            throws KeyFileException {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.parse(alg)).type(new JOSEObjectType(typ));
        kid.ifPresent(header::keyID);
        JWSObject jws =
                new JWSObject(header.build(), new Payload(StrictJson.mapper().writeValueAsString(claims)));
        byte[] secret = null;
        try {
            JWSSigner signer = switch (key.type()) {
                case RSA -> new RSASSASigner(key.privateKey());
                case EC -> new ECDSASigner((ECPrivateKey) key.privateKey());
                case HMAC -> new MACSigner(secret = key.secret());
            };
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException e) { // the checks above should have caught it; never echo key details
            throw new KeyFileException(
                    "cannot sign with " + alg + ": " + e.getClass().getSimpleName());
        } finally {
            if (secret != null) {
                java.util.Arrays.fill(secret, (byte) 0);
            }
        }
    }
}
