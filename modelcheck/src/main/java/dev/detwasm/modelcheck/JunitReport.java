package dev.detwasm.modelcheck;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The report of a check as JUnit XML ({@code --junit FILE.xml}), the format CI systems read:
 * one test suite for the module whose properties say whether the exploration was exhaustive and
 * what bounded it; a test case {@code exploration} (the summary, ending with the verdict), which
 * fails under {@code --require-exhaustive} when a bound cut the exploration short; one failing
 * test case per distinct failure (its simplest trace, reproduction command and output); and one
 * test case per {@code --must-reach} declaration, failing when no run reached it.
 */
public final class JunitReport {
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /** The report as a JUnit XML document. */
    public String render(CheckReport report) {
        StringWriter text = new StringWriter();
        try {
            write(report, text);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return text.toString();
    }

    /** Writes the report to {@code file}. */
    public void write(CheckReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    private void write(CheckReport report, Writer target) throws XMLStreamException {
        String suite = "detwasm check " + report.module();
        String className = "detwasm.check." + report.module();
        int tests = 1 + report.failures().size() + report.settings().mustReach().size();
        boolean cutShort =
                report.settings().requireExhaustive() && !report.exhaustive() && !report.failed();
        int failures =
                report.failures().size() + report.unreachedDeclarations().size()
                        + (cutShort ? 1 : 0);
        String time = String.format(Locale.ROOT, "%.3f", report.elapsed().toNanos() / 1e9);

        XMLStreamWriter xml = factory.createXMLStreamWriter(target);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "detwasm check");
        xml.writeAttribute("tests", String.valueOf(tests));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("time", time);
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(suite));
        xml.writeAttribute("tests", String.valueOf(tests));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", time);
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "exhaustive", String.valueOf(report.exhaustive()));
        property(xml, "bounded_by", String.join(",",
                report.bounds().stream().map(Bound::cliName).toList()));
        property(xml, "runs", String.valueOf(report.runs()));
        property(xml, "verdict", clean(TextReport.verdict(report)));
        xml.writeCharacters("\n    ");
        xml.writeEndElement();

        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", "exploration");
        xml.writeAttribute("classname", clean(className));
        xml.writeAttribute("time", time);
        if (cutShort) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "not-exhaustive");
            xml.writeAttribute("message", clean(TextReport.verdict(report)));
            xml.writeEndElement();
        }
        element(xml, "system-out", TextReport.summary(report) + "\n" + TextReport.verdict(report)
                + "\n");
        xml.writeEndElement();

        int n = 0;
        for (FailingRun f : report.failures()) {
            int thread = f.termination().thread();
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", "failure " + ++n + ": " + f.kind()
                    + (thread < 0 ? "" : " in thread " + thread));
            xml.writeAttribute("classname", clean(className));
            xml.writeCharacters("\n      ");
            xml.writeStartElement("failure");
            xml.writeAttribute("type", f.kind());
            xml.writeAttribute("message", clean(f.description()));
            xml.writeCharacters(
                    clean("trace: " + TextReport.trace(f.trace()) + "\nreproduce: " + f.command()
                            + "\n"));
            xml.writeEndElement();
            element(xml, "system-out", new String(f.stdout(), StandardCharsets.UTF_8));
            element(xml, "system-err", new String(f.stderr(), StandardCharsets.UTF_8));
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
        }

        for (String declared : report.settings().mustReach()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", clean("must_reach " + declared));
            xml.writeAttribute("classname", clean(className));
            boolean unreached =
                    report.unreachedDeclarations().stream()
                            .anyMatch(d -> d.text().equals(declared));
            if (unreached) {
                xml.writeStartElement("failure");
                xml.writeAttribute("type", "must_reach");
                xml.writeAttribute(
                        "message",
                        clean("no run of " + report.runs() + " reached " + declared));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
    }

    private static void property(XMLStreamWriter xml, String name, String value)
            throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static void element(XMLStreamWriter xml, String name, String text)
            throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /**
     * {@code text} with the characters XML 1.0 cannot carry, even escaped (most control
     * characters, lone surrogates), replaced by U+FFFD.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean allowed =
                    c == 0x9 || c == 0xA || c == 0xD
                            || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || (c >= 0x10000 && c <= 0x10FFFF);
            out.appendCodePoint(allowed ? c : 0xFFFD);
            i += Character.charCount(c);
        }
        return out.toString();
    }
}
