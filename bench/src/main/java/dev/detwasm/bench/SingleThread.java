package dev.detwasm.bench;

import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.host.spi.ThreadKilled;

/**
 * The least a scheduler can be: runs the main thread on the caller, has a clock that only
 * sleeping moves, and cannot spawn. Benchmarks of single-threaded guests use it so that what
 * they measure is the engine and host-core, not the scheduler's thread hand-offs. One per run.
 */
public final class SingleThread implements GuestThreads {
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
        throw new UnsupportedOperationException("single-threaded benchmark guests do not spawn");
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
