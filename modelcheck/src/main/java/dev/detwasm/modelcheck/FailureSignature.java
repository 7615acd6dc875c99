package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.Termination;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes two failing runs the same finding: how they ended (kind and code), in which thread,
 * with which message (for a deadlock, the scheduler's report of where each thread is blocked),
 * and where in the guest (the wasm function a trap happened in). Traces, output and the order of
 * events do not count: hundreds of interleavings that reach the same deadlock are one finding.
 *
 * @param kind how the runs ended
 * @param exitCode the code {@code detwasm run} exits with for them
 * @param thread the thread that ended them, or -1
 * @param message the ending's message
 * @param location the trapping wasm function, where the engine tells; empty otherwise
 */
public record FailureSignature(
        Termination.Kind kind, int exitCode, int thread, String message, String location) {

    /** The signature of a failing run's outcome. */
    static FailureSignature of(RunOutcome outcome) {
        Termination t = outcome.termination();
        return new FailureSignature(
                t.kind(), t.exitCode(), t.thread(), t.message(), outcome.location());
    }

    /** A 128-bit fingerprint, to count signatures past those a report keeps. */
    TraceFingerprint fingerprint() {
        List<Integer> words = new ArrayList<>(List.of(kind.ordinal(), exitCode, thread));
        message.codePoints().forEach(words::add);
        words.add(-1);
        location.codePoints().forEach(words::add);
        return TraceFingerprint.of(words);
    }
}
