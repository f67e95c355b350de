package dev.tokencontract.architecture.planted.crossmodule.alpha.internal;

/** Planted for ArchitectureRulesCanFailTest. */
public class Secret {}
