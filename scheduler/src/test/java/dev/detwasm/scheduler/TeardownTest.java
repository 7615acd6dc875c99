package dev.detwasm.scheduler;

import static dev.detwasm.host.spi.GuestThreads.NO_DEADLINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.EventLog;
import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.decide.ReplayTrace;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.host.spi.ThreadKilled;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class TeardownTest {
    private final Harness.CarrierThreads carriers = new Harness.CarrierThreads();
    private final Harness h = new Harness(new FifoPolicy(), carriers);
    private final GuestThreads threads = h.threads;

    /** Runs {@code body}, noting how it was unwound. */
    private Runnable unwound(Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (ThreadKilled killed) {
                h.note("killed");
                throw killed;
            } finally {
                try {
                    threads.schedulingPoint();
                } catch (ThreadKilled again) {
                    h.note("killed again");
                }
            }
        };
    }

    @Test
    void terminateFromAWorkerUnwindsEveryCarrierCallerFirstThenByThreadId() {
        Termination exit = Termination.exit(3, 5);

        Termination end =
                h.run(
                        unwound(
                                () -> {
                                    threads.spawn(unwound(() -> threads.sleepUntil(100)));
                                    threads.spawn(
                                            unwound(
                                                    () -> threads.await(
                                                            2, NO_DEADLINE, "k2")));
                                    threads.spawn(unwound(() -> threads.terminate(exit)));
                                    threads.await(1, NO_DEADLINE, "k1");
                                }));

        assertEquals(exit, end);
        assertEquals(
                List.of(
                        "t3 killed", "t3 killed again",
                        "t0 killed", "t0 killed again",
                        "t1 killed", "t1 killed again",
                        "t2 killed", "t2 killed again"),
                h.notes);
        assertEquals(4, carriers.made());
        assertEquals(0, carriers.alive());
    }

    @Test
    void theFirstTerminationWins() {
        Termination end =
                h.run(
                        () -> {
                            threads.spawn(() -> threads.terminate(Termination.exit(1, 1)));
                            try {
                                threads.terminate(Termination.trap(0, "first"));
                            } finally {
                                threads.terminate(Termination.exit(0, 2));
                            }
                        });

        assertEquals(Termination.trap(0, "first"), end);
        assertEquals(0, carriers.alive());
    }

    @Test
    void mainReturningEndsTheProgramWithExitZero() {
        Termination end =
                h.run(
                        () -> {
                            threads.spawn(unwound(() -> threads.await(1, NO_DEADLINE, "k1")));
                            threads.yieldNow();
                        });

        assertEquals(Termination.exit(0, 0), end);
        assertEquals(List.of("t1 killed", "t1 killed again"), h.notes);
        assertEquals(0, carriers.alive());
    }

    @Test
    void threadsThatNeverRanNeedNoCarrier() {
        Termination end =
                h.run(
                        () -> {
                            threads.spawn(() -> h.note("never runs"));
                            threads.terminate(Termination.exit(0, 3));
                        });

        assertEquals(Termination.exit(0, 3), end);
        assertEquals(List.of(), h.notes);
        assertEquals(1, carriers.made());
    }

    @Test
    void anExceptionEscapingABodyEndsTheRunAsAnInternalError() {
        Termination end =
                h.run(
                        () -> {
                            threads.spawn(
                                    () -> {
                                        throw new IllegalStateException("boom");
                                    });
                            threads.await(1, NO_DEADLINE, "k1");
                        });

        assertEquals(
                Termination.hostError(
                        1,
                        ExitCodes.INTERNAL,
                        "internal error in guest thread 1: java.lang.IllegalStateException: boom"),
                end);
        assertEquals(0, carriers.alive());
    }

    @Test
    void aCarrierThatCannotStartEndsTheRunAsAnInternalErrorInsteadOfHanging() {
        Thread.Builder virtual = Thread.ofVirtual();
        int[] made = {0};
        ThreadFactory onlyOne =
                body -> {
                    if (made[0]++ > 0) {
                        throw new IllegalStateException("no more threads");
                    }
                    return virtual.unstarted(body);
                };
        EventLog events = new EventLog(false);
        GuestThreads scheduler =
                new CooperativeScheduler(
                        new Decisions(new FifoPolicy(), events),
                        events,
                        new VirtualThreadCarriers(onlyOne));

        Termination end =
                scheduler.run(
                        () -> {
                            scheduler.spawn(() -> h.note("never runs"));
                            scheduler.await(1, NO_DEADLINE, "k1");
                        });

        assertEquals(Termination.Kind.HOST_ERROR, end.kind());
        assertEquals(ExitCodes.INTERNAL, end.exitCode());
        assertEquals(
                "internal error in guest thread 1:"
                        + " java.lang.IllegalStateException: no more threads",
                end.message());
        assertEquals(List.of(), h.notes);
    }

    @Test
    void aTraceThatDoesNotFitEndsTheRunAsAHostError() {
        Harness replay = new Harness(new ReplayTrace(List.of(5), EnumSet.allOf(DecisionKind.class), new FifoPolicy()), carriers);

        Termination end =
                replay.run(
                        () -> {
                            replay.threads.spawn(() -> replay.note("never runs"));
                            replay.threads.schedulingPoint();
                        });

        assertEquals(
                Termination.hostError(
                        0,
                        ExitCodes.USAGE,
                        "trace does not fit the program: decision 0 (schedule) has 2 options,"
                                + " the trace says 5"),
                end);
        assertEquals(List.of(), replay.notes);
        assertEquals(0, carriers.alive());
    }

    @Test
    void anInterruptedCallerStillRunsTheProgramAndKeepsItsInterrupt() {
        Thread.currentThread().interrupt();

        Termination end =
                h.run(
                        () -> {
                            threads.spawn(() -> threads.wake(1, 1));
                            threads.await(1, NO_DEADLINE, "k1");
                            threads.terminate(Termination.exit(0, 4));
                        });

        assertTrue(Thread.interrupted());
        assertEquals(Termination.exit(0, 4), end);
        assertEquals(0, carriers.alive());
    }

    @Test
    void thousandsOfRunsLeaveNoCarrierAlive() {
        int runs = 3_000;
        int deadlocks = 0;
        for (int i = 0; i < runs; i++) {
            Harness run = new Harness(new FifoPolicy(), carriers);
            GuestThreads t = run.threads;
            boolean deadlock = i % 2 == 0;
            Termination end =
                    run.run(
                            () -> {
                                t.spawn(() -> t.await(1, NO_DEADLINE, "k1"));
                                t.spawn(
                                        () -> {
                                            t.schedulingPoint();
                                            t.sleepUntil(10);
                                            if (!deadlock) {
                                                t.terminate(Termination.exit(2, 0));
                                            }
                                        });
                                t.await(2, NO_DEADLINE, "k2");
                            });
            if (end.kind() == Termination.Kind.DEADLOCK) {
                deadlocks++;
            }
        }

        assertEquals(runs / 2, deadlocks);
        assertEquals(3 * runs, carriers.made());
        assertEquals(0, carriers.alive());
    }
}
