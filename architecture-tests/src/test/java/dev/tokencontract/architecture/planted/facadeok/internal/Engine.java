package dev.tokencontract.architecture.planted.facadeok.internal;

/** Planted for ArchitectureRulesCanFailTest. */
public class Engine {
    dev.tokencontract.architecture.planted.facadeok.Result result;
}
