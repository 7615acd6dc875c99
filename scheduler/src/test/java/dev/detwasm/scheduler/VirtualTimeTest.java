package dev.detwasm.scheduler;

import static dev.detwasm.host.spi.GuestThreads.NO_DEADLINE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {
    private final Harness h = new Harness(new FifoPolicy(), new Harness.CarrierThreads());
    private final GuestThreads threads = h.threads;

    private Runnable sleeper(long deadline) {
        return () -> {
            threads.sleepUntil(deadline);
            h.note("at " + threads.now());
        };
    }

    @Test
    void sleepersWakeInDeadlineOrderTiesInSleepOrderAndTheClockJumps() {
        Termination end =
                h.run(
                        () -> {
                            h.note("start " + threads.now());
                            threads.spawn(sleeper(300));
                            threads.spawn(sleeper(100));
                            threads.spawn(sleeper(100));
                            threads.sleepUntil(1_000);
                            h.note("at " + threads.now());
                        });

        assertEquals(Termination.exit(0, 0), end);
        assertEquals(
                List.of("t0 start 0", "t2 at 100", "t3 at 100", "t1 at 300", "t0 at 1000"),
                h.notes);
        assertEquals(
                List.of(
                        "t0 spawn t1",
                        "t0 spawn t2",
                        "t0 spawn t3",
                        "t0 sleep until 1000",
                        "t0 decision schedule [1, 2, 3] -> 0",
                        "t0 switch t1",
                        "t1 sleep until 300",
                        "t1 decision schedule [2, 3] -> 0",
                        "t1 switch t2",
                        "t2 sleep until 100",
                        "t2 switch t3",
                        "t3 sleep until 100",
                        "t3 clock 0 -> 100",
                        "t2 wakeup at 100",
                        "t3 wakeup at 100",
                        "t3 decision schedule [2, 3] -> 0",
                        "t3 switch t2",
                        "t2 exit at 100",
                        "t2 switch t3",
                        "t3 exit at 100",
                        "t3 clock 100 -> 300",
                        "t1 wakeup at 300",
                        "t3 switch t1",
                        "t1 exit at 300",
                        "t1 clock 300 -> 1000",
                        "t0 wakeup at 1000",
                        "t1 switch t0",
                        "t0 end exit 0"),
                h.events.lines());
    }

    @Test
    void timedWaitReturnsWokenWhenWokenInTimeAndTimedOutAtItsDeadline() {
        h.run(
                () -> {
                    threads.spawn(
                            () -> {
                                threads.sleepUntil(200);
                                h.note("wakes " + threads.wake(5, 1));
                            });
                    h.note("first " + threads.await(5, 500, "k5") + " at " + threads.now());
                    h.note("second " + threads.await(5, 700, "k5") + " at " + threads.now());
                    h.note("woke " + threads.wake(5, 1));
                });

        assertEquals(
                List.of(
                        "t1 wakes 1",
                        "t0 first " + GuestThreads.WOKEN + " at 200",
                        "t0 second " + GuestThreads.TIMED_OUT + " at 700",
                        "t0 woke 0"),
                h.notes);
        assertEquals(
                List.of(
                        "t0 spawn t1",
                        "t0 wait 0x5 until 500",
                        "t0 switch t1",
                        "t1 sleep until 200",
                        "t1 clock 0 -> 200",
                        "t1 wakeup at 200",
                        "t1 wake 0x5 -> t0",
                        "t1 exit at 200",
                        "t1 switch t0",
                        "t0 wait 0x5 until 700",
                        "t0 clock 200 -> 700",
                        "t0 timeout 0x5 at 700",
                        "t0 wake 0x5 -> none",
                        "t0 end exit 0"),
                h.events.lines());
    }

    @Test
    void deadlinesAlreadyReachedDoNotBlock() {
        h.run(
                () -> {
                    threads.spawn(() -> h.note("other"));
                    threads.sleepUntil(0);
                    h.note("slept " + threads.now());
                    h.note("waited " + threads.await(3, 0, "k3") + " at " + threads.now());
                    threads.await(4, NO_DEADLINE, "k4");
                });

        assertEquals(
                List.of("t0 slept 0", "t0 waited " + GuestThreads.TIMED_OUT + " at 0", "t1 other"),
                h.notes);
        // The past sleep was a scheduling point: fifo kept the sleeper running.
        assertEquals(List.of(0), h.decisions.trace());
    }
}
