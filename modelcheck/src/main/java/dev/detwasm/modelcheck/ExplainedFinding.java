package dev.detwasm.modelcheck;

import dev.detwasm.host.explain.Explanation;

/**
 * A failing run as a report shows it: minimized, and the minimized run's account.
 *
 * @param found the failing run as the exploration found it (the JSON report keeps its trace and
 *     command)
 * @param shown the minimized run: its trace, the command that makes it, how it ended and its
 *     output (the same kind of failure as {@code found}, possibly other output)
 * @param minimized what minimizing did
 * @param explanation what each thread did in the minimized run
 */
public record ExplainedFinding(
        FailingRun found, FailingRun shown, Minimized minimized, Explanation explanation) {}
