package dev.tokencontract.conformance.engine;

/** How a property run ended. */
public enum Outcome {
    /** Every try held and every required label came up. */
    PASSED,
    /** A try threw; the result carries the shrunk counterexample. */
    FAILED,
    /** Every try held, but a required label never came up. */
    COVERAGE_NOT_MET,
    /** Too many tries were discarded (the generator rejects almost everything, e.g. an unsatisfiable schema). */
    GAVE_UP,
    /** The caller's stop condition (a time or work budget) ended the run before a failure was found. */
    STOPPED
}
