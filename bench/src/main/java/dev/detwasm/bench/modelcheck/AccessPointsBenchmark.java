package dev.detwasm.bench.modelcheck;

import dev.detwasm.bench.Guests;
import dev.detwasm.host.PreemptAt;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.modelcheck.CheckReport;
import dev.detwasm.modelcheck.CheckSettings;
import java.io.IOException;
import java.util.Locale;
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
 * Runs per second of {@code detwasm check --strategy pct} with {@code
 * --preempt-at sync} and {@code memory}, on the racy counter ({@link Guests#RACY_COUNTER_WASM})
 * and the three races on plain variables of testdata: what access points cost a sampling
 * strategy, which asks only at its change points. One invocation is an exploration of {@value
 * #RUNS} runs without stopping at failures (checked in setup); memory / sync per program is
 * the figure to read (the target: at least 0.5).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:-DontCompileHugeMethods") // as the launcher runs check
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class AccessPointsBenchmark {
    static final int RUNS = 200;

    /** The program: the bundled racy counter, or a fixture under testdata. */
    @Param({"racy_counter", "c/store_order", "c/steal_queue", "cpp/wrong_lock"})
    public String program;

    /** {@code --preempt-at}. */
    @Param({"sync", "memory"})
    public String preemptAt;

    @Setup
    public void setUp(ModelCheckerState state) throws IOException, LoadException {
        Program loaded =
                program.equals("racy_counter")
                        ? Guests.wasm(Guests.RACY_COUNTER_WASM)
                        : Guests.fixture(program + ".wasm");
        RunConfig config =
                RunConfig.builder()
                        .preemptAt(PreemptAt.valueOf(preemptAt.toUpperCase(Locale.ROOT)))
                        .build();
        CheckSettings settings =
                CheckSettings.builder()
                        .strategy("pct")
                        .maxRuns(RUNS)
                        .build();
        CheckReport report = state.use(loaded, config, settings);
        if (report.runs() != RUNS) {
            throw new IllegalStateException(
                    "expected " + RUNS + " runs, got " + report.runs() + ": the tree is covered");
        }
    }

    @Benchmark
    @OperationsPerInvocation(RUNS)
    public CheckReport check(ModelCheckerState state) throws LoadException {
        return state.check();
    }
}
