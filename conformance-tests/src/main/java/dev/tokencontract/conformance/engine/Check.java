package dev.tokencontract.conformance.engine;

/** The body of a property: returns normally when the property holds for {@code value}, throws when not. */
@FunctionalInterface
public interface Check<T> {
    void verify(T value) throws Throwable;
}
