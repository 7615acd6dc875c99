package dev.detwasm.host.spi;

import dev.detwasm.host.EventLog;

/** Creates the scheduler of one run. Bound by the scheduler module. */
public interface GuestThreadsFactory {

    GuestThreads create(Decisions decisions, EventLog events);
}
