package dev.tokencontract.architecture.planted.crossmodule.beta;

/** Planted for ArchitectureRulesCanFailTest. */
public class Reader {
    dev.tokencontract.architecture.planted.crossmodule.alpha.internal.Secret stolen;
    dev.tokencontract.architecture.planted.crossmodule.alpha.Open allowed;
}
