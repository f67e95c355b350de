package dev.tokencontract.architecture.planted.facade.internal;

/** Planted for ArchitectureRulesCanFailTest. */
public class Engine {
    dev.tokencontract.architecture.planted.facade.Facade back;
}
