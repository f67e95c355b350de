package dev.tokencontract.architecture.planted.facade;

/** Planted for ArchitectureRulesCanFailTest. */
public class Facade {
    dev.tokencontract.architecture.planted.facade.internal.Engine engine;
}
