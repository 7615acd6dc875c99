package dev.detwasm.bench.modelcheck;

import com.google.inject.Guice;
import dev.detwasm.bench.Guests;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.host.PreemptAt;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.modelcheck.CheckReport;
import dev.detwasm.modelcheck.CheckSettings;
import dev.detwasm.modelcheck.ModelCheckModule;
import dev.detwasm.modelcheck.ModelChecker;
import dev.detwasm.modelcheck.ProgressListener;
import dev.detwasm.modelcheck.ReproductionCommand;
import dev.detwasm.scheduler.SchedulerModule;
import dev.detwasm.wasi.WasiPreview1Module;
import java.util.Locale;
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
 * Runs per second of {@code detwasm check --strategy pct} on the racy counter ({@link
 * Guests#RACY_COUNTER_WASM}) with {@code --preempt-at sync} and {@code memory}: what access
 * points cost a sampling strategy, which asks only at its change points. One invocation is an
 * exploration of {@value #RUNS} runs (checked in setup); memory / sync is the figure to read
 * (the target: at least 0.5).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class AccessPointsBenchmark {
    static final int RUNS = 200;

    /** {@code --preempt-at}. */
    @Param({"sync", "memory"})
    public String preemptAt;

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
        config =
                RunConfig.builder()
                        .preemptAt(PreemptAt.valueOf(preemptAt.toUpperCase(Locale.ROOT)))
                        .build();
        settings = CheckSettings.builder().strategy("pct").maxRuns(RUNS).build();
        reproduction = new ReproductionCommand(program.name(), config, null);
        CheckReport report = check();
        if (report.runs() != RUNS) {
            throw new IllegalStateException(
                    "expected " + RUNS + " runs, got " + report.runs() + ": the tree is covered");
        }
    }

    @Benchmark
    @OperationsPerInvocation(RUNS)
    public CheckReport check() throws LoadException {
        return checker.check(program, config, settings, reproduction, ProgressListener.NONE);
    }
}
