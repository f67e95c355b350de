package dev.tokencontract.conformance.mutate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.Kit;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.testing.TestContracts;
import dev.tokencontract.validator.ValidationReport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

class TokenMutatorTest {
    private static final Map<Mutation, FindingCode> EXPECTED = Map.of(
            Mutation.DISALLOWED_ALG, FindingCode.ALG_NOT_ALLOWED,
            Mutation.WRONG_TYP, FindingCode.TYP_NOT_ALLOWED,
            Mutation.EXPIRED, FindingCode.TOKEN_EXPIRED,
            Mutation.NOT_YET_VALID, FindingCode.TOKEN_NOT_YET_VALID,
            Mutation.WRONG_AUD, FindingCode.AUD_MISMATCH,
            Mutation.WRONG_ISS, FindingCode.ISS_MISMATCH,
            Mutation.UNSIGNED, FindingCode.ALG_NONE,
            Mutation.WRONG_KEY, FindingCode.SIGNATURE_INVALID,
            Mutation.OPAQUE, FindingCode.TOKEN_OPAQUE,
            Mutation.HS256_FOR_PUBLIC_KEY, FindingCode.ALG_NOT_ALLOWED);

    private final TokenMutator mutator = new TokenMutator(Kit.minter(Kit.MCP), Kit.judge(Kit.MCP), Kit.STRANGER);

    @ParameterizedTest
    @EnumSource(
            value = Mutation.class,
            names = {
                "DISALLOWED_ALG",
                "WRONG_TYP",
                "EXPIRED",
                "NOT_YET_VALID",
                "WRONG_AUD",
                "WRONG_ISS",
                "UNSIGNED",
                "WRONG_KEY",
                "OPAQUE",
                "HS256_FOR_PUBLIC_KEY"
            })
    void applyWhenMcpContractThenMutantRejectedForItsRuleOnly(Mutation mutation) {
        Mutant mutant = ClaimMutatorTest.applied(mutator.apply(mutation, Kit.claims()));

        ValidationReport report = Kit.judge(Kit.MCP).validate(mutant.token());
        assertThat(report.accepted()).isFalse();
        assertThat(mutant.rejectedBy()).contains(EXPECTED.get(mutation));
        assertThat(report.has(EXPECTED.get(mutation))).isTrue();
        assertThat(mutant.toString())
                .doesNotContain(
                        mutant.token()
                                        .substring(mutant.token().lastIndexOf('.') + 1)
                                        .isEmpty()
                                ? "\u0000"
                                : mutant.token().substring(mutant.token().lastIndexOf('.') + 1));
    }

    @Test
    void applyWhenSameClaimsTwiceThenSameOpaqueToken() {
        assertThat(ClaimMutatorTest.applied(mutator.apply(Mutation.OPAQUE, Kit.claims()))
                        .token())
                .isEqualTo(ClaimMutatorTest.applied(mutator.apply(Mutation.OPAQUE, Kit.claims()))
                        .token());
    }

    @Test
    void applyWhenContractHasNoTypRuleOrAllowsHs256ThenNotApplicable() throws Exception {
        ObjectNode noTyp = TestContracts.minimal();
        noTyp.withObject("x-jose").remove("typ");
        Contract open = Kit.parse(noTyp);
        TokenMutator onOpen = new TokenMutator(Kit.minter(open), Kit.judge(open), Kit.STRANGER);
        Contract hs = TestContracts.mcpAllowing("hs-token", "HS256");
        TokenMutator onHs = new TokenMutator(Kit.minter(hs), Kit.judge(hs, Kit.KEYS.hmacKeySource()), Kit.STRANGER);

        assertThat(onOpen.apply(
                        Mutation.WRONG_TYP,
                        Kit.object("{\"iss\":\"" + Kit.ISSUER + "\",\"aud\":\"" + Kit.AUDIENCE + "\"}")))
                .isInstanceOfSatisfying(
                        MutationOutcome.NotApplicable.class,
                        na -> assertThat(na.reason()).contains("typ"));
        assertThat(onHs.apply(Mutation.HS256_FOR_PUBLIC_KEY, Kit.claims()))
                .isInstanceOfSatisfying(
                        MutationOutcome.NotApplicable.class,
                        na -> assertThat(na.reason()).contains("allows HS256"));
    }

    @Test
    void applyWhenJudgeIgnoresAudienceThenWrongAudNotApplicable() {
        var lax = dev.tokencontract.validator.TokenValidator.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS.publicKeySource())
                .expectIssuer(Kit.ISSUER)
                .ignoreAudience()
                .clock(Kit.CLOCK)
                .build();

        assertThat(new TokenMutator(Kit.minter(Kit.MCP), lax, Kit.STRANGER).apply(Mutation.WRONG_AUD, Kit.claims()))
                .isInstanceOf(MutationOutcome.NotApplicable.class);
    }
}
