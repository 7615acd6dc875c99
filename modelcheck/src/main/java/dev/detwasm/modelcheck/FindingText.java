package dev.detwasm.modelcheck;

import dev.detwasm.host.explain.ThreadColumns;

/**
 * How a text report shows an explained failing run: the minimized run's trace and command where
 * a failure's trace and command go, then what minimizing did and the run's account.
 */
final class FindingText {
    private FindingText() {}

    /** The minimized run's trace and the command that makes it. */
    static void reproduction(StringBuilder out, ExplainedFinding finding) {
        out.append("  trace: ").append(TextReport.trace(finding.shown().trace())).append('\n');
        out.append("  reproduce: ").append(finding.shown().command()).append('\n');
    }

    /** What each thread did, indented under the failure. */
    static void account(StringBuilder out, ExplainedFinding finding) {
        Minimized m = finding.minimized();
        out.append("  minimized: ").append(TextReport.count(m.preemptions(), "preemption"))
                .append(", ").append(TextReport.count(m.decisions(), "decision"));
        if (m.decisions() != m.originalDecisions()
                || m.preemptions() != m.originalPreemptions()) {
            out.append(" (as found: ")
                    .append(TextReport.count(m.originalPreemptions(), "preemption")).append(", ")
                    .append(TextReport.count(m.originalDecisions(), "decision"))
                    .append("; ").append(TextReport.count(m.replays(), "replay")).append(")");
        }
        if (m.cutShort()) {
            out.append("; minimizing stopped at --minimize-time");
        }
        out.append('\n');
        finding.explanation().warning().ifPresent(w -> out.append("  note: ").append(w).append('\n'));
        out.append("  what each thread did:\n");
        for (String line : ThreadColumns.render(finding.explanation()).split("\n")) {
            out.append(line.isEmpty() ? "" : "    " + line).append('\n');
        }
    }
}
