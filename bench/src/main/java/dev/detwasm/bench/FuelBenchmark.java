package dev.detwasm.bench;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.host.OneThread;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.Runner;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.transform.Pass;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What counting steps costs: the CPU-bound guests of {@link ExecutionBenchmark} under AOT,
 * without the {@code fuel} pass ({@code none}) and with it and a step budget they never reach
 * ({@code budget}), so the fuel checks run but never stop the guest. budget / none is the
 * overhead {@code check} pays by default. The passes are those the product binds ({@link
 * HostCoreModule}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FuelBenchmark {

    /** {@code none}: no step counting; {@code budget}: the fuel pass and a budget of 2^62. */
    @Param({"none", "budget"})
    public String steps;

    private Runs runs;

    @Setup
    public void setUp(Workload workload) throws LoadException {
        Map<String, Pass> passes =
                Guice.createInjector(new HostCoreModule())
                        .getInstance(Key.get(new TypeLiteral<Map<String, Pass>>() {}));
        Runner runner = new Runner(Set.of(new BenchHost()), (d, e) -> new OneThread(), passes);
        RunConfig config =
                RunConfig.builder().maxSteps(steps.equals("budget") ? 1L << 62 : 0).build();
        runs = new Runs(runner, workload.program(), config);
        runs.checked(workload.expected());
    }

    @Benchmark
    public long run() throws LoadException {
        return BenchHost.result(runs.once());
    }
}
