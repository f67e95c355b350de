package dev.tokencontract.architecture.planted.layers.low;

/** Planted for ArchitectureRulesCanFailTest. */
public class Low {
    dev.tokencontract.architecture.planted.layers.high.High up;
}
