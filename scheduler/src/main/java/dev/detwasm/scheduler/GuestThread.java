package dev.detwasm.scheduler;

import dev.detwasm.host.spi.GuestThreads;

/** The scheduler's record of one guest thread. Only the baton holder reads or writes it. */
final class GuestThread {

    enum State {
        /** In the run queue. */
        RUNNABLE,
        /** Holds the baton. */
        RUNNING,
        /** In a wait queue, perhaps with a deadline. */
        WAITING,
        /** Waiting for the clock to reach its deadline. */
        SLEEPING,
        /** Its body has ended. */
        EXITED
    }

    final int id;
    final Runnable body;
    Carrier carrier;
    State state = State.RUNNABLE;
    /** Whether its carrier has begun to run it, i.e. has a Java stack to unwind. */
    boolean started;

    long waitKey;
    String waitWhat;
    /** Links in {@link WaitQueues} while waiting. */
    GuestThread previousWaiter;
    GuestThread nextWaiter;
    /** When the clock wakes it, or {@link GuestThreads#NO_DEADLINE}. */
    long deadline = GuestThreads.NO_DEADLINE;
    /** Orders timers with equal deadlines: the one set first fires first. */
    long timerOrder;
    /** What {@code await} returns once it is woken. */
    int wakeResult;

    GuestThread(int id, Runnable body) {
        this.id = id;
        this.body = body;
    }
}
