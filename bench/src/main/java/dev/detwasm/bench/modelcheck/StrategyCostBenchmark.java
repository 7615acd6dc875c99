package dev.detwasm.bench.modelcheck;

import dev.detwasm.host.EventLog;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionSource;
import dev.detwasm.host.spi.Decisions;
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
 * program of {@code threads} threads that make {@value #STEPS} steps in all, each step behind a
 * scheduling point whose candidates are every runnable thread (so 3 threads make 100 steps
 * each, 100 threads 3 each, and every run has about {@value #STEPS} decisions). No guest code:
 * the program is a fake on host-core's {@link Decisions}, so the score is the explorer's,
 * the run driver's and the strategy's own cost, in nanoseconds per decision. The bar:
 * 100 threads within 2x of 3 threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StrategyCostBenchmark {
    static final int STEPS = 300;
    static final int RUNS = 20;

    @Param({"3", "100"})
    public int threads;

    @Param({"pct", "random"})
    public String strategy;

    private RunExecutor program;
    private Explorer explorer;

    @Setup
    public void setUp() {
        program = new SteppingThreads(threads, STEPS / threads);
        explorer = new Explorer(program, Branching.unbounded(),
                new Limits(RUNS, Limits.NO_TIME_LIMIT, false, 1), ProgressListener.NONE);
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
     * Threads that each make {@code steps} steps, on a cooperative scheduler: before each step
     * every runnable thread is a candidate, the running one first; a preempted thread joins the
     * back of the queue.
     */
    static final class SteppingThreads implements RunExecutor {
        private final int threads;
        private final int steps;

        SteppingThreads(int threads, int steps) {
            this.threads = threads;
            this.steps = steps;
        }

        @Override
        public RunOutcome execute(DecisionSource source) {
            Decisions decisions = new Decisions(source, new EventLog(false));
            int[] done = new int[threads];
            // The run queue as the scheduler keeps it, ids in an array: no boxing per decision,
            // so the fake's own cost per decision stays as small as the real scheduler's.
            int[] queue = new int[threads];
            int queued = 0;
            for (int t = 1; t < threads; t++) {
                queue[queued++] = t;
            }
            int running = 0;
            while (true) {
                boolean canGoOn = done[running] < steps;
                int first = canGoOn ? 1 : 0;
                if (first + queued == 0) {
                    break;
                }
                int[] ids = new int[first + queued];
                if (canGoOn) {
                    ids[0] = running;
                }
                System.arraycopy(queue, 0, ids, first, queued);
                int choice = decisions.choose(Decision.schedule(running, ids));
                if (choice >= first) {
                    int at = choice - first;
                    int next = queue[at];
                    System.arraycopy(queue, at + 1, queue, at, queued - at - 1);
                    queued--;
                    if (canGoOn) {
                        queue[queued++] = running;
                    }
                    running = next;
                }
                done[running]++;
            }
            return new RunOutcome(Termination.exit(0, 0), new byte[0], new byte[0],
                    decisions.trace(), decisions.kinds(), List.of(), "");
        }
    }
}
