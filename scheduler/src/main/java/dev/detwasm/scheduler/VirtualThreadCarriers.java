package dev.detwasm.scheduler;

import jakarta.inject.Inject;
import java.util.concurrent.ThreadFactory;

/** Carries each guest thread on its own Java thread, virtual by default. */
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
}
