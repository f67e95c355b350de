package dev.tokencontract.compat;

/**
 * What a change between two contract versions does to the parties that handle tokens. One change can
 * belong to several classes (narrowing {@code type} from string-or-array to array breaks consumers;
 * adding a role to an enum breaks producers' old consumers and widens authorization).
 */
public enum ChangeClass {
    /** A token that a consumer on the old version accepted is rejected by the new version. */
    BREAKING_FOR_CONSUMERS,
    /** A token that the new version allows is rejected by consumers still on the old version. */
    BREAKING_FOR_PRODUCERS,
    /** Compatible or not by the usual rules, the new version grants more (a role, a scope, an alg). */
    AUTHORIZATION_WIDENING,
    /** Titles, descriptions, examples: nothing a token can observe. */
    COSMETIC
}
