package dev.tokencontract.architecture.planted.layers.right;

/** Planted for ArchitectureRulesCanFailTest. */
public class Right {}
