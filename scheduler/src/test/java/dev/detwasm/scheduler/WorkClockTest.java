package dev.detwasm.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.host.spi.WorkClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time that moves with work ({@code --clock steps}): timer interrupts and time slices. */
class WorkClockTest {
    private final Harness h = new Harness(new FifoPolicy(), new Harness.CarrierThreads());
    private final GuestThreads threads = h.threads;
    private final Work work = new Work();

    /** Work the bodies declare, taken by the scheduler. */
    private static final class Work implements WorkClock {
        long pending;

        @Override
        public long take() {
            long taken = pending;
            pending = 0;
            return taken;
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
                        "t0 decision timer [1, 0] -> 0",
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
                    h.note("alone: " + threads.untilTimer());
                    threads.spawn(() -> h.note("runs at " + threads.now()));
                    work.pending = CooperativeScheduler.TIME_SLICE - 1;
                    threads.timerPoint();
                    h.note("still runs, " + threads.untilTimer() + " ns left");
                    work.pending = 1;
                    threads.schedulingPoint();
                    h.note("back at " + threads.now());
                });

        assertEquals(
                List.of(
                        "t0 alone: -1",
                        "t0 still runs, 1 ns left",
                        "t1 runs at " + CooperativeScheduler.TIME_SLICE,
                        "t0 back at " + CooperativeScheduler.TIME_SLICE),
                h.notes);
    }

    @Test
    void atATimerDecisionTheInterruptedThreadMayGoOnForAnotherSlice() {
        // the last option of a timer decision is the interrupted thread: taken at the first
        // timer decision; the second and the schedule decisions are fifo's
        int[] timers = {0};
        Harness keepOn =
                new Harness(
                        d -> d.kind() == DecisionKind.TIMER && timers[0]++ == 0
                                ? d.options() - 1 : 0,
                        new Harness.CarrierThreads());
        keepOn.threads.measureWork(work);
        keepOn.run(
                () -> {
                    keepOn.threads.spawn(
                            () -> {
                                keepOn.threads.sleepUntil(500);
                                keepOn.note("woke at " + keepOn.threads.now());
                            });
                    keepOn.threads.yieldNow();
                    work.pending = 600;
                    keepOn.threads.timerPoint();
                    keepOn.note("goes on at " + keepOn.threads.now() + ", "
                            + keepOn.threads.untilTimer() + " ns left of its new slice");
                    work.pending = CooperativeScheduler.TIME_SLICE;
                    keepOn.threads.timerPoint();
                    keepOn.note("back at " + keepOn.threads.now());
                });

        assertEquals(
                List.of(
                        "t0 goes on at 600, " + CooperativeScheduler.TIME_SLICE
                                + " ns left of its new slice",
                        "t1 woke at " + (600 + CooperativeScheduler.TIME_SLICE),
                        "t0 back at " + (600 + CooperativeScheduler.TIME_SLICE)),
                keepOn.notes);
        assertEquals(
                List.of(
                        "t0 decision timer [1, 0] -> 1",
                        "t0 decision timer [1, 0] -> 0"),
                keepOn.events.lines().stream()
                        .filter(line -> line.contains("decision timer")).toList());
    }

    @Test
    void anAccessPointNeitherTakesWorkNorAnInterrupt() {
        threads.measureWork(work);
        h.run(
                () -> {
                    threads.spawn(() -> h.note("runs at " + threads.now()));
                    work.pending = CooperativeScheduler.TIME_SLICE;
                    threads.schedulingPoint("store 0x10 (4 bytes) in f");
                    h.note("still runs, " + threads.untilTimer() + " ns of slice left");
                    threads.timerPoint();
                    h.note("back at " + threads.now());
                });

        assertEquals(
                List.of(
                        "t0 still runs, " + CooperativeScheduler.TIME_SLICE
                                + " ns of slice left",
                        "t1 runs at " + CooperativeScheduler.TIME_SLICE,
                        "t0 back at " + CooperativeScheduler.TIME_SLICE),
                h.notes);
        assertEquals(
                List.of(
                        "t0 spawn t1",
                        "t0 decision schedule [0, 1] -> 0 at store 0x10 (4 bytes) in f",
                        "t0 decision timer [1, 0] -> 0",
                        "t0 switch t1",
                        "t1 exit at " + CooperativeScheduler.TIME_SLICE,
                        "t1 switch t0",
                        "t0 end exit 0"),
                h.events.lines());
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
