package dev.detwasm.host.spi;

/**
 * The scheduler of one run, as the host sees it. Exactly one guest thread runs at a time;
 * every method that may switch threads is a scheduling point. Implemented by the scheduler
 * module, which knows nothing of WASI: it sees threads, a virtual clock and wait queues keyed
 * by a number.
 *
 * <p>Times are virtual nanoseconds since the start of the run.
 */
public interface GuestThreads {

    /** {@link #await} was woken by {@link #wake}. */
    int WOKEN = 0;

    /** {@link #await} reached its deadline first. */
    int TIMED_OUT = 2;

    /** No deadline. */
    long NO_DEADLINE = -1;

    /**
     * Runs a program whose main thread (id 0) executes {@code main}, and returns how it ended.
     * Thread bodies end the program through {@link #terminate}; a body that returns only ends
     * its own thread. When no thread can run and no timer is pending, the run ends as a
     * deadlock.
     */
    Termination run(Runnable main);

    /** The id of the calling guest thread: 0 for main, then 1, 2, ... in spawn order. */
    int currentThread();

    /**
     * Registers a new guest thread that will run {@code body}; it joins the back of the run
     * queue. The caller keeps running.
     *
     * @return the new thread's id
     */
    int spawn(Runnable body);

    /** A point where the scheduler may switch threads (atomic operations, selects). */
    void schedulingPoint();

    /**
     * A scheduling point at a plain memory access; {@code at} says which (see {@link
     * Decision#at()}). Before any decision, the scheduler records the access points the caller
     * passed without asking ({@link Decisions#takePassedPoints}) as decisions when another
     * thread was runnable.
     */
    default void schedulingPoint(String at) {
        schedulingPoint();
    }

    /**
     * Lets the clock move with the threads' work ({@code --clock steps}): the scheduler takes
     * the running thread's work from {@code work} whenever it enters the scheduler. A timer that
     * comes due while a thread runs wakes its thread, and the running thread's next scheduling
     * point ({@link #timerPoint} at the latest) is then a timer interrupt: the running thread
     * goes to the back of the run queue, behind the woken thread. Set before {@link #run}.
     */
    default void measureWork(WorkClock work) {}

    /**
     * Virtual nanoseconds of work until the earliest timer is due: 0 when a timer fired that
     * the running thread has not yet been interrupted for, {@link #NO_DEADLINE} when no timer
     * is pending or time does not move with work.
     */
    default long untilTimer() {
        return NO_DEADLINE;
    }

    /**
     * A scheduling point if a timer fired since the running thread last had one (see {@link
     * #measureWork}), else nothing: where the host looks at the running thread's work.
     */
    default void timerPoint() {}

    /** Moves the caller to the back of the run queue ({@code sched_yield}). */
    void yieldNow();

    /** The virtual time in nanoseconds since the run began. */
    long now();

    /** Blocks the caller until the virtual clock reaches {@code deadline}. */
    void sleepUntil(long deadline);

    /**
     * Blocks the caller on the wait queue {@code key} until woken or until {@code deadline}
     * ({@link #NO_DEADLINE} for none). The caller checks its condition before calling; nothing
     * runs in between.
     *
     * @param what a short description for deadlock reports, e.g. "memory.atomic.wait32 @0x1a0"
     * @return {@link #WOKEN} or {@link #TIMED_OUT}
     */
    int await(long key, long deadline, String what);

    /**
     * Wakes up to {@code count} threads waiting on {@code key}. When there are more waiters
     * than {@code count}, which ones wake is a {@code wake} decision.
     *
     * @return the number of threads woken
     */
    int wake(long key, int count);

    /**
     * Ends the whole program with {@code termination}. Does not return: the calling thread is
     * unwound with {@link ThreadKilled}, as are all other guest threads.
     */
    void terminate(Termination termination);
}
