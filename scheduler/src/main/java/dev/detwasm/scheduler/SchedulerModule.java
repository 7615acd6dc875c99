package dev.detwasm.scheduler;

import com.google.inject.AbstractModule;
import dev.detwasm.host.spi.GuestThreadsFactory;

/** Binds the cooperative scheduler, its guest threads carried by virtual threads. */
public final class SchedulerModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(GuestThreadsFactory.class).to(CooperativeSchedulerFactory.class);
        bind(Carriers.class).to(VirtualThreadCarriers.class);
    }
}
