package dev.detwasm.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.inject.Guice;
import dev.detwasm.host.EventLog;
import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.GuestThreadsFactory;
import dev.detwasm.host.spi.Termination;
import org.junit.jupiter.api.Test;

class SchedulerModuleTest {

    @Test
    void bindsTheCooperativeSchedulerOnVirtualThreads() {
        var injector = Guice.createInjector(new SchedulerModule());
        EventLog events = new EventLog(false);

        GuestThreads threads =
                injector.getInstance(GuestThreadsFactory.class)
                        .create(new Decisions(new FifoPolicy(), events), events);
        Termination end =
                threads.run(
                        () -> {
                            threads.spawn(() -> threads.terminate(Termination.exit(1, 9)));
                            threads.yieldNow();
                        });

        assertInstanceOf(CooperativeScheduler.class, threads);
        assertInstanceOf(VirtualThreadCarriers.class, injector.getInstance(Carriers.class));
        assertEquals(Termination.exit(1, 9), end);
    }
}
