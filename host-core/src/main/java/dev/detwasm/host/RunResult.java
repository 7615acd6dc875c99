package dev.detwasm.host;

import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.Termination;
import java.util.List;

/**
 * What one run produced.
 *
 * @param termination how it ended
 * @param keptStdout what the run kept of the guest's fd 1 (see {@link GuestOutput})
 * @param keptStderr what the run kept of the guest's fd 2
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
        KeptOutput keptStdout,
        KeptOutput keptStderr,
        List<String> events,
        List<Integer> trace,
        List<DecisionKind> decisionKinds,
        String trapFunction,
        long steps,
        long accessPoints) {

    /** The first bytes of the guest's stdout: all of it unless it was longer than was kept. */
    public byte[] stdout() {
        return keptStdout.prefix();
    }

    /** The first bytes of the guest's stderr: all of it unless it was longer than was kept. */
    public byte[] stderr() {
        return keptStderr.prefix();
    }

    /** The code detwasm exits with for this run: the guest's, or one of {@code ExitCodes}. */
    public int exitCode() {
        return termination.exitCode();
    }
}
