package dev.tokencontract.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each rule, run over small planted violations in {@code planted}, reports them; and keeps quiet on the allowed shapes. */
class ArchitectureRulesCanFailTest {
    private static final String PLANTED = "dev.tokencontract.architecture.planted";

    private static JavaClasses planted(String subPackage) {
        return new ClassFileImporter().importPackages(PLANTED + "." + subPackage);
    }

    /** Planted modules are named by the package below {@code planted.crossmodule}. */
    private static final Function<JavaClass, String> PLANTED_MODULE = c -> {
        String prefix = PLANTED + ".crossmodule.";
        return c.getPackageName().startsWith(prefix)
                ? c.getPackageName().substring(prefix.length()).split("\\.")[0]
                : null;
    };

    @Test
    void crossModuleRuleWhenAModuleReadsAnothersInternalThenFails() {
        List<String> found = ArchitectureRules.violations(
                ArchitectureRules.noModuleReadsAnotherModulesInternals(PLANTED_MODULE), planted("crossmodule"));

        assertThat(found)
                .singleElement()
                .asString()
                .contains("module beta reads alpha's internal class " + PLANTED + ".crossmodule.alpha.internal.Secret");
    }

    @Test
    void concernRuleWhenAConcernReadsAnothersInternalThenFails() {
        List<String> found = ArchitectureRules.violations(
                ArchitectureRules.internalsReadOnlyByTheirOwnConcern(), planted("crossmodule"));

        assertThat(found)
                .singleElement()
                .asString()
                .contains(PLANTED + ".crossmodule.beta reads " + PLANTED + ".crossmodule.alpha's internal class");
    }

    @Test
    void cycleRuleWhenTwoConcernsUseEachOtherThroughAnInternalThenFails() {
        List<String> found = ArchitectureRules.violations(
                ArchitectureRules.noCyclesBetweenConcerns(PLANTED + ".cycle"), planted("cycle"));

        assertThat(String.join("\n", found))
                .contains("Cycle detected")
                .contains(PLANTED + ".cycle.a.internal.Hidden")
                .contains(PLANTED + ".cycle.b.B");
    }

    @Test
    void cycleRuleWhenConcernsOnlyPointOneWayThenHolds() {
        assertThat(ArchitectureRules.violations(
                        ArchitectureRules.noCyclesBetweenConcerns(PLANTED + ".acyclic"), planted("acyclic")))
                .isEmpty();
    }

    @Test
    void facadeRuleWhenAnInternalCallsItsFacadeThenFails() {
        List<String> found =
                ArchitectureRules.violations(ArchitectureRules.internalsNeverCallTheirFacade(), planted("facade"));

        assertThat(found)
                .singleElement()
                .asString()
                .contains(PLANTED + ".facade.internal.Engine uses its facade " + PLANTED + ".facade.Facade");
    }

    @Test
    void facadeRuleWhenAnInternalUsesOnlyThePackagesDataTypesThenHolds() {
        assertThat(ArchitectureRules.violations(ArchitectureRules.internalsNeverCallTheirFacade(), planted("facadeok")))
                .isEmpty();
    }

    @Test
    void layerRuleWhenALowerLayerUsesAHigherOneThenFails() {
        List<Set<String>> layers = List.of(
                Set.of(PLANTED + ".layers.low"),
                Set.of(PLANTED + ".layers.left", PLANTED + ".layers.right"),
                Set.of(PLANTED + ".layers.high"));

        List<String> found =
                ArchitectureRules.violations(ArchitectureRules.layersOnlyPointDown(layers), planted("layers"));

        assertThat(found).hasSize(2);
        assertThat(String.join("\n", found))
                .contains("layer " + PLANTED + ".layers.low uses higher layer " + PLANTED + ".layers.high")
                .contains("layer " + PLANTED + ".layers.left uses sibling layer " + PLANTED + ".layers.right")
                .doesNotContain("layers.high uses");
    }
}
