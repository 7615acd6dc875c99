package dev.detwasm.bench.modelcheck;

import com.google.inject.Guice;
import dev.detwasm.bench.Guests;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.modelcheck.Bound;
import dev.detwasm.modelcheck.CheckReport;
import dev.detwasm.modelcheck.CheckSettings;
import dev.detwasm.modelcheck.ModelCheckModule;
import dev.detwasm.modelcheck.ModelChecker;
import dev.detwasm.modelcheck.ProgressListener;
import dev.detwasm.modelcheck.ReproductionCommand;
import dev.detwasm.scheduler.SchedulerModule;
import dev.detwasm.wasi.WasiPreview1Module;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Interleavings per second of {@code detwasm check} on the racy counter ({@link
 * Guests#RACY_COUNTER_WASM}). One invocation is one whole exploration made as the CLI makes
 * it: {@link ModelChecker#check} wired by the product's Guice modules, the program compiled
 * once in setup, dfs over every kind of decision with preemption bound 1, which covers the
 * bounded tree: {@value #RUNS} runs, {@value #FAILING} of them losing an update. {@code jobs}
 * 1 and 2 make the same runs; the score is runs per second, and jobs 2 / (2 x jobs 1) is the
 * parallel efficiency.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class CheckBenchmark {
    static final int RUNS = 131;
    static final int FAILING = 3;

    /** {@code --jobs}. */
    @Param({"1", "2"})
    public int jobs;

    private ModelChecker checker;
    private Program program;
    private RunConfig config;
    private CheckSettings settings;
    private ReproductionCommand reproduction;

    @Setup
    public void setUp() throws LoadException {
        checker =
                Guice.createInjector(
                                new HostCoreModule(),
                                new SchedulerModule(),
                                new WasiPreview1Module(),
                                new ModelCheckModule())
                        .getInstance(ModelChecker.class);
        program = Guests.wasm(Guests.RACY_COUNTER_WASM);
        config = RunConfig.builder().build();
        settings =
                CheckSettings.builder()
                        .strategy("dfs")
                        .preemptionBound(1)
                        .maxRuns(CheckSettings.UNLIMITED)
                        .jobs(jobs)
                        .build();
        reproduction = new ReproductionCommand(program.name(), config, null);
        CheckReport report = check();
        if (report.runs() != RUNS
                || report.failingRuns() != FAILING
                || !report.bounds().equals(Set.of(Bound.PREEMPTION_BOUND))) {
            throw new IllegalStateException(
                    "expected the whole tree within preemption bound 1: " + RUNS + " runs, "
                            + FAILING + " failing; got " + report.runs() + " runs, "
                            + report.failingRuns() + " failing, bounds " + report.bounds());
        }
    }

    @Benchmark
    @OperationsPerInvocation(RUNS)
    public CheckReport check() throws LoadException {
        return checker.check(program, config, settings, reproduction, ProgressListener.NONE);
    }
}
