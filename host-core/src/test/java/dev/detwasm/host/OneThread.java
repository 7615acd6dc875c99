package dev.detwasm.host;

import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.host.spi.ThreadKilled;

/**
 * A test double for the scheduler: runs the main thread on the caller, has a clock that only
 * sleeping moves, and cannot spawn. Lets host-core be tested without the scheduler module, and
 * lets benchmarks of single-threaded guests measure the engine and host-core without the
 * scheduler's thread hand-offs (bench uses it through host-core's test jar). One per run.
 */
public final class OneThread implements GuestThreads {
    private long now;
    private Termination termination;

    @Override
    public Termination run(Runnable main) {
        try {
            main.run();
        } catch (ThreadKilled expected) {
            // terminate() unwinds the main thread.
        }
        return termination == null ? Termination.exit(0, 0) : termination;
    }

    @Override
    public int currentThread() {
        return 0;
    }

    @Override
    public int spawn(Runnable body) {
        throw new IllegalStateException("OneThread cannot spawn");
    }

    @Override
    public void schedulingPoint() {}

    @Override
    public void yieldNow() {}

    @Override
    public long now() {
        return now;
    }

    @Override
    public void sleepUntil(long deadline) {
        now = Math.max(now, deadline);
    }

    @Override
    public int await(long key, long deadline, String what) {
        if (deadline == NO_DEADLINE) {
            terminate(Termination.deadlock("deadlock: thread 0 waits on " + what));
        }
        now = Math.max(now, deadline);
        return TIMED_OUT;
    }

    @Override
    public int wake(long key, int count) {
        return 0;
    }

    @Override
    public void terminate(Termination t) {
        termination = t;
        throw new ThreadKilled();
    }
}
