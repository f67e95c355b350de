package dev.tokencontract.architecture.planted.facadeok;

/** Planted for ArchitectureRulesCanFailTest. */
public class Facade {
    dev.tokencontract.architecture.planted.facadeok.internal.Engine engine;
}
