package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.suites.ContractCounterexamples;
import dev.tokencontract.registry.RegistryLimits;
import java.time.Duration;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The compare page over a registry with the conformance kit's counterexample search: a widening (published with the
 * acknowledgement) and a consumer-breaking version (published while the mode was NONE, then the mode set back).
 */
class UiComparePageTest {
    private static Registry registry;

    @BeforeAll
    static void start() {
        // a generous search budget: the machine may be busy, and the page must show the claim set
        registry = Registry.start(b -> b.counterexamples(ContractCounterexamples.standard())
                .limits(RegistryLimits.defaults().withSearchBudget(Duration.ofSeconds(30))));
        UiPages.assertStatus(registry.publish(Contracts.of("identity.crm", "1.0.0")), 201);
        UiPages.assertStatus(mode("identity.crm", "NONE"), 200);
        UiPages.assertStatus(registry.publish(Contracts.withRole("identity.crm", "1.1.0", "admin")), 201);
        UiPages.assertStatus(registry.publish(Contracts.requiringTenant("identity.crm", "2.0.0")), 201);
        UiPages.assertStatus(mode("identity.crm", "FULL_TRANSITIVE"), 200);
        UiPages.assertStatus(registry.publish(Contracts.of("identity.wide", "1.0.0")), 201);
        UiPages.assertStatus(mode("identity.wide", "BACKWARD"), 200);
        UiPages.assertStatus(
                registry.post(
                        "/contracts/identity.wide/versions?acknowledge=authorization-widening",
                        Contracts.withRole("identity.wide", "1.1.0", "admin"),
                        Tokens.admin()),
                201);
    }

    private static Registry.Response mode(String name, String mode) {
        return registry.put("/contracts/" + name + "/config", "{\"mode\":\"" + mode + "\"}", Tokens.admin());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void compareWhenRoleAddedThenWideningAndProducerBreakingBadgesAndRefused() {
        Document page = UiPages.page(registry, "/ui/contracts/identity.crm/compare?from=1.0.0&to=1.1.0", 200);
        Element widening = page.select("#changes-table tbody tr").stream()
                .filter(r -> !r.select(".badge.authorization-widening").isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(widening.select(".badge").eachText())
                .containsExactly("producer-breaking", "authorization-widening", "refused");
        assertThat(widening.select("td").get(2).text()).isEqualTo("/properties/roles/items/enum");
        assertThat(widening.select("td").get(3).text()).contains("→").contains("admin");
        assertThat(page.select("#mode").text()).isEqualTo("FULL_TRANSITIVE");
        assertThat(page.select("#verdict-text").hasClass("fail")).isTrue();
        assertThat(page.select("#verdict-text").text()).startsWith("No: FULL_TRANSITIVE refuses");
        assertThat(page.text()).doesNotContain("It would pass with");
        assertThat(page.select("#from option[selected]").val()).isEqualTo("1.0.0");
        assertThat(page.select("#to option[selected]").val()).isEqualTo("1.1.0");
        assertThat(page.select("label[for=from]")).hasSize(1);
        assertThat(page.select("label[for=to]")).hasSize(1);
        UiPages.assertInert(page);
    }

    @Test
    void compareWhenOnlyWideningRefusedThenPageSaysTheAcknowledgementWouldPassIt() {
        Document page = UiPages.page(registry, "/ui/contracts/identity.wide/compare?from=1.0.0&to=1.1.0", 200);
        assertThat(page.select("#mode").text()).isEqualTo("BACKWARD");
        assertThat(page.select("#changes-table .badge.authorization-widening")).isNotEmpty();
        assertThat(page.select("#verdict-text").text()).startsWith("No: BACKWARD refuses 1 change(s)");
        assertThat(page.text()).contains("It would pass with ?acknowledge=authorization-widening");
    }

    @Test
    void compareWhenClaimRequiredThenConsumerBreakingBadgeRefusedAndACounterexampleClaimSet() throws Exception {
        Document page = UiPages.page(registry, "/ui/contracts/identity.crm/compare?from=1.1.0&to=2.0.0", 200);
        Element required = page.select("#changes-table tbody tr").stream()
                .filter(r -> r.select("td").get(1).text().startsWith("required-added"))
                .findFirst()
                .orElseThrow();
        assertThat(required.select(".badge").eachText()).contains("consumer-breaking", "refused");
        assertThat(required.select("td").get(2).text()).isEqualTo("/required");
        assertThat(page.select("#verdict-text").text()).startsWith("No:").contains("1.0.0, 1.1.0");
        assertThat(page.select("#refused-table tbody tr")).isNotEmpty();
        Element counterexample = page.selectFirst("section.counterexample");
        assertThat(counterexample).isNotNull();
        assertThat(counterexample.selectFirst("h3").text()).contains("consumer-breaking");
        JsonNode claims =
                Registry.JSON.readTree(counterexample.selectFirst("pre.claims").text());
        // a concrete claim set: the old version accepts it, the new one rejects it
        String older = registry.get("/contracts/identity.crm/versions/1.0.0").body();
        String newer = registry.get("/contracts/identity.crm/versions/2.0.0").body();
        assertThat(dev.tokencontract.contract.Contracts.parse(older).check(claims, ""))
                .isEmpty();
        assertThat(dev.tokencontract.contract.Contracts.parse(newer).check(claims, ""))
                .isNotEmpty();
    }

    @Test
    void compareWhenNoVersionsGivenThenPreviousAgainstLatest() {
        Document page = UiPages.page(registry, "/ui/contracts/identity.crm/compare", 200);
        assertThat(page.select("#from option[selected]").val()).isEqualTo("1.1.0");
        assertThat(page.select("#to option[selected]").val()).isEqualTo("2.0.0");
    }

    @Test
    void compareWhenSameVersionThenNoChangesAndVerdictStillShown() {
        Document page = UiPages.page(registry, "/ui/contracts/identity.crm/compare?from=1.0.0&to=1.0.0", 200);
        assertThat(page.select("#changes-table")).isEmpty();
        assertThat(page.select("#verdict-text").text()).startsWith("Yes: 1.0.0 passes FULL_TRANSITIVE");
    }

    @Test
    void compareWhenRangeOrGarbageGivenThenHtml400() {
        assertThat(UiPages.page(registry, "/ui/contracts/identity.crm/compare?from=%5E1&to=2.0.0", 400)
                        .select("p.error")
                        .text())
                .contains("exact versions");
    }
}
