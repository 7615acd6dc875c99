package dev.detwasm.scheduler;

import static dev.detwasm.host.spi.GuestThreads.NO_DEADLINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.decide.RandomPolicy;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.host.spi.ThreadKilled;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * A virtual thread that calls {@link CooperativeScheduler#run} carries the main guest thread
 * itself. Each program here runs once from a platform thread (main on a carrier of its own)
 * and once from a virtual thread: the two runs must not differ in anything a run shows.
 */
class MainOnCallerTest {

    /** What a run shows: how it ended, its event log, and its bodies' notes. */
    private record Shown(Termination end, List<String> events, List<String> notes) {}

    /** A program: its main body, given the run's harness. */
    private interface Program extends BiFunction<Harness, GuestThreads, Runnable> {}

    private final Harness.CarrierThreads carriers = new Harness.CarrierThreads();

    @Test
    void aWorkerEndingTheProgramUnwindsMainOnTheCallerInTheSameOrder() throws Exception {
        same(
                (h, t) -> () -> {
                    t.spawn(unwound(h, () -> t.sleepUntil(100)));
                    t.spawn(unwound(h, () -> t.terminate(Termination.exit(2, 5))));
                    unwound(h, () -> t.await(1, NO_DEADLINE, "k1")).run();
                });
    }

    @Test
    void mainReturningWhileAWorkerWaits() throws Exception {
        same(
                (h, t) -> () -> {
                    t.spawn(unwound(h, () -> t.await(1, NO_DEADLINE, "k1")));
                    t.yieldNow();
                    h.note("returns");
                });
    }

    @Test
    void aDeadlock() throws Exception {
        same(
                (h, t) -> () -> {
                    t.spawn(() -> t.await(2, NO_DEADLINE, "k2"));
                    t.await(1, NO_DEADLINE, "k1");
                });
    }

    @Test
    void switchesWakesAndTimersUnderRandomSchedules() throws Exception {
        for (long seed = 0; seed < 20; seed++) {
            long s = seed;
            same(
                    s,
                    (h, t) -> () -> {
                        for (int i = 0; i < 3; i++) {
                            int me = i;
                            t.spawn(
                                    () -> {
                                        t.schedulingPoint();
                                        h.note("worker " + me);
                                        t.sleepUntil(10 * me);
                                        t.wake(7, 1);
                                    });
                        }
                        t.schedulingPoint();
                        int woken = t.await(7, 25, "k7");
                        h.note("main " + woken);
                    });
        }
    }

    private void same(Program program) throws Exception {
        same(-1, program);
    }

    /** Runs {@code program} from a platform and a virtual thread; fifo when seed is -1. */
    private void same(long seed, Program program) throws Exception {
        Run fromPlatform = run(seed, program, Thread.ofPlatform());
        Run fromVirtual = run(seed, program, Thread.ofVirtual());

        assertEquals(fromPlatform.shown(), fromVirtual.shown());
        assertNotSame(fromPlatform.caller(), fromPlatform.main());
        assertSame(fromVirtual.caller(), fromVirtual.main());
        assertEquals(fromPlatform.carriersMade() - 1, fromVirtual.carriersMade());
        assertEquals(0, carriers.alive());
    }

    /** A run, the thread that called the scheduler, the one main ran on, carriers started. */
    private record Run(Shown shown, Thread caller, Thread main, long carriersMade) {}

    private Run run(long seed, Program program, Thread.Builder callers) throws Exception {
        long before = carriers.made();
        Harness h = new Harness(seed < 0 ? new FifoPolicy() : new RandomPolicy(seed), carriers);
        AtomicReference<Thread> main = new AtomicReference<>();
        AtomicReference<Termination> end = new AtomicReference<>();
        Runnable body = program.apply(h, h.threads);
        Thread caller =
                callers.start(
                        () -> end.set(
                                h.run(
                                        () -> {
                                            main.set(Thread.currentThread());
                                            body.run();
                                        })));
        caller.join();
        return new Run(
                new Shown(end.get(), h.events.lines(), h.notes),
                caller,
                main.get(),
                carriers.made() - before);
    }

    private static Runnable unwound(Harness h, Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (ThreadKilled killed) {
                h.note("killed");
                throw killed;
            }
        };
    }
}
