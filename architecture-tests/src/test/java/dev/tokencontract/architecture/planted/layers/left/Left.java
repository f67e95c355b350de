package dev.tokencontract.architecture.planted.layers.left;

/** Planted for ArchitectureRulesCanFailTest. */
public class Left {
    dev.tokencontract.architecture.planted.layers.right.Right side;
    dev.tokencontract.architecture.planted.layers.low.Low down;
}
