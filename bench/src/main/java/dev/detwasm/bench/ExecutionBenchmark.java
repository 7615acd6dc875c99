package dev.detwasm.bench;

import dev.detwasm.host.load.LoadException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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

    private Runs runs;

    @Setup
    public void setUp(EngineChoice choice, Workload workload) throws LoadException {
        runs = new Runs(workload.program(), choice.engine());
        runs.checked(workload.expected());
    }

    @Benchmark
    public long run() throws LoadException {
        return BenchHost.result(runs.once());
    }
}
