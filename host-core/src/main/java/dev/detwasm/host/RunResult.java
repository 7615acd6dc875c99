package dev.detwasm.host;

import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.Termination;
import java.util.List;

/**
 * What one run produced.
 *
 * @param termination how it ended
 * @param stdout everything the guest wrote to fd 1
 * @param stderr everything the guest wrote to fd 2
 * @param events the event log (empty when the run did not keep one)
 * @param trace the choices of every decision, replayable with {@code --trace}
 * @param decisionKinds the kind of each entry of {@code trace}
 * @param trapFunction the wasm function a trap happened in, where the engine tells (AOT does,
 *     the interpreter does not); empty otherwise. Not part of the deterministic result.
 * @param steps the steps all threads took, as the {@code fuel} pass counts them (instructions
 *     of the original module, up to each thread's last fuel check); 0 when it was not applied
 * @param accessPoints the plain-access points of all threads (the {@code shared-access}
 *     pass's), up to each thread's last call into the scheduler; 0 when it was not applied
 */
public record RunResult(
        Termination termination,
        byte[] stdout,
        byte[] stderr,
        List<String> events,
        List<Integer> trace,
        List<DecisionKind> decisionKinds,
        String trapFunction,
        long steps,
        long accessPoints) {

    /** The code detwasm exits with for this run: the guest's, or one of {@code ExitCodes}. */
    public int exitCode() {
        return termination.exitCode();
    }
}
