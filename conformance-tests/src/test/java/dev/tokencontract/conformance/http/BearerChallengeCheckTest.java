package dev.tokencontract.conformance.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BearerChallengeCheckTest {
    private static final String METADATA =
            "resource_metadata=\"https://mcp.example.test/.well-known/oauth-protected-resource\"";

    @Test
    void checkWhenMcpStyle401ThenNoProblem() {
        assertThat(BearerChallengeCheck.check(
                        401,
                        List.of("Bearer " + METADATA + ", error=\"invalid_token\", error_description=\"expired\"")))
                .isEmpty();
    }

    @Test
    void checkWhen401WithoutHeaderThenMustProblem() {
        assertThat(BearerChallengeCheck.check(401, List.of()))
                .extracting(ChallengeProblem::code, ChallengeProblem::required)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WWW_AUTHENTICATE_MISSING", true));
    }

    @Test
    void checkWhenNoResourceMetadataThenMcpMustProblem() {
        assertThat(codes(401, "Bearer error=\"invalid_token\"")).containsExactly("RESOURCE_METADATA_MISSING");
    }

    @Test
    void checkWhenOnlyBasicChallengeThenBearerMissing() {
        assertThat(codes(401, "Basic realm=\"x\"")).containsExactly("BEARER_CHALLENGE_MISSING");
    }

    @Test
    void checkWhenUnknownErrorRepeatedParamOrBadValuesThenEachNamed() {
        assertThat(codes(401, "Bearer " + METADATA + ", error=\"token_bad\"")).containsExactly("ERROR_CODE_UNKNOWN");
        assertThat(codes(401, "Bearer " + METADATA + ", error=invalid_token, error=invalid_request"))
                .containsExactly("PARAM_REPEATED");
        assertThat(codes(401, "Bearer " + METADATA + ", error=invalid_token, scope=\"a  b\""))
                .containsExactly("SCOPE_INVALID");
        assertThat(codes(401, "Bearer resource_metadata=\"/relative\", error=invalid_token"))
                .containsExactly("RESOURCE_METADATA_INVALID");
        assertThat(codes(401, "Bearer " + METADATA + ", error=invalid_token, error_uri=\"not a uri\""))
                .containsExactly("ERROR_URI_INVALID");
        assertThat(codes(401, "Bearer realm=\"x")).containsExactly("WWW_AUTHENTICATE_MALFORMED");
        assertThat(codes(401, "Bearer abc==")).containsExactly("BEARER_CHALLENGE_MALFORMED");
    }

    @Test
    void checkWhenNoErrorOrStatusMismatchThenShouldOnly() {
        List<ChallengeProblem> noError = BearerChallengeCheck.check(401, List.of("Bearer " + METADATA));
        List<ChallengeProblem> forbidden = BearerChallengeCheck.check(403, List.of("Bearer error=\"invalid_token\""));

        assertThat(noError).extracting(ChallengeProblem::code).containsExactly("ERROR_MISSING");
        assertThat(noError).noneMatch(ChallengeProblem::required);
        assertThat(forbidden).extracting(ChallengeProblem::code).containsExactly("ERROR_STATUS_MISMATCH");
        assertThat(forbidden).noneMatch(ChallengeProblem::required);
    }

    private static List<String> codes(int status, String header) {
        return BearerChallengeCheck.check(status, List.of(header)).stream()
                .filter(ChallengeProblem::required)
                .map(ChallengeProblem::code)
                .toList();
    }
}
