package dev.tokencontract.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.testing.TestContracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code format: email} is RFC 5321 Mailbox syntax, with no list of known top-level domains. */
class MailboxFormatTest {
    private static final ClaimsSchema SCHEMA =
            ClaimsSchema.compile(TestContracts.object("{\"$id\":\"https://tokencontract.dev/contracts/t/1.0.0\","
                    + "\"properties\":{\"email\":{\"format\":\"email\"},\"idn\":{\"format\":\"idn-email\"}}}"));

    private static java.util.List<Finding> check(String claim, String value) {
        ObjectNode claims = JsonNodeFactory.instance.objectNode().put(claim, value);
        return SCHEMA.check(claims, "/claims");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "alice@example.test",
                "bob@corp.internal",
                "carol@example.com",
                "dave@io",
                "d.a.v.e@localhost",
                "first.last+tag@sub.example.test",
                "o'brien@example.test",
                "~x~@example.test",
                "\"quoted space\"@example.test",
                "\"a\\\\b\"@example.test",
                "x@[192.0.2.1]",
                "x@[IPv6:2001:db8::1]",
                "x@[ipv6:::1]",
                "x@[IPv6:::ffff:192.0.2.1]",
                "x@255.255.255.255",
                "x@c--n.example",
                "x@123.example"
            })
    void checkWhenEmailIsAMailboxAtAnyDomainThenNoFinding(String email) {
        assertThat(check("email", email)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "alice",
                "@example.test",
                "alice@",
                ".alice@example.test",
                "alice.@example.test",
                "al..ice@example.test",
                "alice bob@example.test",
                "alice@example..test",
                "alice@-example.test",
                "alice@example-.test",
                "alice@example.test.",
                "a@b@example.test",
                "alice@exa_mple.test",
                "x@[192.0.2.256]",
                "x@[1.2.3]",
                "x@[]",
                "x@[IPv6:::12345]",
                "x@[IPv6:1::2::3]",
                "x@[IPv6:1:2:3:4:5:6:7]",
                "x@[example.test]",
                "x@example.test\n",
                " x@example.test",
                "caf\u00e9@example.test",
                "x@\u00e9.example",
                "a,b@example.test",
                "a(b)@example.test",
                "\"unclosed@example.test",
                "alice@example.test, bob@example.test"
            })
    void checkWhenEmailIsNotAMailboxThenFormatMismatch(String email) {
        assertThat(check("email", email))
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FindingCode.CLAIM_FORMAT_MISMATCH, "/claims/email"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"\uC2E4\uB840@\uC2E4\uB840.\uD14C\uC2A4\uD2B8", "caf\u00e9@example.test", "alice@example.test"})
    void checkWhenIdnEmailIsAnInternationalMailboxThenNoFinding(String email) {
        assertThat(check("idn", email)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800@example.com", "2962", "a@b@c"})
    void checkWhenIdnEmailIsNotAMailboxThenFormatMismatch(String email) {
        assertThat(check("idn", email)).extracting(Finding::code).containsExactly(FindingCode.CLAIM_FORMAT_MISMATCH);
    }
}
