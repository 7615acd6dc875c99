package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.Termination;
import java.util.List;

/**
 * One finding: the failing runs that share a {@link FailureSignature}, shown by the simplest of
 * them (fewest preemptions, then fewest decisions, then the lexicographically smallest trace).
 *
 * @param run the index of the simplest run in exploration order
 * @param occurrences how many runs had this signature
 * @param firstRun the index of the first of them
 * @param foundBy the strategy that made the first of them
 * @param preemptions the simplest run's preemptions
 * @param termination how they ended
 * @param location where in the guest (the trapping wasm function), or empty when unknown
 * @param trace the simplest run's trace
 * @param command the {@code detwasm run} command that makes the simplest run again
 * @param stdout its stdout
 * @param stderr its stderr
 */
public record FailingRun(
        long run,
        long occurrences,
        long firstRun,
        String foundBy,
        int preemptions,
        Termination termination,
        String location,
        List<Integer> trace,
        String command,
        byte[] stdout,
        byte[] stderr) {

    public FailingRun {
        trace = List.copyOf(trace);
        stdout = stdout.clone();
        stderr = stderr.clone();
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /** The kind of failure, as reports name it: trap, exit, deadlock, step-budget, host-error. */
    public String kind() {
        return kindName(termination.kind());
    }

    /** The name reports give a kind of ending. */
    static String kindName(Termination.Kind kind) {
        return kind.cliName();
    }

    /**
     * One line saying how it failed, e.g. {@code exit 3 in thread 0}, {@code trap in thread 1:
     * ...}, or the scheduler's deadlock report.
     */
    public String description() {
        Termination t = termination;
        String where = t.thread() < 0 ? "" : " in thread " + t.thread();
        String message = t.message().isEmpty() ? "" : ": " + t.message();
        String function = location.isEmpty() ? "" : " (in " + location + ")";
        return switch (t.kind()) {
            case EXIT -> "exit " + t.exitCode() + where;
            case DEADLOCK -> t.message().isEmpty() ? "deadlock" : t.message();
            default -> kind() + where + message + function;
        };
    }
}
