package dev.detwasm.bench.modelcheck;

import dev.detwasm.host.EventLog;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.spi.DecisionSource;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.modelcheck.Branching;
import dev.detwasm.modelcheck.Exploration;
import dev.detwasm.modelcheck.ExplorationFacts;
import dev.detwasm.modelcheck.Explorer;
import dev.detwasm.modelcheck.Limits;
import dev.detwasm.modelcheck.PctSettings;
import dev.detwasm.modelcheck.PctStrategy;
import dev.detwasm.modelcheck.ProgressListener;
import dev.detwasm.modelcheck.RandomStrategy;
import dev.detwasm.modelcheck.RunExecutor;
import dev.detwasm.modelcheck.RunOutcome;
import dev.detwasm.modelcheck.Strategy;
import dev.detwasm.scheduler.Carriers;
import dev.detwasm.scheduler.CooperativeScheduler;
import dev.detwasm.scheduler.VirtualThreadCarriers;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a strategy costs per schedule decision, by number of threads: {@value #RUNS} runs of a
 * program of {@code threads} threads that make {@value #STEPS} scheduling points in all (so 3
 * threads make 1,000 each, 100 threads 30 each), on the scheduler {@code check} runs guest
 * threads on ({@link CooperativeScheduler}, each thread on its own virtual thread), explored
 * with the strategy as {@code check --strategy} does. No guest code: the score is the
 * scheduler's, the explorer's, the run driver's and the strategy's cost, in nanoseconds per
 * scheduling point (about one schedule decision each: the last thread's points after the
 * others ended are none, each exit but the last makes one), and it includes what a run costs
 * per thread: its records, its spawn, its exit, and a carrier started and a hand-off for each
 * thread that first runs while another that ran is blocked. The bar: 100 threads
 * within 2x of 3 threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// One carrier thread, as the detwasm process gives a one-job check (CarrierParallelism).
@Fork(value = 1, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StrategyCostBenchmark {
    static final int STEPS = 3000;
    static final int RUNS = 20;

    @Param({"3", "100"})
    public int threads;

    @Param({"pct", "random"})
    public String strategy;

    private Explorer explorer;

    @Setup
    public void setUp() {
        explorer = new Explorer(new SteppingThreads(threads, STEPS / threads),
                Branching.unbounded(), new Limits(RUNS, Limits.NO_TIME_LIMIT, false, 1), ProgressListener.NONE);
    }

    @Benchmark
    @OperationsPerInvocation(RUNS * STEPS)
    public Exploration explore() throws LoadException {
        ExplorationFacts facts = new ExplorationFacts(1, false);
        Strategy s = strategy.equals("pct") ? new PctStrategy(facts, new PctSettings(3))
                : new RandomStrategy(facts);
        return explorer.explore(s, run -> {});
    }

    /**
     * Threads that each make {@code steps} scheduling points on a {@link CooperativeScheduler}:
     * main starts the others, makes its points, and waits until the last one has ended.
     */
    static final class SteppingThreads implements RunExecutor {
        private static final long ALL_DONE = 1;

        private final Carriers carriers = new VirtualThreadCarriers();
        private final int threads;
        private final int steps;

        SteppingThreads(int threads, int steps) {
            this.threads = threads;
            this.steps = steps;
        }

        @Override
        public RunOutcome execute(DecisionSource source) {
            EventLog events = new EventLog(false);
            Decisions decisions = new Decisions(source, events);
            CooperativeScheduler scheduler = new CooperativeScheduler(decisions, events, carriers);
            int[] running = {threads - 1};
            Termination end = scheduler.run(() -> {
                for (int t = 1; t < threads; t++) {
                    scheduler.spawn(() -> {
                        step(scheduler);
                        if (--running[0] == 0) {
                            scheduler.wake(ALL_DONE, 1);
                        }
                    });
                }
                step(scheduler);
                if (running[0] > 0) {
                    scheduler.await(ALL_DONE, GuestThreads.NO_DEADLINE, "the others");
                }
            });
            return new RunOutcome(end, new byte[0], new byte[0], decisions.trace(),
                    decisions.kinds(), List.of(), "");
        }

        private void step(CooperativeScheduler scheduler) {
            for (int i = 0; i < steps; i++) {
                scheduler.schedulingPoint();
            }
        }
    }
}
