package dev.detwasm.bench;

import dev.detwasm.host.load.LoadException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link FuelBenchmark}'s ratio (budget / none) on a loaded machine: JMH times each
 * configuration in turn by the wall clock, so load that comes and goes between them skews the
 * ratio by more than the overhead measured. This alternates the two configurations in rounds of
 * 20 runs and times each round by the thread's CPU time, which waiting for a core does not
 * inflate; it prints the ratio of the best rounds and of the median ones.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.detwasm.bench.FuelCpuRatio [ROUNDS]}
 */
public final class FuelCpuRatio {
    private static final int RUNS_PER_ROUND = 20;

    private FuelCpuRatio() {}

    public static void main(String[] args) throws LoadException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (String workload : new String[] {"collatz", "sieve"}) {
            FuelBenchmark none = benchmark(workload, "none");
            FuelBenchmark budget = benchmark(workload, "budget");
            long[] plain = new long[rounds];
            long[] counted = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                plain[r] = round(cpu, none);
                counted[r] = round(cpu, budget);
            }
            Arrays.sort(plain);
            Arrays.sort(counted);
            System.out.printf(
                    "%s: none %.3f ms, budget %.3f ms of CPU per run (best rounds);"
                            + " budget / none %.2f (best), %.2f (median)%n",
                    workload, plain[0] / 1e6 / RUNS_PER_ROUND, counted[0] / 1e6 / RUNS_PER_ROUND,
                    (double) counted[0] / plain[0],
                    (double) counted[rounds / 2] / plain[rounds / 2]);
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

    private static long round(ThreadMXBean cpu, FuelBenchmark b) throws LoadException {
        long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < RUNS_PER_ROUND; i++) {
            b.run();
        }
        return cpu.getCurrentThreadCpuTime() - start;
    }
}
