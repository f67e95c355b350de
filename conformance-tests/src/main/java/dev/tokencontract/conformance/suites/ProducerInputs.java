package dev.tokencontract.conformance.suites;

import dev.tokencontract.conformance.engine.Gen;
import java.util.ArrayList;
import java.util.LinkedHashSet;

/**
 * Generated producer inputs. Users and roles draw from letters, digits and the punctuation identifiers
 * use; tenants start with a letter or digit (the {@code mcp-access-token} tenant pattern). Each shrinks
 * to {@code {"sub":"a","tenant_id":"a","roles":[]}}.
 */
public final class ProducerInputs {
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String ALNUM = LOWER + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private ProducerInputs() {}

    public static Gen<ProducerInput> users() {
        Gen<String> sub = Gen.strings(ALNUM + "@.-_", 1, 40).filter(s -> !s.isBlank());
        Gen<String> tenantHead = Gen.strings(ALNUM, 1, 1);
        Gen<String> tenantTail = Gen.strings(ALNUM + "._-", 0, 20);
        Gen<String> role = Gen.strings(LOWER + "-_.:", 1, 16);
        Gen<java.util.List<String>> roles = Gen.lists(role, 0, 5);
        return in -> {
            String user = in.draw(sub);
            String tenant = in.draw(tenantHead) + in.draw(tenantTail);
            var distinct = new ArrayList<>(new LinkedHashSet<>(in.draw(roles)));
            in.label(distinct.isEmpty() ? "no roles" : distinct.size() == 1 ? "one role" : "several roles");
            return new ProducerInput(user, tenant, distinct);
        };
    }
}
