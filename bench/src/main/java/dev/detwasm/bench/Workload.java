package dev.detwasm.bench;

import dev.detwasm.host.load.Program;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The {@code workload} parameter of the benchmarks that run a CPU-bound guest: a JMH state their
 * setups take, so that the guests, the parameter's values and the result each must report are
 * written once.
 */
@State(Scope.Benchmark)
public class Workload {
    /** {@code collatz}: arithmetic in locals; {@code sieve}: byte loads and stores. */
    @Param({"collatz", "sieve"})
    public String workload;

    /** The guest, loaded (not yet compiled). */
    public Program program() {
        return switch (workload) {
            case "collatz" -> Guests.wat("collatz.wat", Guests.COLLATZ);
            case "sieve" -> Guests.wat("sieve.wat", Guests.SIEVE);
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
    }

    /** What the guest reports through {@code bench.result}. */
    public long expected() {
        return switch (workload) {
            case "collatz" -> Guests.collatzSteps();
            case "sieve" -> Guests.sievePrimes();
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
    }
}
