package dev.tokencontract.conformance.engine;

/** A draw went past the choice budget of one example; the example is discarded. */
final class Overrun extends RuntimeException {
    Overrun() {
        super("an example drew more than " + Choices.MAX_CHOICES + " choices", null, false, false);
    }
}
