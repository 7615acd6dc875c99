package dev.detwasm.scheduler;

import jakarta.inject.Inject;
import java.util.concurrent.ThreadFactory;

/**
 * Carries each guest thread on its own Java thread, virtual by default. A virtual caller (the
 * model checker's workers) carries the main guest thread itself: a run then starts and ends
 * without a hand-off, and a run of a single-threaded program makes none at all.
 */
public final class VirtualThreadCarriers implements Carriers {
    private final ThreadFactory threads;

    @Inject
    public VirtualThreadCarriers() {
        this(Thread.ofVirtual().name("detwasm-guest").factory());
    }

    /** Carries guest threads on the threads {@code threads} makes. */
    public VirtualThreadCarriers(ThreadFactory threads) {
        this.threads = threads;
    }

    @Override
    public Carrier carrier(Runnable body) {
        return new ParkingCarrier(threads, body);
    }

    @Override
    public Carrier caller() {
        return new ParkingCarrier();
    }

    @Override
    public boolean mainOnCaller() {
        return Thread.currentThread().isVirtual();
    }
}
