package dev.detwasm.bench.modelcheck;

import dev.detwasm.bench.Guests;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.modelcheck.Bound;
import dev.detwasm.modelcheck.CheckReport;
import dev.detwasm.modelcheck.CheckSettings;
import java.util.Set;
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
 * Interleavings per second of {@code detwasm check} on the racy counter ({@link
 * Guests#RACY_COUNTER_WASM}). One invocation is one whole exploration made as the CLI makes
 * it ({@link ModelCheckerState}), the program compiled once in setup, dfs over every kind of
 * decision with preemption bound 1, which covers the bounded tree: {@value #RUNS} runs,
 * {@value #FAILING} of them losing an update. {@code jobs} 1 and 2 make the same runs; the
 * score is runs per second, and jobs 2 / (2 x jobs 1) is the parallel efficiency.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:-DontCompileHugeMethods") // as the launcher runs check
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class CheckBenchmark {
    static final int RUNS = 131;
    static final int FAILING = 3;

    /** {@code --jobs}. */
    @Param({"1", "2"})
    public int jobs;

    @Setup
    public void setUp(ModelCheckerState state) throws LoadException {
        CheckSettings settings =
                CheckSettings.builder()
                        .strategy("dfs")
                        .preemptionBound(1)
                        .maxRuns(CheckSettings.UNLIMITED)
                        .jobs(jobs)
                        .build();
        CheckReport report =
                state.use(Guests.wasm(Guests.RACY_COUNTER_WASM), RunConfig.builder().build(),
                        settings);
        if (report.runs() != RUNS
                || report.failingRuns() != FAILING
                || !report.bounds().equals(Set.of(Bound.PREEMPTION_BOUND))) {
            throw new IllegalStateException(
                    "expected the whole tree within preemption bound 1: " + RUNS + " runs, "
                            + FAILING + " failing; got " + report.runs() + " runs, "
                            + report.failingRuns() + " failing, bounds " + report.bounds());
        }
    }

    @Benchmark
    @OperationsPerInvocation(RUNS)
    public CheckReport check(ModelCheckerState state) throws LoadException {
        return state.check();
    }
}
