package dev.tokencontract.architecture.planted.acyclic.b;

/** Planted for ArchitectureRulesCanFailTest. */
public class B {}
