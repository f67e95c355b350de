package dev.tokencontract.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundary rules over every module's main classes, with no exemptions (docs/architecture.md). */
class ArchitectureTest {
    /** validator-lib's concerns, lowest first (docs/architecture.md). */
    static final List<Set<String>> VALIDATOR_LIB_LAYERS = List.of(
            Set.of("dev.tokencontract.finding"),
            Set.of("dev.tokencontract.json"),
            Set.of("dev.tokencontract.contract"),
            Set.of("dev.tokencontract.validator"),
            Set.of("dev.tokencontract.compat", "dev.tokencontract.idp", "dev.tokencontract.registry.client"),
            Set.of("dev.tokencontract.lock"));

    private static ProjectModules project;

    @BeforeAll
    static void importProject() {
        project = ProjectModules.importFrom(ProjectModules.repositoryRoot());
    }

    @Test
    void importWhenRunThenSeesEveryModule() {
        assertThat(project.modules())
                .contains(
                        "validator-lib",
                        "conformance-tests",
                        "registry-server",
                        "mcp-integration",
                        "cli",
                        "maven-plugin",
                        "benchmarks",
                        "examples/legacy-login",
                        "examples/crm-mcp-server",
                        "examples/agent");
        assertThat(project.classes().containPackage("dev.tokencontract.lock.internal"))
                .isTrue();
    }

    @Test
    void modulesWhenCheckedThenNoneReadsAnotherModulesInternals() {
        ArchitectureRules.noModuleReadsAnotherModulesInternals(project.moduleOf())
                .check(project.classes());
    }

    @Test
    void concernsWhenCheckedThenNoneReadsAnothersInternals() {
        ArchitectureRules.internalsReadOnlyByTheirOwnConcern().check(project.classes());
    }

    @Test
    void packagesWhenCheckedThenFormNoCycle() {
        ArchitectureRules.noCyclesBetweenConcerns("dev.tokencontract").check(project.classes());
    }

    @Test
    void internalsWhenCheckedThenNeverCallTheirFacade() {
        ArchitectureRules.internalsNeverCallTheirFacade().check(project.classes());
    }

    @Test
    void validatorLibLayersWhenCheckedThenOnlyPointDown() {
        ArchitectureRules.layersOnlyPointDown(VALIDATOR_LIB_LAYERS).check(project.classes());
    }
}
