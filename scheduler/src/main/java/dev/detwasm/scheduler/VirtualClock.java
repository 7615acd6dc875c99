package dev.detwasm.scheduler;

import dev.detwasm.host.spi.GuestThreads;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Virtual time in nanoseconds since the run began, and the timers of sleeping and timed-waiting
 * threads. Time moves when {@link #advance} jumps it to the earliest deadline and, when it
 * moves with work, by {@link #pass}.
 */
final class VirtualClock {
    // One lambda rather than Comparator's combinators: the JVM's AOT cache keeps the classes of
    // detwasm's lambdas but not those Comparator makes inside itself, generated at every start.
    private static final Comparator<GuestThread> BY_DEADLINE = (a, b) -> {
        int byDeadline = Long.compare(a.deadline, b.deadline);
        return byDeadline != 0 ? byDeadline : Long.compare(a.timerOrder, b.timerOrder);
    };

    /** At most one timer per thread, so removal by scanning is cheap enough. */
    private final PriorityQueue<GuestThread> timers = new PriorityQueue<>(BY_DEADLINE);
    private long now;
    private long timersSet;

    long now() {
        return now;
    }

    void schedule(GuestThread thread, long deadline) {
        thread.deadline = deadline;
        thread.timerOrder = timersSet++;
        timers.add(thread);
    }

    void cancel(GuestThread thread) {
        if (thread.deadline != GuestThreads.NO_DEADLINE) {
            timers.remove(thread);
            thread.deadline = GuestThreads.NO_DEADLINE;
        }
    }

    boolean hasTimers() {
        return !timers.isEmpty();
    }

    /** The earliest deadline; only when {@link #hasTimers}. */
    long nextDeadline() {
        return timers.element().deadline;
    }

    /**
     * Moves time on by {@code nanos} of work and the threads whose deadline it reached into
     * {@code due}, as {@link #advance} orders them.
     */
    void pass(long nanos, List<GuestThread> due) {
        now += nanos;
        takeDue(due);
    }

    /**
     * Jumps to the earliest deadline and moves the threads due then into {@code due}, in
     * deadline order, ties in the order their timers were set.
     */
    void advance(List<GuestThread> due) {
        now = timers.element().deadline;
        takeDue(due);
    }

    private void takeDue(List<GuestThread> due) {
        while (!timers.isEmpty() && timers.element().deadline <= now) {
            GuestThread thread = timers.remove();
            thread.deadline = GuestThreads.NO_DEADLINE;
            due.add(thread);
        }
    }
}
