package dev.tokencontract.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The project's boundary rules, written as factories so that the same rule runs over the real modules
 * ({@link ArchitectureTest}) and over small planted violations ({@link ArchitectureRulesCanFailTest}).
 */
final class ArchitectureRules {
    private static final String INTERNAL = ".internal";

    private ArchitectureRules() {}

    /** A package with everything from {@code .internal} on removed: the concern the package belongs to. */
    static String concernOf(String packageName) {
        int at = (packageName + ".").indexOf(INTERNAL + ".");
        return at < 0 ? packageName : packageName.substring(0, at);
    }

    static boolean isInternal(String packageName) {
        return (packageName + ".").contains(INTERNAL + ".");
    }

    /** No class reads a class of an {@code .internal} package compiled in another Maven module. */
    static ArchRule noModuleReadsAnotherModulesInternals(Function<JavaClass, String> moduleOf) {
        return classes()
                .should(new ArchCondition<JavaClass>("read only their own module's internal packages") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String home = moduleOf.apply(origin);
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            String targetModule = moduleOf.apply(target);
                            if (targetModule != null
                                    && !targetModule.equals(home)
                                    && isInternal(target.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(
                                        origin,
                                        "module " + home + " reads " + targetModule + "'s internal class "
                                                + target.getName() + ": " + d.getDescription()));
                            }
                        }
                    }
                })
                .as("no Maven module reads another module's internal package");
    }

    /**
     * Inside one module too, {@code x.internal} is read only by {@code x} and {@code x.internal}: another
     * concern goes through {@code x}'s public types (as {@code lock} goes through the registry client's API).
     */
    static ArchRule internalsReadOnlyByTheirOwnConcern() {
        return classes()
                .should(new ArchCondition<JavaClass>("read no other concern's internal package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String home = concernOf(origin.getPackageName());
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            String pkg = d.getTargetClass().getPackageName();
                            if (isInternal(pkg) && !concernOf(pkg).equals(home)) {
                                events.add(SimpleConditionEvent.violated(
                                        origin,
                                        home + " reads " + concernOf(pkg) + "'s internal class "
                                                + d.getTargetClass().getName() + ": " + d.getDescription()));
                            }
                        }
                    }
                })
                .as("an internal package is read only by its own concern");
    }

    /** Concerns ({@code x} together with {@code x.internal}) below {@code root} form no cycle. */
    static ArchRule noCyclesBetweenConcerns(String root) {
        return SlicesRuleDefinition.slices()
                .assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        String pkg = javaClass.getPackageName();
                        return pkg.equals(root) || pkg.startsWith(root + ".")
                                ? SliceIdentifier.of(concernOf(pkg))
                                : SliceIdentifier.ignore();
                    }

                    @Override
                    public String getDescription() {
                        return "concerns below " + root + " (x and x.internal as one)";
                    }
                })
                .should()
                .beFreeOfCycles()
                .as("packages below " + root + " form no cycle (x and x.internal taken as one)");
    }

    /**
     * An internal class never uses a class of its own facade package that leads back into the internals: it
     * may use the package's plain data types (records, enums, exceptions that do not reach into
     * {@code .internal}), never the facade that calls it.
     */
    static ArchRule internalsNeverCallTheirFacade() {
        return classes()
                .should(
                        new ArchCondition<JavaClass>(
                                "not use a class of their facade package that reaches back into " + "the internals") {
                            private final Map<JavaClass, Boolean> reaches = new HashMap<>();

                            @Override
                            public void check(JavaClass origin, ConditionEvents events) {
                                if (!isInternal(origin.getPackageName())) {
                                    return;
                                }
                                String facadePackage = concernOf(origin.getPackageName());
                                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                                    JavaClass target = d.getTargetClass();
                                    if (target.getPackageName().equals(facadePackage)
                                            && reachesInternals(target, facadePackage, new HashSet<>())) {
                                        events.add(SimpleConditionEvent.violated(
                                                origin,
                                                origin.getName() + " uses its facade "
                                                        + target.getName() + ", which depends on " + facadePackage
                                                        + INTERNAL + ": "
                                                        + d.getDescription()));
                                    }
                                }
                            }

                            private boolean reachesInternals(JavaClass c, String facadePackage, Set<JavaClass> seen) {
                                Boolean known = reaches.get(c);
                                if (known != null) {
                                    return known;
                                }
                                if (!seen.add(c)) {
                                    return false;
                                }
                                boolean result = false;
                                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                                    JavaClass t = d.getTargetClass();
                                    String pkg = t.getPackageName();
                                    if (isInternal(pkg) && concernOf(pkg).equals(facadePackage)) {
                                        result = true;
                                        break;
                                    }
                                    if (pkg.equals(facadePackage)
                                            && !t.equals(c)
                                            && reachesInternals(t, facadePackage, seen)) {
                                        result = true;
                                        break;
                                    }
                                }
                                reaches.put(c, result);
                                return result;
                            }
                        })
                .as("no internal class uses its own facade (no class cycle between x and x.internal)");
    }

    /**
     * Layers, lowest first; each layer is a set of concerns. A class of one layer may use classes of its own
     * concern and of lower layers only: never a higher layer, never a sibling concern of the same layer.
     */
    static ArchRule layersOnlyPointDown(List<Set<String>> layers) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (String concern : layers.get(i)) {
                rank.put(concern, i);
            }
        }
        return classes()
                .should(new ArchCondition<JavaClass>("use only their own concern and lower layers") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String from = concernOf(origin.getPackageName());
                        Integer fromRank = rank.get(from);
                        if (fromRank == null) {
                            return;
                        }
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            String to = concernOf(d.getTargetClass().getPackageName());
                            Integer toRank = rank.get(to);
                            if (toRank != null && !to.equals(from) && toRank >= fromRank) {
                                events.add(SimpleConditionEvent.violated(
                                        origin,
                                        "layer " + from + " uses " + (toRank > fromRank ? "higher" : "sibling")
                                                + " layer " + to + ": " + d.getDescription()));
                            }
                        }
                    }
                })
                .as("layers " + layers + " only point down");
    }

    /** Convenience for tests: the rule's violations as text, empty when it holds. */
    static List<String> violations(ArchRule rule, JavaClasses classes) {
        return rule.evaluate(classes).getFailureReport().getDetails();
    }
}
