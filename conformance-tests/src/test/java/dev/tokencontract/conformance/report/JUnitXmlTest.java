package dev.tokencontract.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.suites.PropertyReport;
import dev.tokencontract.conformance.suites.SuiteResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlTest {
    private static final Instant AT = Instant.parse("2026-11-26T00:30:00Z");

    private static PropertyReport property(
            String name, PropertyReport.Status status, String counterexample, String reason) {
        return new PropertyReport(
                name, status, 10, 42L, counterexample, reason, "     10  100.0%  alg RS256\n", Duration.ofMillis(1500));
    }

    @Test
    void writeWhenEveryStatusThenParseableWithCountsAndElements() throws Exception {
        SuiteResult result = new SuiteResult(
                "consumer",
                "http://127.0.0.1:1/mcp",
                42L,
                List.of(
                        property("consumer accepts valid tokens", PropertyReport.Status.PASSED, null, null),
                        property(
                                "consumer rejects wrong-aud",
                                PropertyReport.Status.FAILED,
                                "{\"sub\":\"a\"}",
                                "accepted <aud> & \"other\""),
                        property("consumer rejects leave-enum", PropertyReport.Status.NOT_APPLICABLE, null, "no enum"),
                        property("consumer rejects opaque", PropertyReport.Status.COULD_NOT_RUN, null, "unreachable")));

        Document xml = parse(JUnitXml.write(List.of(result), AT));

        Element suites = xml.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getAttribute("tests")).isEqualTo("4");
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-26T00:30:00");
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("accepted <aud> & \"other\"");
        assertThat(failure.getTextContent()).contains("Shrunk counterexample: {\"sub\":\"a\"}", "--seed 42");
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(((Element) xml.getElementsByTagName("testcase").item(0)).getAttribute("time"))
                .isEqualTo("1.500");
    }

    @Test
    void writeWhenTextHasControlCharactersThenStillWellFormed() throws Exception {
        SuiteResult result = new SuiteResult(
                "producer",
                "cmd\u0000\u0007",
                1L,
                List.of(property("p\u0001", PropertyReport.Status.FAILED, "\u001b[31m\ud800", "bad\u0000")));

        Document xml = parse(JUnitXml.write(List.of(result), AT));

        assertThat(((Element) xml.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("bad\uFFFD");
    }

    private static Document parse(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
