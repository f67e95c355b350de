package dev.tokencontract.architecture.planted.cycle.b;

/** Planted for ArchitectureRulesCanFailTest. */
public class B {
    dev.tokencontract.architecture.planted.cycle.a.internal.Hidden hidden;
}
