package dev.detwasm.bench;

import dev.detwasm.host.load.LoadException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A same-run ratio of two configurations on a loaded machine: JMH times each configuration in
 * turn by the wall clock, so load that comes and goes between them skews the ratio by more
 * than the overhead measured. This alternates the two in rounds of {@value #RUNS_PER_ROUND}
 * runs and times each round by the thread's CPU time, which waiting for a core does not
 * inflate; it prints the ratio of the best rounds and of the median ones.
 */
final class CpuRounds {
    private static final int RUNS_PER_ROUND = 20;

    /** One run of a configuration. */
    @FunctionalInterface
    interface Configuration {
        void run() throws LoadException;
    }

    private CpuRounds() {}

    static void compare(
            String workload, String baseName, Configuration base, String otherName,
            Configuration other, int rounds) throws LoadException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] first = new long[rounds];
        long[] second = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            first[r] = round(cpu, base);
            second[r] = round(cpu, other);
        }
        Arrays.sort(first);
        Arrays.sort(second);
        System.out.printf(
                "%s: %s %.3f ms, %s %.3f ms of CPU per run (best rounds);"
                        + " %s / %s %.2f (best), %.2f (median)%n",
                workload, baseName, first[0] / 1e6 / RUNS_PER_ROUND, otherName,
                second[0] / 1e6 / RUNS_PER_ROUND, otherName, baseName,
                (double) second[0] / first[0], (double) second[rounds / 2] / first[rounds / 2]);
    }

    private static long round(ThreadMXBean cpu, Configuration c) throws LoadException {
        long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < RUNS_PER_ROUND; i++) {
            c.run();
        }
        return cpu.getCurrentThreadCpuTime() - start;
    }
}
