package dev.detwasm.bench.scheduler;

import dev.detwasm.host.EventLog;
import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.scheduler.Carrier;
import dev.detwasm.scheduler.Carriers;
import dev.detwasm.scheduler.CooperativeScheduler;
import dev.detwasm.scheduler.VirtualThreadCarriers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one context switch between guest threads, per switch. {@code carriers} passes the
 * baton back and forth between two bare {@link Carrier}s: the hand-off alone. {@code
 * waitAndWake} has two guest threads of a {@link CooperativeScheduler} take turns through
 * {@code await}/{@code wake}, so only one is ever runnable and no decision is made: the
 * hand-off plus the scheduler's bookkeeping. {@code yielding} has them {@code yieldNow}: every
 * switch is also a fifo {@code schedule} decision, recorded in the trace. Each invocation makes
 * {@value #SWITCHES} switches; setting up the threads is amortised over them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HandOffBenchmark {
    static final int SWITCHES = 10_000;

    private final Carriers carriers = new VirtualThreadCarriers();

    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public int carriers() {
        Carrier caller = carriers.caller();
        Carrier[] pair = new Carrier[2];
        int[] passes = {0};
        for (int side = 0; side < 2; side++) {
            int me = side;
            pair[side] =
                    carriers.carrier(
                            () -> {
                                while (passes[0] < SWITCHES) {
                                    passes[0]++;
                                    pair[1 - me].giveTurn();
                                    pair[me].awaitTurn();
                                }
                                pair[1 - me].giveTurn(); // lets the other one see the end
                                if (me == 0) {
                                    caller.giveTurn();
                                }
                            });
        }
        pair[0].giveTurn();
        caller.awaitTurn();
        pair[0].join();
        pair[1].join();
        return passes[0];
    }

    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public Termination waitAndWake() {
        return TwoGuestThreads.waitAndWake(scheduler(), SWITCHES);
    }

    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public Termination yielding() {
        GuestThreads threads = scheduler();
        return threads.run(
                () -> {
                    threads.spawn(
                            () -> {
                                while (true) {
                                    threads.yieldNow();
                                }
                            });
                    for (int i = 0; i < SWITCHES / 2; i++) {
                        threads.yieldNow();
                    }
                });
    }

    private GuestThreads scheduler() {
        EventLog events = new EventLog(false);
        return new CooperativeScheduler(new Decisions(new FifoPolicy(), events), events, carriers);
    }
}
