package dev.detwasm.bench;

import dev.detwasm.host.load.LoadException;

/**
 * {@link FuelBenchmark}'s ratio (budget / none) by CPU time in alternating rounds ({@link
 * CpuRounds}), for a loaded machine.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.detwasm.bench.FuelCpuRatio [ROUNDS]}
 */
public final class FuelCpuRatio {
    private FuelCpuRatio() {}

    public static void main(String[] args) throws LoadException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        for (String workload : new String[] {"collatz", "sieve"}) {
            CpuRounds.compare(workload, "none", benchmark(workload, "none")::run, "budget",
                    benchmark(workload, "budget")::run, rounds);
        }
    }

    private static FuelBenchmark benchmark(String workload, String steps) throws LoadException {
        Workload guest = new Workload();
        guest.workload = workload;
        FuelBenchmark b = new FuelBenchmark();
        b.steps = steps;
        b.setUp(guest);
        return b;
    }
}
