package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.Termination;
import java.util.List;

/**
 * A failing run, reported once per distinct trace (random and pct may make a run more than
 * once).
 *
 * @param run the index of its first occurrence in exploration order
 * @param occurrences how many times it was made
 * @param termination how it ended
 * @param trace its trace
 * @param command the {@code detwasm run} command that makes it again
 * @param stdout its stdout
 * @param stderr its stderr
 */
public record FailingRun(
        long run,
        long occurrences,
        Termination termination,
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
        return switch (t.kind()) {
            case EXIT -> "exit " + t.exitCode() + where;
            case DEADLOCK -> t.message().isEmpty() ? "deadlock" : t.message();
            default -> kind() + where + message;
        };
    }
}
