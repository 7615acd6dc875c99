package dev.detwasm.scheduler;

import static dev.detwasm.host.spi.GuestThreads.NO_DEADLINE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.decide.ReplayTrace;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.DecisionSource;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitAndWakeTest {
    private Harness h;
    private GuestThreads threads;

    private void use(DecisionSource source) {
        h = new Harness(source, new Harness.CarrierThreads());
        threads = h.threads;
    }

    /** Main spawns three threads that each wait on key 9, and lets them all block. */
    private void spawnThreeWaiters() {
        for (int i = 0; i < 3; i++) {
            threads.spawn(() -> h.note("woke " + threads.await(9, NO_DEADLINE, "k9")));
        }
        threads.yieldNow();
    }

    @Test
    void wakingFewerThanWaitIsAWakeDecisionPerThreadAmongTheRemainingWaiters() {
        use(new ReplayTrace(List.of(0, 0, 0, 2, 0), EnumSet.allOf(DecisionKind.class), new FifoPolicy()));

        Termination end =
                h.run(
                        () -> {
                            spawnThreeWaiters();
                            h.note("woke " + threads.wake(9, 2));
                            threads.await(10, NO_DEADLINE, "k10");
                        });

        assertEquals(List.of("t0 woke 2", "t3 woke 0", "t1 woke 0"), h.notes);
        assertEquals(List.of(0, 0, 0, 2, 0, 0), h.decisions.trace());
        assertEquals(
                List.of(
                        DecisionKind.SCHEDULE,
                        DecisionKind.SCHEDULE,
                        DecisionKind.SCHEDULE,
                        DecisionKind.WAKE,
                        DecisionKind.WAKE,
                        DecisionKind.SCHEDULE),
                h.decisions.kinds());
        assertEquals(
                List.of(
                        "t0 decision wake [1, 2, 3] -> 2",
                        "t0 decision wake [1, 2] -> 0",
                        "t0 wake 0x9 -> t3 t1"),
                h.events.lines().stream()
                        .filter(line -> line.startsWith("t0 ") && line.contains("wake"))
                        .toList());
        assertEquals(
                Termination.deadlock("deadlock: thread 0 waits on k10; thread 2 waits on k9"), end);
    }

    @Test
    void wakingAtLeastAsManyAsWaitWakesLongestWaiterFirstWithoutDecisions() {
        use(new FifoPolicy());

        h.run(
                () -> {
                    spawnThreeWaiters();
                    int decisionsBefore = h.decisions.trace().size();
                    h.note("woke " + threads.wake(9, -1)); // u32 max
                    h.note("decisions " + (h.decisions.trace().size() - decisionsBefore));
                    h.note("none left " + threads.wake(9, 1));
                    threads.await(10, NO_DEADLINE, "k10");
                });

        assertEquals(
                List.of(
                        "t0 woke 3",
                        "t0 decisions 0",
                        "t0 none left 0",
                        "t1 woke 0",
                        "t2 woke 0",
                        "t3 woke 0"),
                h.notes);
    }

    @Test
    void wakingZeroWakesNobody() {
        use(new FifoPolicy());

        Termination end =
                h.run(
                        () -> {
                            spawnThreeWaiters();
                            h.note("woke " + threads.wake(9, 0));
                        });

        assertEquals(List.of("t0 woke 0"), h.notes);
        assertEquals(Termination.exit(0, 0), end);
    }

    @Test
    void keysAreSeparateQueues() {
        use(new FifoPolicy());

        h.run(
                () -> {
                    threads.spawn(() -> h.note("a " + threads.await(1, NO_DEADLINE, "a")));
                    threads.spawn(() -> h.note("b " + threads.await(2, NO_DEADLINE, "b")));
                    threads.yieldNow();
                    h.note("woke " + threads.wake(2, 1));
                    threads.await(3, NO_DEADLINE, "c");
                });

        assertEquals(List.of("t0 woke 1", "t2 b 0"), h.notes);
    }
}
