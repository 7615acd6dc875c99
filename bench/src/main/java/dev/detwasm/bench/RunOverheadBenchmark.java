package dev.detwasm.bench;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.google.inject.Guice;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.spi.GuestThreadsFactory;
import dev.detwasm.scheduler.SchedulerModule;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-run overhead that the model checker pays for every explored run, on a program that
 * does almost nothing (one store, one load, one host call). {@code runner} is a whole {@code
 * Runner.run}: host functions made for the run, the imports checked, a fresh detwasm memory,
 * instantiation, {@code _start}, the result collected, on the caller's thread ({@link
 * OneThread}). {@code scheduledRunner} is the same with the real scheduler as Guice binds
 * it ({@code SchedulerModule}: the main guest thread on a virtual thread, the caller waiting
 * for it). {@code chicory} is the baseline: the same module instantiated and run with plain
 * Chicory and stub imports, nothing of detwasm around it. runner/chicory is host-core's own
 * share, scheduledRunner/runner the scheduler's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class RunOverheadBenchmark {

    private Runs runs;
    private Runs scheduledRuns;
    private Program program;
    private Function<Instance, Machine> machineFactory;
    private WasmModule module;
    private ImportValues stubs;

    @Setup
    public void setUp(EngineChoice choice) throws LoadException {
        program = Guests.wat("trivial.wat", Guests.TRIVIAL);
        runs = new Runs(program, choice.engine());
        runs.checked(42);
        GuestThreadsFactory scheduler =
                Guice.createInjector(new SchedulerModule()).getInstance(GuestThreadsFactory.class);
        scheduledRuns = new Runs(program, choice.engine(), scheduler);
        scheduledRuns.checked(42);
        machineFactory = program.machineFactory(choice.engine());
        module = program.moduleToInstantiate(choice.engine());
        stubs = StubImports.of(program, List.of(), null);
    }

    @Benchmark
    public long runner() throws LoadException {
        return BenchHost.result(runs.once());
    }

    @Benchmark
    public long scheduledRunner() throws LoadException {
        return BenchHost.result(scheduledRuns.once());
    }

    @Benchmark
    public Instance chicory() {
        Instance instance =
                Instance.builder(module)
                        .withImportValues(stubs)
                        .withMachineFactory(machineFactory)
                        .build();
        instance.export("_start").apply();
        return instance;
    }
}
