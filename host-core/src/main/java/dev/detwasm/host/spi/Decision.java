package dev.detwasm.host.spi;

import java.util.Objects;

/**
 * One decision of a run, as its {@link DecisionSource} sees it.
 *
 * @param kind what is being decided
 * @param thread the guest thread on whose behalf it is made (the one running)
 * @param options the number of options, at least 2
 * @param candidates for {@link DecisionKind#SCHEDULE}: the thread each option runs, option 0
 *     being what fifo would pick, which is {@code thread} itself when it can go on (choosing
 *     another option is then a preemption); for {@link DecisionKind#TIMER}: the run queue at
 *     the interrupt, the thread fifo runs first and the interrupted thread last (no option is
 *     a preemption: the interrupt, not the explorer, takes the thread off); for {@link
 *     DecisionKind#WAKE}: the waiting thread
 *     each option wakes, longest waiter first; for {@link DecisionKind#SELECT}: empty. Never
 *     written to once the decision is made: a scheduler may hand the same array to the
 *     decisions of a thread that goes on, and a source may take the same array for the same
 *     candidates (pct then chooses in O(1))
 * @param at where the decision is made, for a schedule decision at a plain memory access
 *     ({@code "store 0x1a0 (4 bytes) in worker (function 5)"}); empty elsewhere
 */
public record Decision(
        DecisionKind kind, int thread, int options, int[] candidates, String at) {
    private static final int[] NONE = new int[0];

    public Decision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(at, "at");
    }

    public static Decision select(int thread, int options) {
        return new Decision(DecisionKind.SELECT, thread, options, NONE, "");
    }

    public static Decision schedule(int thread, int[] candidates) {
        return schedule(thread, candidates, "");
    }

    /** A schedule decision made at {@code at} (see {@link #at()}). */
    public static Decision schedule(int thread, int[] candidates, String at) {
        return new Decision(DecisionKind.SCHEDULE, thread, candidates.length, candidates, at);
    }

    /**
     * The decision at a timer interrupt of {@code thread}: which of {@code candidates}, the run
     * queue with {@code thread} at its back, runs.
     */
    public static Decision timer(int thread, int[] candidates) {
        return new Decision(DecisionKind.TIMER, thread, candidates.length, candidates, "");
    }

    public static Decision wake(int thread, int[] waiters) {
        return new Decision(DecisionKind.WAKE, thread, waiters.length, waiters, "");
    }

    /** Whether choosing {@code choice} switches away from a thread that could go on. */
    public boolean isPreemption(int choice) {
        return kind == DecisionKind.SCHEDULE && choice != 0 && candidates[0] == thread;
    }
}
