package dev.detwasm.scheduler;

/**
 * A Java thread that carries guest threads, or the thread that waits in {@link
 * CooperativeScheduler#run}. Control passes between carriers like a baton: exactly one holds it
 * at a time, and only the holder touches the scheduler's state. Handing the baton over must
 * make everything the giver wrote visible to the taker. A carrier carries one guest thread at a
 * time; when that one exits and the next to run has not started, the carrier goes on with it.
 */
public interface Carrier {

    /**
     * Hands the baton to this carrier; the first time, starts its thread, which then runs its
     * body. Called by the current holder, which afterwards awaits its own turn or ends.
     */
    void giveTurn();

    /** Called on this carrier's own thread: blocks until {@link #giveTurn} is called on it. */
    void awaitTurn();

    /** Blocks until this carrier's thread has ended; returns at once if it never started. */
    void join();
}
