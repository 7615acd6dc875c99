package dev.detwasm.modelcheck;

import dev.detwasm.host.TraceText;
import dev.detwasm.host.spi.DecisionKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The human summary of a check, for stdout: the {@link #summary}, the {@link #timing} line, and
 * last the {@link #verdict}, which says whether a failure was found and, when none was, whether
 * that covers every run or how the exploration was cut short. All but the timing line is the
 * same on every machine and for any number of workers, so golden tests compare it.
 */
public final class TextReport {
    /** A failing run's output is shown up to this many lines per stream; the JSON has it all. */
    static final int MAX_OUTPUT_LINES = 40;

    /** Failing runs shown in full; the JSON report has them all. */
    static final int MAX_FAILURES_SHOWN = 20;

    /** An outcome's stdout is quoted up to this many characters. */
    static final int MAX_OUTCOME_CHARS = 200;

    private TextReport() {}

    /** The summary, then the timing line after a blank line, then the verdict. */
    public static String render(CheckReport report, int jobs) {
        return render(report, jobs, List.of());
    }

    /**
     * The summary with each failing run shown as {@code explained} has it (the i-th entry
     * explains the i-th failure; failures beyond it are shown as found), then the timing line,
     * then the verdict.
     */
    public static String render(CheckReport report, int jobs, List<ExplainedFinding> explained) {
        return summary(report, explained) + "\n" + timing(report, jobs) + verdict(report) + "\n";
    }

    /**
     * One line: what was found, and for an exploration without failure whether it covered
     * every run; "no failure found" must never read like "verified" when it did not.
     */
    public static String verdict(CheckReport report) {
        if (!report.failures().isEmpty()) {
            FailingRun first = report.failures().stream()
                    .min(java.util.Comparator.comparingLong(FailingRun::firstRun)).orElseThrow();
            return "FAILED: " + count(report.failingRuns(), "failing run") + " of "
                    + report.runs() + ", " + count(report.distinctFailures(), "distinct failure")
                    + "; the first at run #" + first.firstRun() + ", found by " + first.foundBy();
        }
        if (!report.unreachedDeclarations().isEmpty()) {
            return "FAILED: " + report.unreachedDeclarations().size()
                    + " declared must_reach site" + (report.unreachedDeclarations().size() == 1
                            ? " was" : "s were")
                    + " not reached in " + count(report.runs(), "run")
                    + (report.exhaustive() ? " (exhaustive)" : " (NOT exhaustive: cut short by "
                            + cutBy(report) + ")");
        }
        if (report.exhaustive()) {
            return "no failure in " + count(report.runs(), "run")
                    + ", exhaustive: every run of the tree of decisions was made";
        }
        return "no failure found in " + count(report.runs(), "run")
                + ", but NOT exhaustive: cut short by " + cutBy(report)
                + "; runs not made may fail";
    }

    /** The bounds that cut the exploration short, each with its value and what it left out. */
    private static String cutBy(CheckReport report) {
        List<String> parts = new ArrayList<>();
        for (Bound b : report.bounds()) {
            String value = report.settings().valueOf(b);
            String part = value.isEmpty() ? b.cliName() : b.cliName() + " " + value;
            parts.add(part + switch (b) {
                case MAX_RUNS, TIME_LIMIT, INTERRUPTED -> report.frontier() > 0
                        ? " (at least " + count(report.frontier(), "run") + " left unexplored)"
                        : "";
                case PREEMPTION_BOUND -> " (runs with more preemptions not made)";
                case MAX_DECISIONS -> " (later decisions of a run took option 0)";
                case STOP_ON_FIRST -> "";
            });
        }
        return String.join(", ", parts);
    }

    /** Everything but the timing. */
    public static String summary(CheckReport report) {
        return summary(report, List.of());
    }

    /** Everything but the timing, failures explained as in {@link #render(CheckReport, int, List)}. */
    public static String summary(CheckReport report, List<ExplainedFinding> explained) {
        StringBuilder out = new StringBuilder();
        CheckSettings s = report.settings();
        out.append("check ").append(report.module())
                .append(": strategy ").append(s.strategy())
                .append(", decisions ").append(kinds(s));
        if (s.decisions().contains(DecisionKind.SCHEDULE)) {
            out.append(", preemption bound ").append(s.valueOf(Bound.PREEMPTION_BOUND));
        }
        out.append('\n');
        out.append("runs: ").append(report.runs())
                .append(" (").append(report.distinctRuns()).append(" distinct)")
                .append(", outcomes: ").append(report.distinctOutcomes())
                .append(", failing runs: ").append(report.failingRuns());
        if (report.failingRuns() > 0) {
            out.append(" (").append(report.distinctFailures()).append(" distinct)");
        }
        out.append('\n');
        out.append("exploration: ").append(completeness(report)).append('\n');

        if (!report.outcomes().isEmpty()) {
            out.append('\n').append("outcomes:\n");
        }
        int n = 0;
        for (DistinctOutcome o : report.outcomes()) {
            out.append("  ").append(++n).append(". ").append(ending(o)).append(", ")
                    .append(count(o.runs(), "run")).append(", first run #").append(o.firstRun())
                    .append(" (trace ").append(trace(o.firstTrace())).append("), stdout ")
                    .append(quoted(o.stdout())).append('\n');
        }
        if (report.distinctOutcomes() > report.outcomes().size()) {
            out.append("  ... and ").append(report.distinctOutcomes() - report.outcomes().size())
                    .append(" more, only counted\n");
        }

        n = 0;
        Map<List<Integer>, Integer> firstWithTrace = new HashMap<>();
        for (FailingRun found : report.failures()) {
            // an explained failure is shown as minimized
            FailingRun f = n < explained.size() ? explained.get(n).shown() : found;
            if (n == MAX_FAILURES_SHOWN) {
                out.append('\n').append("... and ")
                        .append(report.distinctFailures() - MAX_FAILURES_SHOWN)
                        .append(" more distinct failures: --report FILE.json lists ")
                        .append(report.distinctFailures() > report.failures().size()
                                ? "the first " + report.failures().size() : "them all")
                        .append('\n');
                break;
            }
            // the group as found; the trace and command are the minimized run's when explained
            out.append('\n').append("failure ").append(++n).append(": ")
                    .append(f.description()).append('\n');
            out.append("  ").append(count(found.occurrences(), "run")).append(", first run #")
                    .append(found.firstRun()).append(" (found by ").append(found.foundBy())
                    .append("); simplest: run #").append(found.run()).append(", ")
                    .append(count(found.preemptions(), "preemption")).append(", ")
                    .append(count(found.trace().size(), "decision")).append('\n');
            if (n <= explained.size()) {
                FindingText.reproduction(out, explained.get(n - 1));
            } else {
                out.append("  trace: ").append(trace(f.trace())).append('\n');
                out.append("  reproduce: ").append(f.command()).append('\n');
            }
            output(out, "stdout", f.stdout());
            output(out, "stderr", f.stderr());
            if (n <= explained.size()) {
                Integer same = firstWithTrace.putIfAbsent(f.trace(), n);
                if (same == null) {
                    FindingText.account(out, explained.get(n - 1));
                } else {
                    out.append("  minimized: the same run as failure ").append(same).append('\n');
                }
            }
        }

        if (!report.reachedSites().isEmpty() || !s.mustReach().isEmpty()) {
            out.append('\n').append("must_reach: ")
                    .append(count(report.reachedSites().size(), "site")).append(" reached");
            if (!s.mustReach().isEmpty()) {
                out.append(", ").append(report.unreachedDeclarations().size()).append(" of ")
                        .append(s.mustReach().size()).append(" declared not reached");
            }
            out.append('\n');
            for (ReachedSite site : report.reachedSites()) {
                out.append("  reached ").append(site.site()).append(" in ")
                        .append(count(site.runs(), "run"))
                        .append(" (first run #").append(site.firstRun()).append(")\n");
            }
            for (SiteDeclaration d : report.unreachedDeclarations()) {
                out.append("  NOT REACHED ").append(d.text()).append(" (declared with --must-reach)")
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** The line that depends on the machine: time, workers, runs per second. */
    public static String timing(CheckReport report, int jobs) {
        return String.format(
                Locale.ROOT,
                "time: %.2f s, %s, %.1f runs/s%n",
                report.elapsed().toNanos() / 1e9,
                count(jobs, "job"),
                report.runsPerSecond());
    }

    /** "exhaustive", or "bounded by ..." naming each bound with its value. */
    static String completeness(CheckReport report) {
        if (report.exhaustive()) {
            return "exhaustive";
        }
        List<String> bounds = new ArrayList<>();
        for (Bound b : report.bounds()) {
            String value = report.settings().valueOf(b);
            bounds.add(value.isEmpty() ? b.cliName() : b.cliName() + " " + value);
        }
        return "bounded by " + String.join(", ", bounds)
                + (report.cutOff() ? " (the run going then was cut off, not counted)" : "");
    }

    private static String kinds(CheckSettings s) {
        return s.decisions().isEmpty()
                ? "none"
                : s.decisions().stream().map(DecisionKind::cliName)
                        .collect(Collectors.joining(","));
    }

    private static String ending(DistinctOutcome o) {
        return switch (o.kind()) {
            case EXIT -> "exit " + o.exitCode();
            default -> FailingRun.kindName(o.kind()) + " (exit " + o.exitCode() + ")";
        };
    }

    /** A trace as {@code --trace} takes it, long repeats compressed: {@code 0*40,1,0}. */
    static String trace(List<Integer> trace) {
        return trace.isEmpty() ? "(none)" : TraceText.format(trace);
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void output(StringBuilder out, String name, byte[] bytes) {
        if (bytes.length == 0) {
            out.append("  ").append(name).append(": (empty)\n");
            return;
        }
        out.append("  ").append(name).append(":\n");
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean endsWithNewline = text.endsWith("\n");
        String[] lines = (endsWithNewline ? text.substring(0, text.length() - 1) : text)
                .split("\n", -1);
        int shown = Math.min(lines.length, MAX_OUTPUT_LINES);
        for (int i = 0; i < shown; i++) {
            out.append("    | ").append(lines[i]).append('\n');
        }
        if (shown < lines.length) {
            out.append("    ... ").append(lines.length - shown).append(" more lines\n");
        }
        if (!endsWithNewline) {
            out.append("    (no newline at end)\n");
        }
    }

    /** {@code bytes} as one quoted line, escaped, cut at {@value #MAX_OUTCOME_CHARS} chars. */
    static String quoted(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder q = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < text.length(); i++) {
            if (shown++ == MAX_OUTCOME_CHARS) {
                return q.append("\"... (").append(bytes.length).append(" bytes)").toString();
            }
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        q.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
