package dev.tokencontract.uitests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * "Explain a token" in the browser: real RS256 tokens signed now, the public JWK set pasted, judged by the
 * registry's own endpoint against the bundled {@code mcp-access-token@1.0.0}.
 */
@ExtendWith(UiExtension.class)
class ExplainPageIT {
    static final String CONTRACT = "mcp-access-token";

    /** The contract's sample token, valid now: issued a minute ago, for an hour. */
    static TestTokens fresh() {
        long now = Instant.now().getEpochSecond();
        return TestTokens.mcp().claim("iat", now - 60).claim("nbf", now - 60).claim("exp", now + 3600);
    }

    @Test
    void explainWhenTheTokenConformsThenTheVerdictIsAcceptedAndTheClaimsAreVerified(UiSession ui) throws Exception {
        String token = fresh().signRsa();

        explain(ui, CONTRACT, token);

        assertThat(verdict(ui)).startsWith("ACCEPTED");
        JsonNode report = reportFromTheApi(ui, token);
        assertThat(report.path("verdict").asString()).isEqualTo("ACCEPTED");
        assertThat(shownFindings(ui)).containsExactlyElementsOf(findings(report));
        assertThat(findingRows(ui)).extracting(row -> cell(row, 1)).doesNotContain("ERROR");
        assertThat(ui.pages.all("#result pre[data-label]"))
                .extracting(pre -> pre.getAttribute("data-label"))
                .containsOnly("VERIFIED");
        assertThat(ui.pages.text()).contains("\"tenant_id\": \"acme\"");
        ui.driver.executeScript("document.getElementById('explain-verdict').scrollIntoView()");
        ui.pages.screenshot("explain-accepted");
        ui.pages.assertNothingRan();
    }

    @Test
    void explainWhenTheTokenDriftedThenEveryFindingOfTheReportIsShownAndClaimsAreUntrusted(UiSession ui)
            throws Exception {
        String token = fresh().without("tenant_id")
                .claim("tenantId", "acme")
                .claim("roles", "support")
                .signRsa();

        explain(ui, CONTRACT, token);

        assertThat(verdict(ui)).startsWith("REJECTED");
        JsonNode report = reportFromTheApi(ui, token);
        List<String> expected = report.path("findings")
                .valueStream()
                .map(f -> f.path("code").asString() + " " + f.path("pointer").asString(""))
                .toList();
        assertThat(expected).contains("CLAIM_MISSING /claims/tenant_id", "CLAIM_TYPE_MISMATCH /claims/roles");
        assertThat(findingRows(ui))
                .extracting(row -> cell(row, 0) + " " + cell(row, 2).replace("—", ""))
                .map(String::strip)
                .containsExactlyElementsOf(expected.stream().map(String::strip).toList());
        for (JsonNode finding : report.path("findings")) {
            assertThat(ui.pages.byId("result").getText())
                    .contains(finding.path("message").asString());
        }
        assertThat(ui.pages.all("#result pre[data-label]"))
                .extracting(pre -> pre.getAttribute("data-label"))
                .containsOnly("UNVERIFIED");
        assertThat(ui.pages.byId("result").getText()).contains("UNTRUSTED");
        ui.driver.executeScript("document.getElementById('explain-verdict').scrollIntoView()");
        ui.pages.screenshot("explain-rejected");
        ui.pages.assertNothingRan();
    }

    @Test
    void explainWhenTheTokenFieldIsEmptyThenThePageAsksForOneAndSendsNothing(UiSession ui) {
        ui.pages.open("/ui/explain");

        ui.driver.executeScript("document.getElementById('explain-token').removeAttribute('required')");
        ui.pages.byId("explain-submit").click();

        ui.pages.await(d -> d.findElement(By.id("explain-status")).getText().equals("Paste a token first."));
        assertThat(ui.pages.all("#explain-verdict")).isEmpty();
    }

    /** Fills the form as a person would (contract, version, issuer, audience, pasted JWKS) and submits it. */
    static void explain(UiSession ui, String contract, String token) {
        ui.pages.open("/ui/explain");
        ui.pages.byId("explain-token").sendKeys("Bearer " + token);
        new Select(ui.pages.byId("explain-contract")).selectByValue(contract);
        ui.pages.await(d ->
                new Select(d.findElement(By.id("explain-version"))).getOptions().size() > 1);
        new Select(ui.pages.byId("explain-version")).selectByValue("1.0.0");
        ui.pages.byId("explain-issuer").sendKeys(TestTokens.ISSUER);
        ui.pages.byId("explain-audience").sendKeys(TestTokens.AUDIENCE);
        ui.pages.byId("keys-pasted").click();
        ui.pages.byId("explain-jwks").sendKeys(TestKeys.publicJwks());
        ui.pages.byId("explain-submit").click();
        // done when a verdict is shown or the status says why not ("Explaining…" is still under way)
        ui.pages.await(d -> {
            String status = d.findElement(By.id("explain-status")).getText();
            return !d.findElements(By.id("explain-verdict")).isEmpty()
                    || !(status.isEmpty() || status.startsWith("Explaining"));
        });
    }

    static String verdict(UiSession ui) {
        List<WebElement> verdict = ui.pages.all("#explain-verdict");
        assertThat(verdict)
                .as("verdict shown; status: " + ui.pages.byId("explain-status").getText())
                .hasSize(1);
        return verdict.get(0).getText();
    }

    static List<WebElement> findingRows(UiSession ui) {
        return ui.pages.all("#result table.findings tbody tr");
    }

    /** Each finding of the page's table as "CODE POINTER". */
    private static List<String> shownFindings(UiSession ui) {
        return findingRows(ui).stream()
                .map(row -> (cell(row, 0) + " " + cell(row, 2).replace("—", "")).strip())
                .toList();
    }

    /** Each finding of a report as "CODE POINTER". */
    private static List<String> findings(JsonNode report) {
        return report.path("findings")
                .valueStream()
                .map(f -> (f.path("code").asString() + " " + f.path("pointer").asString("")).strip())
                .toList();
    }

    private static String cell(WebElement row, int index) {
        return row.findElements(By.tagName("td")).get(index).getText();
    }

    /** The same request the page sends, straight to POST /ui/api/explain: the report the page must show. */
    private static JsonNode reportFromTheApi(UiSession ui, String token) throws Exception {
        ObjectNode body = RegistryProcess.JSON.createObjectNode();
        body.put("token", token);
        body.putObject("contract").put("name", CONTRACT).put("version", "1.0.0");
        body.put("issuer", TestTokens.ISSUER);
        body.put("audience", TestTokens.AUDIENCE);
        body.put("jwks", TestKeys.publicJwks());
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ui.registry.url() + "/ui/api/explain"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return RegistryProcess.JSON.readTree(response.body());
    }
}
