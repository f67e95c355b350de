package dev.tokencontract.architecture.planted.acyclic.a;

/** Planted for ArchitectureRulesCanFailTest. */
public class A {
    dev.tokencontract.architecture.planted.acyclic.a.internal.Hidden hidden;
}
