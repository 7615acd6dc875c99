package dev.detwasm.scheduler;

import static dev.detwasm.host.spi.GuestThreads.NO_DEADLINE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.decide.RandomPolicy;
import dev.detwasm.host.decide.ReplayTrace;
import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.DecisionSource;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionPointsTest {

    /** Answers from a script and keeps every decision it was asked. */
    private static final class Scripted implements DecisionSource {
        final List<Decision> asked = new ArrayList<>();
        private final int[] answers;

        Scripted(int... answers) {
            this.answers = answers;
        }

        @Override
        public int choose(Decision decision) {
            int answer = answers[asked.size()];
            asked.add(decision);
            return answer;
        }
    }

    @Test
    void preemptionRunsTheChosenThreadAndSendsThePreemptedOneToTheBack() {
        Scripted source = new Scripted(2, 1);
        Harness h = new Harness(source, new Harness.CarrierThreads());
        GuestThreads threads = h.threads;

        Termination end =
                h.run(
                        () -> {
                            threads.spawn(() -> h.note("one"));
                            threads.spawn(
                                    () -> {
                                        h.note("two");
                                        threads.await(2, NO_DEADLINE, "k2");
                                    });
                            threads.schedulingPoint();
                            h.note("back");
                            threads.await(1, NO_DEADLINE, "k1");
                        });

        assertEquals(List.of("t2 two", "t0 back", "t1 one"), h.notes);
        assertEquals(2, source.asked.size());
        Decision point = source.asked.get(0);
        assertEquals(DecisionKind.SCHEDULE, point.kind());
        assertEquals(0, point.thread());
        assertArrayEquals(new int[] {0, 1, 2}, point.candidates());
        assertTrue(point.isPreemption(2));
        Decision blocked = source.asked.get(1);
        assertEquals(2, blocked.thread());
        assertArrayEquals(new int[] {1, 0}, blocked.candidates());
        assertFalse(blocked.isPreemption(1));
        assertEquals(
                Termination.deadlock("deadlock: thread 0 waits on k1; thread 2 waits on k2"), end);
    }

    @Test
    void yieldOffersTheQueueInOrderEndingWithTheCaller() {
        Scripted source = new Scripted(2);
        Harness h = new Harness(source, new Harness.CarrierThreads());
        GuestThreads threads = h.threads;

        h.run(
                () -> {
                    threads.spawn(() -> h.note("one"));
                    threads.spawn(() -> h.note("two"));
                    threads.yieldNow();
                    h.note("kept running");
                    threads.terminate(Termination.exit(0, 0));
                });

        assertEquals(List.of("t0 kept running"), h.notes);
        assertArrayEquals(new int[] {1, 2, 0}, source.asked.get(0).candidates());
        assertFalse(source.asked.get(0).isPreemption(2));
    }

    /** Three threads taking turns at scheduling points; the interleaving is in the notes. */
    private static Harness interleave(DecisionSource source) {
        Harness h = new Harness(source, new Harness.CarrierThreads());
        GuestThreads threads = h.threads;
        int workers = 3;
        int[] done = {0};
        h.run(
                () -> {
                    for (int w = 0; w < workers; w++) {
                        threads.spawn(
                                () -> {
                                    for (int step = 0; step < 4; step++) {
                                        h.note("step " + step);
                                        threads.schedulingPoint();
                                    }
                                    done[0]++;
                                    threads.wake(0, 1);
                                });
                    }
                    while (done[0] < workers) {
                        threads.await(0, NO_DEADLINE, "workers");
                    }
                    h.note("all done");
                });
        return h;
    }

    @Test
    void randomPolicyInterleavingsAreAFunctionOfTheSeed() {
        Harness first = interleave(new RandomPolicy(1));
        Harness again = interleave(new RandomPolicy(1));
        Harness other = interleave(new RandomPolicy(2));
        Harness fifo = interleave(new FifoPolicy());

        assertEquals(first.notes, again.notes);
        assertEquals(first.events.lines(), again.events.lines());
        assertEquals(first.decisions.trace(), again.decisions.trace());
        assertNotEquals(first.notes, other.notes);
        assertNotEquals(first.notes, fifo.notes);
        assertEquals(13, first.notes.size());
        assertEquals("t0 all done", first.notes.getLast());
        assertEquals(
                List.of("t1 step 0", "t1 step 1", "t1 step 2", "t1 step 3", "t2 step 0"),
                fifo.notes.subList(0, 5));
    }

    @Test
    void replayingARecordedTraceReproducesTheRun() {
        Harness recorded = interleave(new RandomPolicy(42));
        Harness replayed =
                interleave(new ReplayTrace(recorded.decisions.trace(), EnumSet.allOf(DecisionKind.class), new FifoPolicy()));

        assertEquals(recorded.events.lines(), replayed.events.lines());
        assertEquals(recorded.notes, replayed.notes);
        assertEquals(recorded.decisions.trace(), replayed.decisions.trace());
        assertTrue(recorded.decisions.trace().stream().anyMatch(choice -> choice != 0));
    }
}
