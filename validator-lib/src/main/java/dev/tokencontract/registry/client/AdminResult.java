package dev.tokencontract.registry.client;

/**
 * A setting the registry accepted and now holds: a contract's compatibility mode or a version's state.
 *
 * @param name    the contract name
 * @param version the exact version for a state change; {@code null} for a mode change
 * @param setting {@code mode} or {@code state}
 * @param value   the value the registry answered with, e.g. {@code BACKWARD} or {@code DEPRECATED}
 */
public record AdminResult(String name, String version, String setting, String value) {}
