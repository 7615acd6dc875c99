package dev.detwasm.modelcheck;

import java.util.List;

/**
 * The simplest trace found that fails the same way as a failing run.
 *
 * @param trace the choices up to the last one that is not fifo's (a replay then goes on under
 *     fifo, as {@code detwasm run --trace} does)
 * @param preemptions how many switches away from a thread that could go on it makes
 * @param decisions how many decisions the run it makes has
 * @param originalPreemptions the same for the failing run as found
 * @param originalDecisions the same for the failing run as found
 * @param replays how many replays minimizing took
 * @param cutShort whether the time bound ended minimizing before it was done
 */
public record Minimized(
        List<Integer> trace,
        int preemptions,
        int decisions,
        int originalPreemptions,
        int originalDecisions,
        int replays,
        boolean cutShort) {

    public Minimized {
        trace = List.copyOf(trace);
    }
}
