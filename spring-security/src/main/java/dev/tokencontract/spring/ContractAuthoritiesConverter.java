package dev.tokencontract.spring;

import dev.tokencontract.contract.AuthorizationRules;
import dev.tokencontract.spring.internal.VerifiedJwts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

/**
 * Authorities from the claims the contract names in {@code x-authorization}: each space-delimited scope in
 * the scope claim as {@code SCOPE_<scope>}, each string in the roles array as {@code ROLE_<role>}. A roles
 * claim of another shape grants nothing (the contract has already refused it). Thread-safe.
 */
public final class ContractAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {
    private final AuthorizationRules rules;

    public ContractAuthoritiesConverter(AuthorizationRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        JsonNode claims = VerifiedJwts.signedClaims(jwt);
        List<GrantedAuthority> authorities = new ArrayList<>();
        JsonNode scope = claims.get(rules.scopeClaim());
        if (scope != null && scope.isString()) {
            for (String value : scope.stringValue().trim().split(" +")) {
                if (!value.isEmpty()) {
                    authorities.add(new SimpleGrantedAuthority("SCOPE_" + value));
                }
            }
        }
        JsonNode roles = claims.get(rules.rolesClaim());
        if (roles != null && roles.isArray()) {
            roles.values().stream()
                    .filter(JsonNode::isString)
                    .forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.stringValue())));
        }
        return authorities;
    }
}
