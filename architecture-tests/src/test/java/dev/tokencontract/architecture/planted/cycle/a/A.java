package dev.tokencontract.architecture.planted.cycle.a;

/** Planted for ArchitectureRulesCanFailTest. */
public class A {
    dev.tokencontract.architecture.planted.cycle.b.B b;
}
