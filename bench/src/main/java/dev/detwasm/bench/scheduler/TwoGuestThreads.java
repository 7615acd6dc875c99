package dev.detwasm.bench.scheduler;

import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;

/** A two-thread program of plain Java bodies, no Chicory: the scheduler's work alone. */
final class TwoGuestThreads {
    private static final long MAIN_TURN = 0;
    private static final long WORKER_TURN = 1;

    private TwoGuestThreads() {}

    /**
     * Runs main and one worker taking turns through {@code await}/{@code wake} until they have
     * switched {@code switches} times; only one is ever runnable, so no decision is made. Main
     * then returns and the worker is unwound.
     */
    static Termination waitAndWake(GuestThreads threads, int switches) {
        return threads.run(
                () -> {
                    threads.spawn(
                            () -> {
                                while (true) {
                                    threads.wake(MAIN_TURN, 1);
                                    threads.await(WORKER_TURN, GuestThreads.NO_DEADLINE, "turn");
                                }
                            });
                    for (int i = 0; i < switches / 2; i++) {
                        threads.await(MAIN_TURN, GuestThreads.NO_DEADLINE, "turn");
                        threads.wake(WORKER_TURN, 1);
                    }
                });
    }
}
