package dev.tokencontract.conformance.engine;

import java.util.Set;

/** "Class.method" of the first caller outside the engine's entry points, for property names. */
final class CallerName {
    private static final Set<String> SKIPPED = Set.of(
            CallerName.class.getName(),
            Property.class.getName(),
            Runner.class.getName(),
            "dev.tokencontract.conformance.Conformance");

    private CallerName() {}

    static String find() {
        return StackWalker.getInstance()
                .walk(frames -> frames.filter(frame -> !SKIPPED.contains(frame.getClassName()))
                        .findFirst()
                        .map(frame -> simple(frame.getClassName()) + "." + method(frame.getMethodName()))
                        .orElse("property"));
    }

    private static String method(String name) {
        // "lambda$outer$3" names the test method that holds the lambda
        if (name.startsWith("lambda$")) {
            int end = name.indexOf('$', 7);
            return end > 7 ? name.substring(7, end) : name;
        }
        return name;
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
