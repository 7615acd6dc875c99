package dev.detwasm.bench;

import dev.detwasm.host.OneThread;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.Runner;
import dev.detwasm.host.load.LoadException;
import java.util.Arrays;
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
 * {@code high} sieves the 64 KiB above 2 GiB of a 32,769-page memory: every access takes the
 * slow path, a call of the host builtin.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.detwasm.bench.WideAddressBenchmark
 * [ROUNDS [ENGINE...]]} gives the same ratios by CPU time in alternating rounds ({@link
 * CpuRounds}).
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

    /** The same sieve over the 64 KiB at 2 GiB, through the static offsets of its accesses. */
    static final String SIEVE_ABOVE_TWO_GIB = SIEVE_OWN_MEMORY
            .replace("(memory 1)", "(memory 32769)")
            .replace("(memory.fill (i32.const 0)", "(memory.fill (i32.const 0x80000000)")
            .replace("i32.load8_u", "i32.load8_u offset=0x80000000")
            .replace("i32.store8", "i32.store8 offset=0x80000000");

    @Param({"off", "on", "high"})
    public String rewrite;

    private Runs runs;

    @Setup
    public void setUp(EngineChoice choice) throws LoadException {
        Runner runner = new Runner(Set.of(new BenchHost()), (d, e) -> new OneThread());
        RunConfig.Builder config = RunConfig.builder().engine(choice.engine());
        if (rewrite.equals("on")) {
            config.maxMemoryPages(RunConfig.DEFAULT_MAX_MEMORY_PAGES);
        }
        runs = rewrite.equals("high")
                ? new Runs(runner, Guests.wat("sieve-2gib.wat", SIEVE_ABOVE_TWO_GIB),
                        config.build())
                : new Runs(runner, Guests.wat("sieve-own-memory.wat", SIEVE_OWN_MEMORY),
                        config.build());
        runs.checked(Guests.sievePrimes());
    }

    @Benchmark
    public long run() throws LoadException {
        return BenchHost.result(runs.once());
    }

    public static void main(String[] args) throws LoadException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        String[] engines = args.length > 1
                ? Arrays.copyOfRange(args, 1, args.length)
                : new String[] {"aot", "interpreter"};
        for (String engine : engines) {
            WideAddressBenchmark off = benchmark("off", engine);
            for (String rewritten : new String[] {"on", "high"}) {
                CpuRounds.compare("sieve, " + engine, "off", off::run, rewritten,
                        benchmark(rewritten, engine)::run, rounds);
            }
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
