package dev.tokencontract.architecture.planted.acyclic.a.internal;

/** Planted for ArchitectureRulesCanFailTest. */
public class Hidden {
    dev.tokencontract.architecture.planted.acyclic.b.B b;
}
