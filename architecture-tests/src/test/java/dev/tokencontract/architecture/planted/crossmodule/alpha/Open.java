package dev.tokencontract.architecture.planted.crossmodule.alpha;

/** Planted for ArchitectureRulesCanFailTest. */
public class Open {
    dev.tokencontract.architecture.planted.crossmodule.alpha.internal.Secret own;
}
