package dev.tokencontract.architecture.planted.layers.high;

/** Planted for ArchitectureRulesCanFailTest. */
public class High {
    dev.tokencontract.architecture.planted.layers.low.Low down;
}
