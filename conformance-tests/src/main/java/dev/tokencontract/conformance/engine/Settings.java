package dev.tokencontract.conformance.engine;

import java.util.List;

/** The knobs of one property; immutable. A null seed means "from the system property, else random". */
record Settings(int tries, Long seed, List<String> requiredLabels, int maxShrinkRuns, String name) {
    static final int DEFAULT_TRIES = 100;
    static final int DEFAULT_MAX_SHRINK_RUNS = 5_000;

    Settings {
        requiredLabels = List.copyOf(requiredLabels);
    }
}
