package dev.detwasm.bench.gate;

/**
 * One benchmark's result in a JMH run: {@code id} is its name without the package, followed by
 * its parameters ({@code ExecutionBenchmark.run engine=aot workload=sieve}); {@code score} is its
 * best measured iteration by the wall clock in JMH's {@code unit}; {@code cpuSeconds} is the CPU
 * time one operation took in its best iteration ({@link CpuTimeProfiler}), the figure the gate
 * judges.
 */
public record Score(String id, double score, String unit, double cpuSeconds) {}
