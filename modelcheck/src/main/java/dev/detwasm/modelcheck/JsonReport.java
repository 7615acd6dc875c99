package dev.detwasm.modelcheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detwasm.host.spi.DecisionKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report of a check as JSON ({@code --report FILE.json}), for tools. Outputs are strings
 * decoded as UTF-8 (what a terminal would show); traces are arrays of integers. Every field but
 * {@code timing} is the same for any number of workers. Each entry of {@code failures} is a
 * finding: the failing runs of one signature, shown by the simplest ({@code run}, {@code trace},
 * output); format 2 made them so (format 1 had one entry per distinct failing trace).
 */
public final class JsonReport {
    /** Bumped when a field changes meaning or goes away. */
    static final int FORMAT_VERSION = 2;

    private final ObjectMapper mapper =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The report as a JSON tree. */
    public ObjectNode toJson(CheckReport report, int jobs) {
        return toJson(report, jobs, List.of());
    }

    /**
     * The report as a JSON tree; the i-th failure gets the i-th of {@code explained} as {@code
     * minimized} and {@code explanation}, and keeps its trace and command as found.
     */
    public ObjectNode toJson(CheckReport report, int jobs, List<ExplainedFinding> explained) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT_VERSION);
        root.put("module", report.module());
        root.set("settings", settings(report.settings()));
        root.put("runs", report.runs());
        root.put("distinct_runs", report.distinctRuns());
        root.put("distinct_outcomes", report.distinctOutcomes());
        root.put("distinct_failures", report.distinctFailures());
        root.put("exhaustive", report.exhaustive());
        root.put("cut_off", report.cutOff());
        ArrayNode bounds = root.putArray("bounded_by");
        for (Bound b : report.bounds()) {
            bounds.add(b.cliName());
        }
        if (report.frontier() == Strategy.UNKNOWN) {
            root.putNull("frontier");
        } else {
            root.put("frontier", report.frontier());
        }
        root.put("failed", report.failed());
        root.put("exit_code", report.exitCode());
        root.put("verdict", TextReport.verdict(report));

        ArrayNode outcomes = root.putArray("outcomes");
        for (DistinctOutcome o : report.outcomes()) {
            ObjectNode node = outcomes.addObject();
            node.put("kind", FailingRun.kindName(o.kind()));
            node.put("exit_code", o.exitCode());
            node.put("stdout", text(o.stdout()));
            node.put("runs", o.runs());
            node.put("first_run", o.firstRun());
            trace(node, "first_trace", o.firstTrace());
        }

        root.put("failing_runs", report.failingRuns());
        ArrayNode failures = root.putArray("failures");
        int index = 0;
        for (FailingRun f : report.failures()) {
            ObjectNode node = failures.addObject();
            node.put("kind", f.kind());
            node.put("exit_code", f.termination().exitCode());
            node.put("thread", f.termination().thread());
            node.put("message", f.termination().message());
            node.put("location", f.location());
            node.put("description", f.description());
            node.put("runs", f.occurrences());
            node.put("first_run", f.firstRun());
            node.put("found_by", f.foundBy());
            node.put("run", f.run());
            node.put("preemptions", f.preemptions());
            trace(node, "trace", f.trace());
            node.put("command", f.command());
            node.put("stdout", text(f.stdout()));
            node.put("stderr", text(f.stderr()));
            if (index < explained.size()) {
                ExplanationJson.add(node, explained.get(index));
            }
            index++;
        }

        ObjectNode mustReach = root.putObject("must_reach");
        ArrayNode reached = mustReach.putArray("reached");
        for (ReachedSite site : report.reachedSites()) {
            ObjectNode node = reached.addObject();
            node.put("site", site.site());
            node.put("runs", site.runs());
            node.put("first_run", site.firstRun());
        }
        ArrayNode declared = mustReach.putArray("declared");
        report.settings().mustReach().forEach(declared::add);
        ArrayNode unreached = mustReach.putArray("unreached");
        report.unreachedDeclarations().forEach(d -> unreached.add(d.text()));

        ObjectNode timing = root.putObject("timing");
        timing.put("seconds", report.elapsed().toNanos() / 1e9);
        timing.put("runs_per_second", report.runsPerSecond());
        timing.put("jobs", jobs);
        report.shard().ifPresent(ledger -> ledger.addTo(root));
        return root;
    }

    /** The report as JSON text, ending with a newline. */
    public String render(CheckReport report, int jobs) {
        return render(report, jobs, List.of());
    }

    /** The report as JSON text with failures explained, ending with a newline. */
    public String render(CheckReport report, int jobs, List<ExplainedFinding> explained) {
        return text(toJson(report, jobs, explained));
    }

    /** A report's JSON tree as text, ending with a newline. */
    public String text(ObjectNode root) {
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Writes the report to {@code file}. */
    public void write(CheckReport report, int jobs, Path file) throws IOException {
        write(report, jobs, List.of(), file);
    }

    /** Writes the report with failures explained to {@code file}. */
    public void write(
            CheckReport report, int jobs, List<ExplainedFinding> explained, Path file)
            throws IOException {
        Files.writeString(file, render(report, jobs, explained), StandardCharsets.UTF_8);
    }

    private ObjectNode settings(CheckSettings s) {
        ObjectNode node = mapper.createObjectNode();
        node.put("strategy", s.strategy());
        ArrayNode kinds = node.putArray("decisions");
        for (DecisionKind k : s.decisions()) {
            kinds.add(k.cliName());
        }
        limit(node, "max_runs", s.maxRuns());
        limit(node, "max_decisions", s.maxDecisions());
        limit(node, "preemption_bound", s.preemptionBound());
        node.put("time_limit", CheckSettings.durationText(s.timeLimit()));
        node.put("stop_on_first", s.stopOnFirst());
        ObjectNode options = node.putObject("strategy_options");
        s.strategyOptions().forEach(options::put);
        node.put("require_exhaustive", s.requireExhaustive());
        return node;
    }

    /** A limit as a number, or null when there is none. */
    private static void limit(ObjectNode node, String name, long value) {
        if (value == CheckSettings.UNLIMITED) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private static void trace(ObjectNode node, String name, List<Integer> trace) {
        ArrayNode array = node.putArray(name);
        trace.forEach(array::add);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
