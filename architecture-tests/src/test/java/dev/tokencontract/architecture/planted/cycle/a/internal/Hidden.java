package dev.tokencontract.architecture.planted.cycle.a.internal;

/** Planted for ArchitectureRulesCanFailTest. */
public class Hidden {}
