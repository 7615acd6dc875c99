package dev.detwasm.bench.gate;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The gate's measure ({@code -prof dev.detwasm.bench.gate.CpuTimeProfiler}): the CPU time the
 * benchmark's JVM used during each measured iteration, divided by the operations the iteration
 * made; the best iteration is the one least disturbed. Unlike the wall clock, it does not grow
 * while the benchmark waits for a core that other processes hold, which on a loaded machine is
 * most of the noise. It is the sum over the JVM's live platform threads, to the nanosecond (the
 * process's own CPU time counts in 10 ms ticks, too coarse for a single shot of 50 ms): work a
 * benchmark hands to other threads (the scheduler's carriers, {@code check}'s jobs) counts; the
 * JIT's and the GC's threads, which JMX does not list, do not, nor a thread that ends within
 * the iteration.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    /** The secondary metric's name in JMH's results. */
    public static final String METRIC = "cpu";

    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private Map<Long, Long> start = Map.of();

    @Override
    public String getDescription() {
        return "CPU time of the whole JVM per operation, best iteration (detwasm's regression gate)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        start = cpuByThread();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
        long used = 0;
        for (var thread : cpuByThread().entrySet()) {
            used += thread.getValue() - start.getOrDefault(thread.getKey(), 0L);
        }
        long ops = result.getMetadata().getMeasuredOps();
        return List.of(new ScalarResult(METRIC, (double) used / Math.max(ops, 1), "ns/op", AggregationPolicy.MIN));
    }

    private Map<Long, Long> cpuByThread() {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0) {
                byThread.put(ids[i], cpu[i]);
            }
        }
        return byThread;
    }
}
