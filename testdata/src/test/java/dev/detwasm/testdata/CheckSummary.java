package dev.detwasm.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text report of {@code detwasm check}, read back: the summary (everything the golden files
 * hold), the timing line, and the parts the tests look into, the outcome lines, the failures
 * and the verdict.
 *
 * @param summary the report without its timing line: up to the blank line before it, then the
 *     verdict line after it
 * @param timing the timing line, without its newline
 */
record CheckSummary(String summary, String timing) {
    /** "time: 0.56 s, 1 job, 7.1 runs/s": the line that depends on the machine. */
    static final Pattern TIMING =
            Pattern.compile("time: \\d+\\.\\d\\d s, (\\d+) jobs?, \\d+\\.\\d runs/s");

    private static final Pattern RUNS = Pattern.compile("runs: (\\d+) \\((\\d+) distinct\\),"
            + " outcomes: \\d+, failing runs: \\d+(?: \\((\\d+) distinct\\))?");
    private static final Pattern FAILURE = Pattern.compile("failure \\d+: (.*)");
    private static final Pattern FAILURE_RUNS = Pattern.compile(
            "  (\\d+) runs?, first run #\\d+ \\(found by [a-z0-9 ]+\\); simplest: run #(\\d+),"
                    + " \\d+ preemptions?, \\d+ decisions?");
    private static final Pattern OUTCOME = Pattern.compile(
            "  \\d+\\. (.+), (\\d+) runs?, first run #\\d+ \\(trace [^)]*\\), stdout (\".*)");

    /** One failure as the report shows it: its description, count, and simplest run. */
    record Failure(long run, long runs, String description, String trace, String command,
            String stdout, String stderr) {}

    /** One line of the outcomes: how the runs ended, how many, and their stdout as quoted. */
    record Outcome(String ending, long runs, String stdout) {}

    /**
     * Splits a report into its summary and timing line.
     *
     * @throws IllegalArgumentException when it does not end with a blank line, a timing line and
     *     the verdict
     */
    static CheckSummary of(String report) {
        int blank = report.lastIndexOf("\n\n");
        int verdict = report.lastIndexOf('\n', report.length() - 2);
        if (blank < 0 || verdict <= blank + 1 || !report.endsWith("\n")) {
            throw new IllegalArgumentException("no timing line and verdict at the end of:\n" + report);
        }
        String timing = report.substring(blank + 2, verdict);
        if (!TIMING.matcher(timing).matches()) {
            throw new IllegalArgumentException("not a timing line: " + timing);
        }
        return new CheckSummary(report.substring(0, blank + 2) + report.substring(verdict + 1), timing);
    }

    /** The last line: what was found, and whether the exploration was exhaustive. */
    String verdict() {
        String[] lines = summary.split("\n");
        return lines[lines.length - 1];
    }

    /** How many jobs the timing line names. */
    int jobs() {
        Matcher m = TIMING.matcher(timing);
        if (!m.matches()) {
            throw new IllegalStateException(timing);
        }
        return Integer.parseInt(m.group(1));
    }

    /** How many runs were made. */
    long runs() {
        return Long.parseLong(runsLine().group(1));
    }

    /** How many different runs (traces) were made. */
    long distinctRuns() {
        return Long.parseLong(runsLine().group(2));
    }

    /** How many different failing runs were made. */
    long distinctFailures() {
        String failures = runsLine().group(3);
        return failures == null ? 0 : Long.parseLong(failures);
    }

    private Matcher runsLine() {
        Matcher m = RUNS.matcher("runs: " + line("runs: "));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a runs line: runs: " + line("runs: "));
        }
        return m;
    }

    /** The line starting with {@code prefix}, e.g. "runs: ", without the prefix. */
    String line(String prefix) {
        for (String line : summary.split("\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new IllegalArgumentException("no line '" + prefix + "...' in:\n" + summary);
    }

    List<Outcome> outcomes() {
        List<Outcome> outcomes = new ArrayList<>();
        for (String line : summary.split("\n")) {
            Matcher m = OUTCOME.matcher(line);
            if (m.matches()) {
                outcomes.add(new Outcome(m.group(1), Long.parseLong(m.group(2)), m.group(3)));
            }
        }
        return outcomes;
    }

    /** The failures shown, with the stdout and stderr of their simplest run as it printed them. */
    List<Failure> failures() {
        List<Failure> failures = new ArrayList<>();
        String[] lines = summary.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FAILURE.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            Matcher runs = FAILURE_RUNS.matcher(lines[++i]);
            if (!runs.matches()) {
                throw new IllegalArgumentException("not the runs of a failure: " + lines[i]);
            }
            String trace = field(lines[++i], "  trace: ");
            String command = field(lines[++i], "  reproduce: ");
            StringBuilder stdout = new StringBuilder();
            i = output(lines, i + 1, "stdout", stdout);
            StringBuilder stderr = new StringBuilder();
            i = output(lines, i, "stderr", stderr) - 1;
            failures.add(new Failure(Long.parseLong(runs.group(2)), Long.parseLong(runs.group(1)),
                    m.group(1), trace, command, stdout.toString(), stderr.toString()));
        }
        return failures;
    }

    private static String field(String line, String prefix) {
        if (!line.startsWith(prefix)) {
            throw new IllegalArgumentException("expected '" + prefix + "...', got: " + line);
        }
        return line.substring(prefix.length());
    }

    /**
     * Reads the block of one output stream starting at {@code lines[at]} into {@code text}
     * ("  stdout: (empty)", or "  stdout:" then "    | " lines and maybe "    (no newline at
     * end)"); returns the index after it. A block cut short ("    ... N more lines") cannot be
     * read back.
     */
    private static int output(String[] lines, int at, String name, StringBuilder text) {
        if (lines[at].equals("  " + name + ": (empty)")) {
            return at + 1;
        }
        field(lines[at], "  " + name + ":");
        int i = at + 1;
        while (i < lines.length && lines[i].startsWith("    | ")) {
            text.append(lines[i++].substring(6)).append('\n');
        }
        if (i < lines.length && lines[i].startsWith("    ... ")) {
            throw new IllegalArgumentException("the report shows only part of the " + name + ": " + lines[i]);
        }
        if (i < lines.length && lines[i].equals("    (no newline at end)")) {
            text.setLength(text.length() - 1);
            i++;
        }
        return i;
    }
}
