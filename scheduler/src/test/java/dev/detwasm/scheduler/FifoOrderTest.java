package dev.detwasm.scheduler;

import static dev.detwasm.host.spi.GuestThreads.NO_DEADLINE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import java.util.List;
import org.junit.jupiter.api.Test;

class FifoOrderTest {
    private final Harness.CarrierThreads carriers = new Harness.CarrierThreads();
    private final Harness h = new Harness(new FifoPolicy(), carriers);
    private final GuestThreads threads = h.threads;

    @Test
    void spawnedThreadsQueueYieldMovesToTheBackAndBlockingRunsTheLongestWaiting() {
        Termination end =
                h.run(
                        () -> {
                            threads.spawn(
                                    () -> {
                                        h.note("a1");
                                        threads.yieldNow();
                                        h.note("b1");
                                    });
                            threads.spawn(
                                    () -> {
                                        h.note("a2");
                                        threads.yieldNow();
                                        h.note("b2");
                                        h.note("woke " + threads.wake(7, 1));
                                    });
                            h.note("m1");
                            threads.yieldNow();
                            h.note("m2");
                            h.note("await " + threads.await(7, NO_DEADLINE, "k7"));
                        });

        assertEquals(Termination.exit(0, 0), end);
        assertEquals(
                List.of("t0 m1", "t1 a1", "t2 a2", "t0 m2", "t1 b1", "t2 b2", "t2 woke 1",
                        "t0 await 0"),
                h.notes);
        assertEquals(
                List.of(
                        "t0 spawn t1",
                        "t0 spawn t2",
                        "t0 decision schedule [1, 2, 0] -> 0",
                        "t0 switch t1",
                        "t1 decision schedule [2, 0, 1] -> 0",
                        "t1 switch t2",
                        "t2 decision schedule [0, 1, 2] -> 0",
                        "t2 switch t0",
                        "t0 wait 0x7",
                        "t0 decision schedule [1, 2] -> 0",
                        "t0 switch t1",
                        "t1 exit at 0",
                        "t1 switch t2",
                        "t2 wake 0x7 -> t0",
                        "t2 exit at 0",
                        "t2 switch t0",
                        "t0 end exit 0"),
                h.events.lines());
        assertEquals(List.of(0, 0, 0, 0), h.decisions.trace());
        assertEquals(0, carriers.alive());
    }

    @Test
    void fifoNeverPreemptsAtSchedulingPointsAndTheSpawnerKeepsRunning() {
        h.run(
                () -> {
                    int child = threads.spawn(() -> h.note("child"));
                    h.note("spawned " + child);
                    threads.schedulingPoint();
                    h.note("still running");
                    threads.schedulingPoint();
                    threads.await(1, NO_DEADLINE, "k1");
                });

        assertEquals(List.of("t0 spawned 1", "t0 still running", "t1 child"), h.notes);
        assertEquals(List.of(0, 0), h.decisions.trace());
    }

    @Test
    void aLoneThreadMakesNoDecisions() {
        Termination end =
                h.run(
                        () -> {
                            threads.schedulingPoint();
                            threads.yieldNow();
                            h.note("thread " + threads.currentThread());
                        });

        assertEquals(Termination.exit(0, 0), end);
        assertEquals(List.of("t0 thread 0"), h.notes);
        assertEquals(List.of(), h.decisions.trace());
        assertEquals(List.of("t0 end exit 0"), h.events.lines());
    }

    @Test
    void threadIdsFollowSpawnOrderAcrossThreads() {
        h.run(
                () -> {
                    threads.spawn(
                            () -> {
                                h.note("spawns " + threads.spawn(() -> h.note("grandchild")));
                            });
                    threads.spawn(() -> h.note("second child"));
                    threads.await(1, NO_DEADLINE, "k1");
                });

        assertEquals(List.of("t1 spawns 3", "t2 second child", "t3 grandchild"), h.notes);
    }
}
