package dev.detwasm.scheduler;

import static dev.detwasm.host.spi.GuestThreads.NO_DEADLINE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlockTest {
    private final Harness.CarrierThreads carriers = new Harness.CarrierThreads();
    private final Harness h = new Harness(new FifoPolicy(), carriers);
    private final GuestThreads threads = h.threads;

    @Test
    void everyThreadWaitingIsADeadlockNamingEachWaitInThreadOrder() {
        Termination end =
                h.run(
                        () -> {
                            threads.spawn(() -> threads.await(0x2b0, NO_DEADLINE, "join"));
                            threads.await(0x1a0, NO_DEADLINE, "memory.atomic.wait32 @0x1a0");
                        });

        assertEquals(Termination.Kind.DEADLOCK, end.kind());
        assertEquals(ExitCodes.DEADLOCK, end.exitCode());
        assertEquals(-1, end.thread());
        assertEquals(
                "deadlock: thread 0 waits on memory.atomic.wait32 @0x1a0; thread 1 waits on join",
                end.message());
        assertEquals(
                "t1 end deadlock 71 deadlock: thread 0 waits on memory.atomic.wait32 @0x1a0;"
                        + " thread 1 waits on join",
                h.events.lines().getLast());
        assertEquals(0, carriers.alive());
    }

    @Test
    void theLastRunnableThreadExitingLeavesADeadlock() {
        Termination end =
                h.run(
                        () -> {
                            threads.spawn(() -> h.note("exits"));
                            threads.await(1, NO_DEADLINE, "the worker");
                        });

        assertEquals(List.of("t1 exits"), h.notes);
        assertEquals(Termination.deadlock("deadlock: thread 0 waits on the worker"), end);
    }

    @Test
    void aPendingTimerIsNoDeadlock() {
        Termination end =
                h.run(
                        () -> {
                            threads.spawn(
                                    () -> {
                                        threads.sleepUntil(1_000_000_000L);
                                        threads.wake(1, 1);
                                    });
                            h.note("result " + threads.await(1, NO_DEADLINE, "k1"));
                            h.note("at " + threads.now());
                        });

        assertEquals(List.of("t0 result 0", "t0 at 1000000000"), h.notes);
        assertEquals(Termination.exit(0, 0), end);
    }
}
