package dev.detwasm.bench;

import dev.detwasm.host.OneThread;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.Runner;
import dev.detwasm.host.load.LoadException;
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
 * What the {@code wide-addresses} pass costs a memory-heavy guest: {@link Guests#SIEVE}'s byte
 * loads and stores over a memory of its own that declares no maximum, run as it is ({@code
 * off}: without {@code --max-memory} such a memory stops at 2 GiB) and rewritten ({@code on}:
 * {@code --max-memory 65536}, so it could pass 2 GiB). Every access stays below 2 GiB, so
 * {@code on} measures the fast path: the i64 address arithmetic and the test per access.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.detwasm.bench.WideAddressBenchmark
 * [ROUNDS]} gives the same ratio by CPU time in alternating rounds ({@link CpuRounds}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WideAddressBenchmark {
    /** The sieve over a memory it defines, without a maximum, instead of an imported page. */
    static final String SIEVE_OWN_MEMORY =
            Guests.SIEVE.replace("(import \"env\" \"memory\" (memory 1 1 shared))", "(memory 1)");

    @Param({"off", "on"})
    public String rewrite;

    private Runs runs;

    @Setup
    public void setUp(EngineChoice choice) throws LoadException {
        Runner runner = new Runner(Set.of(new BenchHost()), (d, e) -> new OneThread());
        RunConfig.Builder config = RunConfig.builder().engine(choice.engine());
        if (rewrite.equals("on")) {
            config.maxMemoryPages(RunConfig.DEFAULT_MAX_MEMORY_PAGES);
        }
        runs = new Runs(runner, Guests.wat("sieve-own-memory.wat", SIEVE_OWN_MEMORY),
                config.build());
        runs.checked(Guests.sievePrimes());
    }

    @Benchmark
    public long run() throws LoadException {
        return BenchHost.result(runs.once());
    }

    public static void main(String[] args) throws LoadException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        for (String engine : new String[] {"aot", "interpreter"}) {
            CpuRounds.compare("sieve, " + engine, "off", benchmark("off", engine)::run, "on",
                    benchmark("on", engine)::run, rounds);
        }
    }

    private static WideAddressBenchmark benchmark(String rewrite, String engine)
            throws LoadException {
        EngineChoice choice = new EngineChoice();
        choice.engine = engine;
        WideAddressBenchmark b = new WideAddressBenchmark();
        b.rewrite = rewrite;
        b.setUp(choice);
        return b;
    }
}
