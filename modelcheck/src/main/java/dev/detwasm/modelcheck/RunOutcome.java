package dev.detwasm.modelcheck;

import dev.detwasm.host.RunResult;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.Termination;
import java.util.List;
import java.util.Objects;

/**
 * What one explored run produced, as the explorer needs it.
 *
 * @param termination how the run ended
 * @param stdout the guest's fd 1
 * @param stderr the guest's fd 2
 * @param trace the choice of every decision, including those that did not branch: replayable
 *     with {@code detwasm run --trace}
 * @param decisionKinds the kind of each entry of {@code trace}
 * @param reachedSites the {@code must_reach} sites the run reached, in order, as {@code
 *     FILE:LINE:COLUMN}
 * @param location the wasm function a trap happened in, where the engine tells (see {@link
 *     RunResult#trapFunction}); empty otherwise
 */
public record RunOutcome(
        Termination termination,
        byte[] stdout,
        byte[] stderr,
        List<Integer> trace,
        List<DecisionKind> decisionKinds,
        List<String> reachedSites,
        String location) {

    public RunOutcome {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(termination, "termination");
        stdout = stdout.clone();
        stderr = stderr.clone();
        trace = List.copyOf(trace);
        decisionKinds = List.copyOf(decisionKinds);
        reachedSites = List.copyOf(reachedSites);
    }

    /** The outcome of a real run that reached {@code reachedSites}. */
    public static RunOutcome of(RunResult result, List<String> reachedSites) {
        return new RunOutcome(
                result.termination(),
                result.stdout(),
                result.stderr(),
                result.trace(),
                result.decisionKinds(),
                reachedSites,
                result.trapFunction());
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /** The code {@code detwasm run} exits with for this run. */
    public int exitCode() {
        return termination.exitCode();
    }

    /** A run fails when it does not end by a guest exit with code 0, nor was cut off. */
    public boolean failed() {
        return !cutOff()
                && (termination.kind() != Termination.Kind.EXIT || termination.exitCode() != 0);
    }

    /** Whether the run was stopped by the time limit before it ended: it has no result. */
    public boolean cutOff() {
        return termination.kind() == Termination.Kind.CUT_OFF;
    }
}
