package dev.detwasm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark of this module once, with every parameter combination, through the JMH
 * Runner API with the least JMH allows (one fork, one short warm-up and measurement
 * iteration), so that a benchmark that fails in setup, trips on its own checksum or was
 * never generated breaks the build. It checks that scores exist, never how large they are.
 */
class BenchSmokeTest {
    /** The benchmarks of this package; other packages of the module are run but not listed. */
    private static final List<String> OURS =
            List.of(
                    "ExecutionBenchmark.run",
                    "InstantiateBenchmark.instantiate",
                    "RunOverheadBenchmark.runner",
                    "RunOverheadBenchmark.scheduledRunner",
                    "RunOverheadBenchmark.chicory",
                    "LoadCompileBenchmark.load",
                    "LoadCompileBenchmark.loadAndCompile",
                    "MemoryAccessBenchmark.byteSieve",
                    "MemoryAccessBenchmark.intStoresThenLoads");

    @Test
    void everyBenchmarkRunsOnceAndScores() throws RunnerException {
        // JMH refuses to start while another JMH run holds /tmp/jmh.lock (someone benchmarking
        // on the same machine); this run only checks that scores exist, so it may share.
        System.setProperty("jmh.ignoreLock", "true");
        Options options =
                new OptionsBuilder()
                        .include("^dev\\.detwasm\\.bench\\.")
                        .forks(1)
                        .warmupIterations(1)
                        .warmupTime(TimeValue.milliseconds(100))
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(100))
                        .timeout(TimeValue.seconds(60))
                        .shouldFailOnError(true)
                        .verbosity(VerboseMode.SILENT)
                        .build();
        Collection<RunResult> results = new Runner(options).run();

        assertFalse(results.isEmpty(), "JMH found no benchmarks: is the annotation processor on?");
        Set<String> ran = new TreeSet<>();
        for (RunResult result : results) {
            var params = result.getParams();
            String name = params.getBenchmark();
            ran.add(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
            double score = result.getPrimaryResult().getScore();
            String label = name + " " + paramsOf(result);
            System.out.printf("%s: %.3f %s%n", label, score, result.getPrimaryResult().getScoreUnit());
            assertTrue(Double.isFinite(score) && score > 0, label + " scored " + score);
        }
        assertTrue(ran.containsAll(OURS), "ran " + ran + ", expected at least " + OURS);
        assertEquals(4, count(results, "ExecutionBenchmark.run"), "engine x workload");
        assertEquals(2, count(results, "LoadCompileBenchmark.loadAndCompile"), "one per module");
        assertEquals(2, count(results, "CheckBenchmark.check"), "jobs 1 and 2");
    }

    private static long count(Collection<RunResult> results, String benchmark) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                .count();
    }

    private static String paramsOf(RunResult result) {
        var params = result.getParams();
        var keys = new TreeSet<>(params.getParamsKeys());
        StringBuilder b = new StringBuilder();
        for (String key : keys) {
            b.append(key).append('=').append(params.getParam(key)).append(' ');
        }
        return b.toString().strip();
    }
}
