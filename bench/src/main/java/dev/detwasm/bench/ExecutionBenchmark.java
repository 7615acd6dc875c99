package dev.detwasm.bench;

import dev.detwasm.host.load.LoadException;
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
 * AOT against the interpreter on CPU-bound guests: one whole run through host-core's {@code
 * Runner} (instantiate, {@code _start}, report the checksum) per operation. The program is
 * loaded and compiled once per trial. The interpreter/aot ratio of the same workload is the
 * figure to read; the per-run overhead (microseconds, see {@link RunOverheadBenchmark}) is
 * lost in the milliseconds of guest work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExecutionBenchmark {

    /** {@code collatz}: arithmetic in locals; {@code sieve}: byte loads and stores. */
    @Param({"collatz", "sieve"})
    public String workload;

    private Runs runs;
    private long expected;

    @Setup
    public void setUp(EngineChoice choice) throws LoadException {
        switch (workload) {
            case "collatz" -> {
                runs = new Runs(Guests.wat("collatz.wat", Guests.COLLATZ), choice.engine());
                expected = Guests.collatzSteps();
            }
            case "sieve" -> {
                runs = new Runs(Guests.wat("sieve.wat", Guests.SIEVE), choice.engine());
                expected = Guests.sievePrimes();
            }
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        }
        runs.checked(expected);
    }

    @Benchmark
    public long run() throws LoadException {
        return BenchHost.result(runs.once());
    }
}
