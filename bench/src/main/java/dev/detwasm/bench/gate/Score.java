package dev.detwasm.bench.gate;

/**
 * One benchmark's result in a JMH run: {@code id} is its name without the package, followed by
 * its parameters ({@code ExecutionBenchmark.run engine=aot workload=sieve}); {@code score} is
 * its best measured iteration in JMH's {@code unit}, {@code seconds} the time one operation
 * took in that iteration, whatever the mode reported (throughput is turned around).
 */
public record Score(String id, double score, String unit, double seconds) {}
