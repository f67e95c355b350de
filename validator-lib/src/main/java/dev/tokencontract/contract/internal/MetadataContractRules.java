package dev.tokencontract.contract.internal;

import dev.tokencontract.contract.ContractKind;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Lint rules for contracts that describe documents rather than tokens ({@code idp-metadata},
 * {@code protected-resource-metadata}), and for the {@code x-recommended} annotation any contract may carry.
 */
final class MetadataContractRules {
    private MetadataContractRules() {}

    /** x-jose and x-authorization would be silently ignored on a metadata contract: refuse them. */
    static void noTokenAnnotations(JsonNode document, ContractKind kind, List<Finding> findings) {
        for (String annotation : List.of("x-jose", "x-authorization")) {
            if (document.has(annotation)) {
                findings.add(Finding.error(
                        FindingCode.LINT_TOKEN_ANNOTATION,
                        "/" + annotation,
                        "no " + annotation + " on a " + kind.id() + " contract",
                        "(present)",
                        annotation + " applies only to jwt-access-token contracts; this one is " + kind.id() + "."));
            }
        }
    }

    /** Each name in {@code x-recommended} is declared under {@code properties}, like a required one. */
    static void recommendedDeclared(JsonNode document, List<Finding> findings) {
        JsonNode recommended = document.path("x-recommended");
        JsonNode properties = document.path("properties");
        for (int i = 0; i < recommended.size(); i++) {
            String name = recommended.get(i).asString("");
            if (!properties.has(name)) {
                findings.add(Finding.error(
                        FindingCode.LINT_REQUIRED_UNDECLARED,
                        "/x-recommended/" + i,
                        "a property named '" + Redact.value(name) + "'",
                        "(undeclared)",
                        "'" + Redact.value(name) + "' is recommended but not declared under properties."));
            }
        }
    }
}
