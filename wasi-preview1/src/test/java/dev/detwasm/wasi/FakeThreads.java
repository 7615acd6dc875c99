package dev.detwasm.wasi;

import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-threaded stand-in for the scheduler: a settable virtual clock, and a record of the
 * calls that would switch threads.
 */
final class FakeThreads implements GuestThreads {
    long now;
    int current;
    int schedulingPoints;
    int yields;
    final List<Long> sleeps = new ArrayList<>();
    private int spawned;

    @Override
    public Termination run(Runnable main) {
        main.run();
        return Termination.exit(0, 0);
    }

    @Override
    public int currentThread() {
        return current;
    }

    @Override
    public int spawn(Runnable body) {
        return ++spawned;
    }

    @Override
    public void schedulingPoint() {
        schedulingPoints++;
    }

    @Override
    public void yieldNow() {
        yields++;
    }

    @Override
    public long now() {
        return now;
    }

    /** Sleeping alone, the caller wakes at its deadline. */
    @Override
    public void sleepUntil(long deadline) {
        sleeps.add(deadline);
        now = Math.max(now, deadline);
    }

    @Override
    public int await(long key, long deadline, String what) {
        throw new UnsupportedOperationException("WASI never waits on a queue");
    }

    @Override
    public int wake(long key, int count) {
        throw new UnsupportedOperationException("WASI never wakes a queue");
    }

    @Override
    public void terminate(Termination termination) {
        throw new UnsupportedOperationException("WASI ends programs with GuestExit");
    }
}
