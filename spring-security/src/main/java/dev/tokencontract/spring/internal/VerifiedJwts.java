package dev.tokencontract.spring.internal;

import dev.tokencontract.json.StrictJson;
import dev.tokencontract.validator.DecodedToken;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** Between validator-lib's JSON and Spring's {@link Jwt}. */
public final class VerifiedJwts {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    /** Spring's own claim conversions (exp/iat/nbf to Instant, aud to a list, iss to a string), as NimbusJwtDecoder applies them. */
    private static final MappedJwtClaimSetConverter CLAIMS = MappedJwtClaimSetConverter.withDefaults(Map.of());

    private VerifiedJwts() {}

    /** A Spring {@link Jwt} from a token the validator accepted, with its header and claims. */
    public static Jwt toJwt(String token, JsonNode header, JsonNode claims) {
        Map<String, Object> headers = StrictJson.mapper().convertValue(header, MAP);
        Map<String, Object> converted = CLAIMS.convert(StrictJson.mapper().convertValue(claims, MAP));
        return Jwt.withTokenValue(token)
                .headers(h -> h.putAll(headers))
                .claims(c -> c.putAll(converted))
                .build();
    }

    /**
     * The claims exactly as signed, read back from the compact token of a {@link Jwt} Spring has verified
     * (its {@code getClaims()} are converted: times to Instant, a single audience to a list).
     */
    public static JsonNode signedClaims(Jwt jwt) {
        return DecodedToken.decode(jwt.getTokenValue())
                .token()
                .flatMap(DecodedToken::claims)
                .orElseGet(() -> StrictJson.mapper().valueToTree(Map.of()));
    }
}
