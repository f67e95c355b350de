package dev.tokencontract.architecture.planted.facadeok;

/** Planted for ArchitectureRulesCanFailTest. */
public record Result(String value) {}
