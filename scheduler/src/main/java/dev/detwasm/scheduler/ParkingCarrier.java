package dev.detwasm.scheduler;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * A carrier whose thread parks while it waits for the baton. The volatile {@code turn} flag
 * carries the happens-before edge from giver to taker; a switch allocates nothing. The thread
 * is only made when the carrier first gets the baton, so a guest thread that never runs costs
 * no Java thread.
 */
final class ParkingCarrier implements Carrier {
    private final ThreadFactory factory;
    private final Runnable body;
    private volatile boolean turn;
    /** Null until started; only baton holders write it, and the hand-off orders them. */
    private Thread thread;

    /** A carrier that will run {@code body} on a thread from {@code factory}. */
    ParkingCarrier(ThreadFactory factory, Runnable body) {
        this.factory = factory;
        this.body = body;
    }

    /** A carrier for the calling thread, already running. */
    ParkingCarrier() {
        this.factory = null;
        this.body = null;
        this.thread = Thread.currentThread();
    }

    @Override
    public void giveTurn() {
        if (thread == null) {
            thread = factory.newThread(body);
            thread.start();
            return;
        }
        turn = true;
        if (thread != Thread.currentThread()) {
            // The caller carrying main may give the baton back to itself at the end of a run;
            // a permit left over would only make its next park return at once.
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void awaitTurn() {
        // Interrupts must not end the wait (the baton would be lost) nor make it spin: remember
        // them and restore the flag once the turn has come.
        boolean interrupted = false;
        while (!turn) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        turn = false;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void join() {
        if (thread == null || thread == Thread.currentThread()) {
            return; // never started, or the caller's own thread after it carried main
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
