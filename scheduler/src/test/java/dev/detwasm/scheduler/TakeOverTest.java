package dev.detwasm.scheduler;

import static dev.detwasm.host.spi.GuestThreads.NO_DEADLINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.host.spi.ThreadKilled;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A thread that exits hands the baton to a thread that has not started yet by carrying it
 * itself: no Java thread is made for it and no hand-off happens, and the run shows the same
 * events as when every guest thread had a carrier of its own.
 */
class TakeOverTest {
    private final Harness.CarrierThreads carriers = new Harness.CarrierThreads();
    private final Harness h = new Harness(new FifoPolicy(), carriers);
    private final GuestThreads threads = h.threads;
    /** The Java thread each guest thread's notes were made on, by note. */
    private final Map<String, Thread> carriedBy = new HashMap<>();

    private void note(String what) {
        h.note(what);
        carriedBy.put("t" + threads.currentThread() + " " + what, Thread.currentThread());
    }

    @Test
    void threadsStartedByExitsRunOnTheExitedThreadsCarrier() {
        Termination end =
                h.run(
                        () -> {
                            for (int i = 0; i < 3; i++) {
                                threads.spawn(() -> note("ran"));
                            }
                            threads.spawn(() -> threads.wake(1, 1));
                            threads.await(1, NO_DEADLINE, "k1");
                            note("woken");
                        });

        assertEquals(Termination.exit(0, 0), end);
        assertEquals(List.of("t1 ran", "t2 ran", "t3 ran", "t0 woken"), h.notes);
        assertSame(carriedBy.get("t1 ran"), carriedBy.get("t2 ran"));
        assertSame(carriedBy.get("t1 ran"), carriedBy.get("t3 ran"));
        assertNotSame(carriedBy.get("t1 ran"), carriedBy.get("t0 woken"));
        assertEquals(2, carriers.made(), "main's carrier and t1's, which carried t2 to t4");
        assertEquals(
                List.of(
                        "t0 spawn t1", "t0 spawn t2", "t0 spawn t3", "t0 spawn t4",
                        "t0 wait 0x1", "t0 decision schedule [1, 2, 3, 4] -> 0", "t0 switch t1",
                        "t1 exit at 0", "t1 decision schedule [2, 3, 4] -> 0", "t1 switch t2",
                        "t2 exit at 0", "t2 decision schedule [3, 4] -> 0", "t2 switch t3",
                        "t3 exit at 0", "t3 switch t4",
                        "t4 wake 0x1 -> t0", "t4 exit at 0", "t4 switch t0",
                        "t0 end exit 0"),
                h.events.lines());
        assertEquals(0, carriers.alive());
    }

    @Test
    void aStartedThreadGetsTheBatonBackOnItsOwnCarrier() {
        Termination end =
                h.run(
                        () -> {
                            threads.spawn(
                                    () -> {
                                        note("waits");
                                        threads.await(2, NO_DEADLINE, "k2");
                                        note("woken");
                                        threads.wake(1, 1);
                                    });
                            threads.spawn(() -> threads.wake(2, 1));
                            threads.await(1, NO_DEADLINE, "k1");
                        });

        assertEquals(Termination.exit(0, 0), end);
        assertEquals(List.of("t1 waits", "t1 woken"), h.notes);
        assertSame(carriedBy.get("t1 waits"), carriedBy.get("t1 woken"));
        assertEquals(3, carriers.made());
        assertEquals(0, carriers.alive());
    }

    @Test
    void aThreadTakenOverIsUnwoundWhenTheProgramEnds() {
        Termination end =
                h.run(
                        () -> {
                            threads.spawn(() -> note("exits"));
                            threads.spawn(
                                    () -> {
                                        try {
                                            threads.await(2, NO_DEADLINE, "k2");
                                        } catch (ThreadKilled killed) {
                                            note("killed");
                                            throw killed;
                                        }
                                    });
                            threads.await(1, NO_DEADLINE, "k1");
                        });

        assertEquals(
                Termination.deadlock("deadlock: thread 0 waits on k1; thread 2 waits on k2"),
                end);
        assertEquals(List.of("t1 exits", "t2 killed"), h.notes);
        assertSame(carriedBy.get("t1 exits"), carriedBy.get("t2 killed"));
        assertEquals(2, carriers.made());
        assertEquals(0, carriers.alive());
    }
}
