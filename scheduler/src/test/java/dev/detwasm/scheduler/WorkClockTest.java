package dev.detwasm.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.host.spi.WorkClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time that moves with work ({@code --clock steps}): timer interrupts and time slices. */
class WorkClockTest {
    private final Harness h = new Harness(new FifoPolicy(), new Harness.CarrierThreads());
    private final GuestThreads threads = h.threads;
    private final Work work = new Work();

    /** Work the bodies declare, taken by the scheduler; what each rearm bounded it by. */
    private final class Work implements WorkClock {
        long pending;
        final List<Long> armed = new ArrayList<>();

        @Override
        public long take() {
            long taken = pending;
            pending = 0;
            return taken;
        }

        @Override
        public void rearm() {
            armed.add(threads.untilTimer());
        }
    }

    @Test
    void theClockMovesWithWorkAndADueTimerInterruptsTheWorkerAtItsNextPoint() {
        threads.measureWork(work);
        Termination end =
                h.run(
                        () -> {
                            threads.spawn(
                                    () -> {
                                        threads.sleepUntil(500);
                                        h.note("woke at " + threads.now());
                                    });
                            threads.yieldNow();
                            work.pending = 300;
                            h.note("reads " + threads.now());
                            threads.timerPoint();
                            h.note("still runs, " + threads.untilTimer() + " ns to the timer");
                            work.pending = 250;
                            threads.timerPoint();
                            h.note("back at " + threads.now());
                        });

        assertEquals(Termination.exit(0, 0), end);
        assertEquals(
                List.of(
                        "t0 reads 300",
                        "t0 still runs, 200 ns to the timer",
                        "t1 woke at 550",
                        "t0 back at 550"),
                h.notes);
        assertEquals(
                List.of(
                        "t0 spawn t1",
                        "t0 decision schedule [1, 0] -> 0",
                        "t0 switch t1",
                        "t1 sleep until 500",
                        "t1 switch t0",
                        "t1 wakeup at 550",
                        // the interrupt: the woken thread first, the worker at the back
                        "t0 decision schedule [1, 0] -> 0",
                        "t0 switch t1",
                        "t1 exit at 550",
                        "t1 switch t0",
                        "t0 end exit 0"),
                h.events.lines());
    }

    @Test
    void aThreadThatWorksASliceWhileAnotherIsRunnableYieldsToIt() {
        threads.measureWork(work);
        h.run(
                () -> {
                    threads.spawn(() -> h.note("runs at " + threads.now()));
                    work.pending = CooperativeScheduler.TIME_SLICE - 1;
                    threads.timerPoint();
                    h.note("still runs");
                    work.pending = 1;
                    threads.schedulingPoint();
                    h.note("back at " + threads.now());
                });

        assertEquals(
                List.of(
                        "t0 still runs",
                        "t1 runs at " + CooperativeScheduler.TIME_SLICE,
                        "t0 back at " + CooperativeScheduler.TIME_SLICE),
                h.notes);
        // spawning starts the count of the slice; after a switch, a thread alone has no bound
        assertEquals(CooperativeScheduler.TIME_SLICE, (long) work.armed.get(1));
    }

    @Test
    void withoutWorkTheClockStandsStillWhileThreadsRun() {
        h.run(
                () -> {
                    threads.spawn(() -> threads.sleepUntil(500));
                    threads.yieldNow();
                    work.pending = 1_000;
                    threads.timerPoint();
                    h.note("at " + threads.now() + ", no timer bound: " + threads.untilTimer());
                });

        assertEquals(List.of("t0 at 0, no timer bound: -1"), h.notes);
    }
}
