package dev.detwasm.scheduler;

import dev.detwasm.host.EventLog;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.GuestThreadsFactory;
import jakarta.inject.Inject;

/** Makes a {@link CooperativeScheduler} per run; its guest threads ride on {@link Carriers}. */
public final class CooperativeSchedulerFactory implements GuestThreadsFactory {
    private final Carriers carriers;

    @Inject
    public CooperativeSchedulerFactory(Carriers carriers) {
        this.carriers = carriers;
    }

    @Override
    public GuestThreads create(Decisions decisions, EventLog events) {
        return new CooperativeScheduler(decisions, events, carriers);
    }
}
