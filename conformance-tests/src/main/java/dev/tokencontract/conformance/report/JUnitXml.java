package dev.tokencontract.conformance.report;

import dev.tokencontract.conformance.suites.PropertyReport;
import dev.tokencontract.conformance.suites.SuiteResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Suite results as JUnit XML (the Ant/Surefire format every CI reads): one {@code testsuite} per suite,
 * one {@code testcase} per property; a failed property is a {@code failure} holding the shrunk
 * counterexample, "could not run" an {@code error}, "not applicable" {@code skipped}. Text is stripped of
 * characters XML 1.0 cannot carry.
 */
public final class JUnitXml {
    private JUnitXml() {}

    /** The XML document for {@code results}, stamped {@code timestamp}. */
    public static String write(List<SuiteResult> results, Instant timestamp) {
        StringWriter out = new StringWriter();
        try {
            write(results, timestamp, out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Writes the document to {@code file} (UTF-8). */
    public static void write(List<SuiteResult> results, Instant timestamp, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(write(results, timestamp).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(List<SuiteResult> results, Instant timestamp, Writer target) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(target);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "tokencontract conform");
        xml.writeAttribute(
                "tests",
                String.valueOf(
                        results.stream().mapToInt(r -> r.properties().size()).sum()));
        xml.writeAttribute("failures", String.valueOf(count(results, PropertyReport.Status.FAILED)));
        xml.writeAttribute("errors", String.valueOf(count(results, PropertyReport.Status.COULD_NOT_RUN)));
        xml.writeAttribute("skipped", String.valueOf(count(results, PropertyReport.Status.NOT_APPLICABLE)));
        xml.writeAttribute(
                "time",
                seconds(results.stream()
                        .flatMap(r -> r.properties().stream())
                        .mapToLong(p -> p.elapsed().toNanos())
                        .sum()));
        for (SuiteResult result : results) {
            suite(xml, result, timestamp);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
    }

    private static void suite(XMLStreamWriter xml, SuiteResult result, Instant timestamp) throws XMLStreamException {
        List<SuiteResult> one = List.of(result);
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean("conform " + result.suite()));
        xml.writeAttribute("tests", String.valueOf(result.properties().size()));
        xml.writeAttribute("failures", String.valueOf(count(one, PropertyReport.Status.FAILED)));
        xml.writeAttribute("errors", String.valueOf(count(one, PropertyReport.Status.COULD_NOT_RUN)));
        xml.writeAttribute("skipped", String.valueOf(count(one, PropertyReport.Status.NOT_APPLICABLE)));
        xml.writeAttribute(
                "time",
                seconds(result.properties().stream()
                        .mapToLong(p -> p.elapsed().toNanos())
                        .sum()));
        xml.writeAttribute(
                "timestamp",
                timestamp.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
        xml.writeAttribute("hostname", "localhost");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "subject", result.subject());
        property(xml, "seed", String.valueOf(result.seed()));
        xml.writeEndElement();
        for (PropertyReport property : result.properties()) {
            testcase(xml, result.suite(), property);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, String suite, PropertyReport property) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "tokencontract.conform." + suite);
        xml.writeAttribute("name", clean(property.name()));
        xml.writeAttribute("time", seconds(property.elapsed().toNanos()));
        switch (property.status()) {
            case FAILED -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", clean(property.reason()));
                xml.writeAttribute("type", "PropertyFailed");
                xml.writeCharacters(clean("Shrunk counterexample: " + property.counterexample() + "\nReason: "
                        + property.reason() + "\nReplay: --seed " + property.seed() + "\nCoverage over "
                        + property.tries() + " tries:\n" + property.coverage()));
                xml.writeEndElement();
            }
            case COULD_NOT_RUN -> {
                xml.writeStartElement("error");
                xml.writeAttribute("message", clean(property.reason()));
                xml.writeAttribute("type", "CouldNotRun");
                xml.writeEndElement();
            }
            case NOT_APPLICABLE -> {
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", clean("not applicable: " + property.reason()));
                xml.writeEndElement();
            }
            case PASSED -> {
                xml.writeStartElement("system-out");
                xml.writeCharacters(
                        clean(property.tries() + " tries, seed " + property.seed() + "\n" + property.coverage()));
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    private static long count(List<SuiteResult> results, PropertyReport.Status status) {
        return results.stream()
                .flatMap(r -> r.properties().stream())
                .filter(p -> p.status() == status)
                .count();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** Drops characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed =
                    c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (allowed) {
                out.append(c);
            } else {
                out.append('\uFFFD');
            }
        }
        return out.toString();
    }
}
